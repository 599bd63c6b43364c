import type { Db } from '../core/database.js';
import type { PersonRecord } from '../imports/dedupe/record.js';
import type { PhoneEntry } from '../schema/fields.js';

/** The customer columns duplicate detection compares. */
export const PERSON_COLUMNS = ['id', 'first_name', 'last_name', 'emails', 'phones', 'birthday', 'address', 'city', 'postcode'] as const;

const parseList = <T>(v: unknown): T[] => {
  try {
    return typeof v === 'string' ? (JSON.parse(v) as T[]) : [];
  } catch {
    return [];
  }
};

/** A customer row (PERSON_COLUMNS) as the record duplicate detection reads: phones in E.164. */
export function toPersonRecord(r: Record<string, unknown>): PersonRecord {
  return {
    id: r.id as string,
    first_name: (r.first_name as string) ?? undefined,
    last_name: (r.last_name as string) ?? undefined,
    emails: parseList<string>(r.emails),
    phones: parseList<PhoneEntry>(r.phones).flatMap((p) => (p.e164 ? [p.e164] : [])),
    birthday: (r.birthday as string) ?? undefined,
    address: (r.address as string) ?? undefined,
    city: (r.city as string) ?? undefined,
    postcode: (r.postcode as string) ?? undefined,
  };
}

/** All customers, a page at a time in id order, so memory holds one page. */
export async function* customerPages(db: Db, pageSize = 5000): AsyncGenerator<PersonRecord[]> {
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('customers').select(PERSON_COLUMNS).where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map(toPersonRecord);
    after = rows[rows.length - 1].id as string;
  }
}

/** The customers with these ids that exist. */
export async function readPeople(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
  const people: PersonRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('customers').select(PERSON_COLUMNS).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) people.push(toPersonRecord(row));
  }
  return people;
}
