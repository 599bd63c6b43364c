import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areNicknames, formalNames } from './nicknames.js';
import { normaliseAddress, normaliseEmailLocal, normaliseName, normalisePostcode } from './normalise.js';
import { fixturePath } from '../test/fixtures.js';

function pyemTable(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(fixturePath('dedupe', file), 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const cells = [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]);
    return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
  });
}

describe('nicknames', () => {
  it('links the usual English short forms', () => {
    expect(areNicknames('bob', 'robert')).toBe(true);
    expect(areNicknames('bill', 'william')).toBe(true);
    expect(areNicknames('mike', 'michael')).toBe(true);
    expect(areNicknames('liz', 'elizabeth')).toBe(true);
    expect(areNicknames('liz', 'beth')).toBe(true);
    expect(areNicknames('peggy', 'margaret')).toBe(true);
    expect(areNicknames('bob', 'william')).toBe(false);
    expect(formalNames('chris')).toEqual(expect.arrayContaining(['christopher', 'christina', 'christian']));
  });

  it('pairs the py_entitymatching people by nickname', () => {
    const a = pyemTable('pyem_person_table_A.csv');
    const b = pyemTable('pyem_person_table_B.csv');
    const firstName = (row: Record<string, string>) => normaliseName(row.name.split(' ')[0]);
    const lastName = (row: Record<string, string>) => normaliseName(row.name.split(' ')[1]);
    const pairs = a.flatMap((ra) => b.filter((rb) => lastName(ra) === lastName(rb) && areNicknames(firstName(ra), firstName(rb))).map((rb) => `${ra.ID}-${rb.ID}`));
    // Michael/Mike Franklin, William/Bill Bridge, Alphonse/Alfons Kemper
    expect(pairs).toEqual(['a2-b3', 'a3-b2', 'a5-b5']);
  });
});

describe('normaliseAddress', () => {
  it('abbreviates street words and splits off the apartment', () => {
    expect(normaliseAddress('1702 Post Street')).toEqual({ street: '1702 post st', unit: null, number: '1702', tokens: ['1702', 'post', 'st'] });
    expect(normaliseAddress('170 Post St, Apt 4')).toMatchObject({ street: '170 post st', unit: '4', number: '170' });
    expect(normaliseAddress('133 Clement Street').street).toBe(normaliseAddress('133 clement st.').street);
    expect(normaliseAddress('12 Main Road #5B')).toMatchObject({ street: '12 main rd', unit: '5b' });
    expect(normaliseAddress('Flat 3, 22 North Avenue')).toMatchObject({ street: '22 n ave', unit: '3', number: '22' });
  });

  it('makes the py_entitymatching addresses of the same person comparable', () => {
    const a = pyemTable('pyem_person_table_A.csv');
    const b = pyemTable('pyem_person_table_B.csv');
    const street = (address: string) => normaliseAddress(address.split(',')[0]).street;
    expect(street(a[2].address)).toBe(street(b[1].address)); // 3131 Webster St
    expect(normaliseAddress(a[4].address).tokens.slice(1, 3)).toEqual(normaliseAddress(b[4].address).tokens.slice(1, 3)); // post st
  });
});

describe('other normalisers', () => {
  it('names, email local parts and postcodes', () => {
    expect(normaliseName("O'Néil-Smith")).toBe('oneilsmith');
    expect(normaliseEmailLocal('John.Doe+news@GMail.com')).toBe('johndoe');
    expect(normaliseEmailLocal('john.doe@example.com')).toBe('john.doe');
    expect(normalisePostcode('sw1a 1aa')).toBe('SW1A1AA');
  });
});
