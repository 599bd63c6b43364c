// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { customerEntity, customFieldDef, editableFields } from '../lib/fields';
import { FieldForm } from './FieldForm';

afterEach(cleanup);

const tier = customFieldDef({ id: 'fld_1', entity: 'customers', name: 'loyalty_tier', label: 'Loyalty tier', type: 'select', options: ['gold', 'silver'], created_at: '2026-01-01T00:00:00.000Z' });
const fields = [...editableFields(customerEntity.fields), tier];

function change(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('FieldForm', () => {
  it('derives labelled controls from the field registry, custom fields included', () => {
    render(<FieldForm fields={fields} mode="create" onSubmit={async () => {}} />);
    expect((screen.getByLabelText('Email') as HTMLInputElement).type).toBe('email');
    expect((screen.getByLabelText('Birthday') as HTMLInputElement).type).toBe('date');
    expect(screen.getByLabelText('Notes').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('Email opt-in').tagName).toBe('SELECT');
    const tierSelect = screen.getByLabelText('Loyalty tier') as HTMLSelectElement;
    expect([...tierSelect.options].map((o) => o.value)).toEqual(['', 'gold', 'silver']);
    // Figures and ids are computed by Rapport, so they are not editable.
    expect(screen.queryByLabelText('Revenue')).toBeNull();
    expect(screen.queryByLabelText('ID')).toBeNull();
  });

  it('creates with typed values and leaves blank fields out', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<FieldForm fields={fields} mode="create" onSubmit={onSubmit} />);
    change('First name', '  Ada ');
    change('Age', '36');
    change('Income', '1 250.5');
    change('Tags', 'vip, b2b, vip');
    change('Email opt-in', 'true');
    change('Loyalty tier', 'gold');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(onSubmit).toHaveBeenCalledWith({ first_name: 'Ada', age: 36, income: 1250.5, tags: ['vip', 'b2b'], consent_email: true, loyalty_tier: 'gold' });
  });

  it('sends only what changed when editing, with cleared fields as null', async () => {
    const onSubmit = vi.fn(async () => {});
    const record = { id: 'cus_1', first_name: 'Ada', city: 'London', age: 36, tags: ['vip'] };
    render(<FieldForm fields={fields} record={record} onSubmit={onSubmit} />);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    change('City', 'Paris');
    change('Age', '');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(onSubmit).toHaveBeenCalledWith({ city: 'Paris', age: null });
  });

  it('checks numbers before sending and shows server messages next to their fields', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'invalid_input', 'invalid json: email', { email: ['must be a valid e-mail address'] });
    });
    render(<FieldForm fields={fields} mode="create" onSubmit={onSubmit} />);
    change('Age', 'thirty');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a number')).toBeTruthy();
    expect(screen.getByLabelText('Age').getAttribute('aria-invalid')).toBe('true');

    change('Age', '30');
    change('Email', 'not-an-email');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('must be a valid e-mail address');
    expect(document.activeElement).toBe(email);
  });
});
