import type { NormalisedAddress } from './normalise.js';
import type { PreparedPerson } from './record.js';

/** A record normalised for comparison together with its match keys: what a scan reads per customer. */
export interface MatchProfile {
  person: PreparedPerson;
  /** Sorted match keys (see matchKeys). */
  keys: ArrayLike<number>;
}

type Packed = [
  id: string,
  sourceId: string | null,
  first: string,
  firstForms: string[],
  last: string,
  emails: string[],
  emailLocals: string[],
  phones: string[],
  birth: string | null,
  address: [street: string, unit: string | null, number: string | null, tokens: string[]] | null,
  city: string,
  postcode: string,
  keys: number[],
  country: string,
];

/** A profile as compact JSON (an array, no field names), stored once per customer. */
export function packProfile({ person: p, keys }: MatchProfile): string {
  const packed: Packed = [
    p.id,
    p.sourceId,
    p.first,
    p.firstForms,
    p.last,
    p.emails,
    p.emailLocals,
    p.phones,
    p.birth ? `${p.birth.year}-${p.birth.month}-${p.birth.day}` : null,
    p.address ? [p.address.street, p.address.unit, p.address.number, p.address.tokens] : null,
    p.city,
    p.postcode,
    Array.from(keys),
    p.country,
  ];
  return JSON.stringify(packed);
}

export function unpackProfile(text: string): MatchProfile {
  const [id, sourceId, first, firstForms, last, emails, emailLocals, phones, birth, address, city, postcode, keys, country] = JSON.parse(text) as Packed;
  const normalisedAddress: NormalisedAddress | null = address ? { street: address[0], unit: address[1], number: address[2], tokens: address[3] } : null;
  return {
    person: {
      id,
      sourceId,
      first,
      firstForms,
      last,
      emails,
      emailLocals,
      phones,
      birth: birth ? { year: birth.slice(0, 4), month: birth.slice(5, 7), day: birth.slice(8, 10) } : null,
      address: normalisedAddress,
      city,
      postcode,
      country,
    },
    keys,
  };
}
