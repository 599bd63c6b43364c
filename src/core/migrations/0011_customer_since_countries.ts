import { sql, type Kysely } from 'kysely';
import { getCountries } from 'libphonenumber-js';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * 1. `customers.customer_since`: when the person became a customer. Customers created here (not by
 *    an import) became customers when they were created; imported ones keep it empty, because
 *    their import time is not when they became customers (their first order tells instead).
 * 2. Countries are stored as ISO 3166-1 alpha-2 codes: stored names this migration recognises
 *    ("Belgium", "Belgique", "belgie") become their code; anything else is left as written.
 *    The recogniser is a frozen copy for this migration, independent of the import code.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { addColumn } = ddl(db, dialect);
  await addColumn('customers', 'customer_since', t.timestamp);
  await sql`UPDATE customers SET customer_since = created_at WHERE id NOT IN (SELECT entity_id FROM import_changes WHERE entity = 'customers' AND action = 'create')`.execute(db);
  await convertCountryNames(db);
}

/** Stored country names this migration recognises become their ISO code; other text stays as written. */
export async function convertCountryNames(db: Kysely<any>): Promise<void> {
  const codes = recogniser();
  for (const table of ['customers', 'companies']) {
    const stored = await db.selectFrom(table).select('country').distinct().where('country', 'is not', null).execute();
    for (const { country } of stored as { country: string }[]) {
      const code = codes(country);
      if (code && code !== country) await db.updateTable(table).set({ country: code }).where('country', '=', country).execute();
    }
  }
}

function recogniser(): (text: string) => string | undefined {
  const key = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const known = new Set<string>([...getCountries(), 'XK']);
  const names = new Map<string, string>([
    ['uk', 'GB'],
    ['usa', 'US'],
    ['u s a', 'US'],
    ['great britain', 'GB'],
    ['england', 'GB'],
    ['holland', 'NL'],
  ]);
  for (const language of ['en', 'fr', 'de', 'nl', 'es', 'it', 'pt', 'sv', 'da', 'pl']) {
    const display = new Intl.DisplayNames([language], { type: 'region' });
    for (const code of known) {
      const name = display.of(code);
      if (name && name !== code && !names.has(key(name))) names.set(key(name), code);
    }
  }
  return (text) => {
    const upper = text.trim().toUpperCase();
    if (known.has(upper)) return upper;
    return names.get(key(text));
  };
}
