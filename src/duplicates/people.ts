import { readSqliteArrays, type Db } from '../core/database.js';
import type { PersonRecord } from '../dedupe/record.js';
import type { PhoneEntry } from '../schema/fields.js';

/** The customer columns duplicate detection compares. */
export const PERSON_COLUMNS = ['id', 'first_name', 'last_name', 'emails', 'phones', 'birthday', 'address', 'city', 'postcode', 'country'] as const;

const parseList = <T>(v: unknown): T[] => {
  try {
    return typeof v === 'string' ? (JSON.parse(v) as T[]) : [];
  } catch {
    return [];
  }
};

/** A customer row (PERSON_COLUMNS) as the record duplicate detection reads: phones in E.164, or as typed where they could not be read. */
function toPersonRecord(r: Record<string, unknown>): PersonRecord {
  return personFromColumns(PERSON_COLUMNS.map((column) => r[column]));
}

/** The same from a row read as an array, its values in PERSON_COLUMNS order. */
export function personFromColumns([id, first_name, last_name, emails, phones, birthday, address, city, postcode, country]: readonly unknown[]): PersonRecord {
  return {
    id: id as string,
    first_name: (first_name as string) ?? undefined,
    last_name: (last_name as string) ?? undefined,
    emails: parseList<string>(emails),
    phones: parseList<PhoneEntry>(phones).flatMap((p) => (p.e164 || p.raw ? [p.e164 || p.raw] : [])),
    birthday: (birthday as string) ?? undefined,
    address: (address as string) ?? undefined,
    city: (city as string) ?? undefined,
    postcode: (postcode as string) ?? undefined,
    country: (country as string) ?? undefined,
  };
}

/** All customers, a page at a time in id order, so memory holds one page. */
export async function* customerPages(db: Db, pageSize = 5000): AsyncGenerator<PersonRecord[]> {
  for await (const rows of customerColumnPages(db, pageSize)) yield rows.map(personFromColumns);
}

/**
 * The same pages as rows of PERSON_COLUMNS values, read as arrays on SQLite (outside a
 * transaction), which is what the match-key workers take.
 */
export async function* customerColumnPages(db: Db, pageSize = 5000): AsyncGenerator<unknown[][]> {
  let after = '';
  for (;;) {
    const query = db.selectFrom('customers').select(PERSON_COLUMNS).where('id', '>', after).orderBy('id').limit(pageSize);
    const rows = readSqliteArrays(db, query.compile())?.rows ?? (await query.execute()).map((r) => PERSON_COLUMNS.map((column) => r[column]));
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1][0] as string;
  }
}

/** The customers with these ids that exist. */
export async function readPeople(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
  const people: PersonRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('customers')
      .select(PERSON_COLUMNS)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) people.push(toPersonRecord(row));
  }
  return people;
}
