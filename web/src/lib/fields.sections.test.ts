import { describe, expect, it } from 'vitest';
import { customerEntity } from '../../../src/schema/entities.js';
import { customerSections, editableFields, sectionsOf } from './fields';

describe('form sections from the field registry', () => {
  it('groups the customer form as the registry says, in registry order', () => {
    expect(customerSections.map((s) => s.title)).toEqual(['Contact', 'Address', 'Profile', 'Consent']);
    expect(customerSections[0].fields.slice(0, 2)).toEqual(['first_name', 'last_name']);
    const sectioned = customerSections.flatMap((s) => s.fields);
    expect(new Set(sectioned).size).toBe(sectioned.length);
    // Every field placed in a section is one a person edits on the form.
    const editable = new Set(editableFields(customerEntity.fields).map((f) => f.name));
    expect(sectioned.filter((name) => !editable.has(name))).toEqual([]);
  });

  it('keeps fields without a section out of the sections', () => {
    const sections = sectionsOf([
      { name: 'a', label: 'A', type: 'text', section: 'One' },
      { name: 'b', label: 'B', type: 'text' },
      { name: 'c', label: 'C', type: 'text', section: 'Two' },
      { name: 'd', label: 'D', type: 'text', section: 'One' },
    ]);
    expect(sections).toEqual([
      { title: 'One', fields: ['a', 'd'] },
      { title: 'Two', fields: ['c'] },
    ]);
  });
});
