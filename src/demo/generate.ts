import { sql } from 'kysely';
import { getBusinessSettings } from '../settings/business.js';
import type { Database } from '../core/database.js';
import { traitsOf } from '../core/dialect.js';
import { invalid } from '../core/errors.js';
import { idPrefixes, type IdKind } from '../core/ids.js';
import { customerSearchText } from '../customers/values.js';
import { companyKey, emailKey, normalisePhone } from '../customers/normalise.js';
import { rebuildReportRollups } from '../reports/rollups.js';
import { purchaseFrequency } from '../sales/figures.js';
import { countedOrderStatuses, customerEntity } from '../schema/entities.js';
import { columnOf, type PhoneEntry } from '../schema/fields.js';
import type { CountryCode } from 'libphonenumber-js';
import { campaignChannels, campaignThemes, companyWords, countries, interactionTemplates, monthWeights, nicknames, products as catalogue, sources, titles, type CountryProfile } from './catalogue.js';
import { Prng, Weighted } from './random.js';

export interface DemoOptions {
  customers: number;
  seed?: number | string;
  /** The day the data ends ("today" of the dataset); defaults to the start of the current UTC day. */
  asOf?: Date;
  /** Country assumed for phones typed without a country code, as the server's RAPPORT_DEFAULT_COUNTRY. */
  defaultCountry?: CountryCode;
  /** Customers generated and written per transaction. */
  batchSize?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  customers: number;
  total: number;
  /** Rows written so far, all tables together. */
  rows: number;
}

export interface DemoStats {
  companies: number;
  products: number;
  customers: number;
  customerKeys: number;
  externalIds: number;
  orders: number;
  orderLines: number;
  interactions: number;
  tasks: number;
  /** Customers who came through another customer's referral link. */
  referrals: number;
  seconds: number;
}

const dayMs = 86_400_000;
const historyDays = 3 * 365;
const round2 = (n: number) => Math.round(n * 100) / 100;
const counted = new Set<string>(countedOrderStatuses);
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
/** As src/loyalty/referrals.ts makes them: eight characters without 0/O or 1/I/L. */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Share of new customers who arrive through a customer's referral link, once there are customers to refer them. */
const referredShare = 0.09;

/** Table columns in insert order; customers take every built-in column of the field registry. */
const tables = {
  companies: ['id', 'name', 'name_key', 'domain', 'industry', 'phone', 'address', 'city', 'region', 'postcode', 'country', 'notes', 'created_at', 'updated_at'],
  products: ['id', 'sku', 'name', 'category', 'price', 'created_at', 'updated_at'],
  customers: [...customerEntity.fields.map(columnOf).filter((c): c is string => c !== null), 'email_key', 'search_text'],
  customer_keys: ['kind', 'value', 'customer_id'],
  external_ids: ['entity', 'source', 'source_id', 'entity_id', 'created_at'],
  orders: ['id', 'customer_id', 'ordered_at', 'status', 'currency', 'total', 'notes', 'created_at', 'updated_at'],
  order_lines: ['id', 'order_id', 'position', 'product_id', 'sku', 'product_name', 'quantity', 'unit_price'],
  interactions: [
    'id',
    'type',
    'direction',
    'occurred_at',
    'subject',
    'body',
    'customer_id',
    'company_id',
    'order_id',
    'campaign',
    'channel',
    'opened',
    'clicked',
    'converted',
    'created_at',
    'updated_at',
  ],
  tasks: ['id', 'title', 'due_at', 'done', 'done_at', 'notes', 'customer_id', 'company_id', 'order_id', 'created_at', 'updated_at'],
  referral_codes: ['code', 'customer_id', 'created_at'],
  referrals: ['id', 'referrer_id', 'referred_id', 'code', 'channel', 'status', 'order_id', 'attributed_at', 'rewarded_at'],
} as const;
type TableName = keyof typeof tables;
const tableOrder = Object.keys(tables) as TableName[];

/**
 * Buffers rows per table and writes them in FK order, one transaction per flush: prepared
 * statements on SQLite, multi-row INSERTs on PostgreSQL and MySQL.
 */
class BulkWriter {
  private readonly buffers = new Map<TableName, unknown[][]>(tableOrder.map((t) => [t, []]));
  readonly written = new Map<TableName, number>(tableOrder.map((t) => [t, 0]));
  private statements?: Map<TableName, { run(...params: unknown[]): unknown }>;

  constructor(private readonly database: Database) {
    if (database.sqlite) {
      const raw = database.sqlite;
      this.statements = new Map(tableOrder.map((t) => [t, raw.prepare(`INSERT INTO ${t} (${tables[t].join(', ')}) VALUES (${tables[t].map(() => '?').join(', ')})`)]));
    }
  }

  add(table: TableName, row: unknown[]) {
    this.buffers.get(table)!.push(row);
  }

  get total(): number {
    let n = 0;
    for (const v of this.written.values()) n += v;
    return n;
  }

  async flush(): Promise<void> {
    const pending = tableOrder.map((t) => [t, this.buffers.get(t)!] as const).filter(([, rows]) => rows.length > 0);
    if (pending.length === 0) return;
    if (this.database.sqlite && this.statements) {
      const statements = this.statements;
      this.database.sqlite.transaction(() => {
        for (const [table, rows] of pending) {
          const stmt = statements.get(table)!;
          for (const row of rows) stmt.run(...row);
        }
      })();
    } else {
      const { maxParams } = traitsOf(this.database.dialect);
      await this.database.db.transaction().execute(async (trx) => {
        for (const [table, rows] of pending) {
          const columns = tables[table];
          const chunk = Math.max(1, Math.floor(maxParams / columns.length));
          for (let i = 0; i < rows.length; i += chunk) {
            const values = rows.slice(i, i + chunk).map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j]])));
            await trx.insertInto(table).values(values).execute();
          }
        }
      });
    }
    for (const [table, rows] of pending) {
      this.written.set(table, this.written.get(table)! + rows.length);
      rows.length = 0;
    }
  }
}

/** Ascii lower-case letters of a name, for e-mail local parts and domains. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');
}

function fillDigits(rng: Prng, pattern: string): string {
  let out = '';
  for (const ch of pattern) out += ch === '#' ? String(rng.int(10)) : ch;
  return out;
}

function group(digits: string, sizes: number[]): string {
  const parts: string[] = [];
  let i = 0;
  for (const size of sizes) {
    if (i >= digits.length) break;
    parts.push(digits.slice(i, i + size));
    i += size;
  }
  if (i < digits.length) parts.push(digits.slice(i));
  return parts.join(' ');
}

const dirtyPhones = ['n/a', '-', 'none', '12345', 'call the office', '000'];

/**
 * A phone as a person would type it, with the entry the customer service would store.
 * Most are valid mobiles written in international form (E.164 computed directly, which is
 * what libphonenumber gives for them); national forms and junk go through normalisePhone.
 */
export function demoPhone(rng: Prng, country: CountryProfile, defaultCountry?: CountryCode): PhoneEntry {
  const r = rng.next();
  if (r < 0.015) return normalisePhone(rng.pick(dirtyPhones), defaultCountry);
  let national = fillDigits(rng, rng.pick(country.mobiles));
  if (country.dial === '1') {
    // North American numbers: the exchange starts with 2-9 and is never N11 or 555.
    let exchange = `${2 + rng.int(8)}${rng.int(10)}${rng.int(10)}`;
    if (exchange[1] === '1' && exchange[2] === '1') exchange = `${exchange[0]}20`;
    if (exchange === '555') exchange = '556';
    national = national.slice(0, 3) + exchange + national.slice(6);
  }
  if (r < 0.07) {
    const raw = country.dial === '1' ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}` : country.trunk + group(national, country.groups);
    return normalisePhone(raw, defaultCountry);
  }
  const e164 = `+${country.dial}${national}`;
  const style = rng.int(3);
  const raw =
    style === 0 ? e164 : country.dial === '1' && style === 1 ? `+1 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}` : `+${country.dial} ${group(national, country.groups)}`;
  return { raw, e164 };
}

interface Company {
  id: string;
  name: string;
  domain: string;
}

interface Person {
  first: string;
  last: string;
  country: CountryProfile;
  city: CountryProfile['cities'][number];
  phone: PhoneEntry | null;
  emails: string[];
  company: Company | null;
}

interface OrderDraft {
  id: string;
  at: number;
  status: string;
  total: number;
}

/** Fills an empty database with a realistic, reproducible dataset and returns what it wrote. */
export async function generateDemo(database: Database, options: DemoOptions): Promise<DemoStats> {
  const total = options.customers;
  if (!Number.isInteger(total) || total < 1 || total > 50_000_000) throw invalid('customers must be a whole number from 1 to 50000000', { customers: ['1 to 50000000'] });
  const started = Date.now();
  const existing = await database.db
    .selectFrom('customers')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw invalid('the database already has customers; demo data goes into an empty database (use a new RAPPORT_DATA_DIR)');
  const existingProducts = await database.db
    .selectFrom('products')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existingProducts.n) > 0) throw invalid('the database already has products; demo data goes into an empty database (use a new RAPPORT_DATA_DIR)');

  // Demo orders are in the business currency (EUR on an empty database until the owner sets one), so the
  // figures written below, which sum every demo order, are what the figures from orders would be.
  const { currency } = await getBusinessSettings(database.db);
  const rng = new Prng(options.seed ?? 1);
  // Referrals draw from their own stream, so they do not shift every other customer's data.
  const referralRng = new Prng(`${options.seed ?? 1}:referrals`);
  const asOf = options.asOf ?? new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const end = asOf.getTime();
  const start = end - historyDays * dayMs;
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  // Ids as the services mint them (prefix, 48-bit time, 80 random bits), on a clock that starts
  // at the end of the history and ticks every 32 ids: ids rise in the order rows are written,
  // which keeps every primary-key index append-only while millions of rows go in.
  let idSeq = 0;
  const idFor = (kind: IdKind) => {
    let time = '';
    let t = end + Math.floor(idSeq++ / 32);
    for (let i = 0; i < 10; i++) {
      time = alphabet[t % 32] + time;
      t = Math.floor(t / 32);
    }
    let rand = '';
    for (let i = 0; i < 16; i++) rand += alphabet[rng.int(32)];
    return `${idPrefixes[kind]}_${time}${rand}`;
  };
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  const writer = new BulkWriter(database);
  const previousCache = database.sqlite?.pragma('cache_size', { simple: true });
  // The full-text index is built in one pass at the end instead of row by row through the
  // insert trigger, which is many times faster; the trigger is put back whatever happens.
  const ftsTrigger = database.sqlite?.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers' AND name = 'customers_fts_ai'`).get() as
    { name: string; sql: string } | undefined;
  if (ftsTrigger) database.sqlite!.exec(`DROP TRIGGER ${ftsTrigger.name}`);
  // Secondary indexes are likewise dropped and rebuilt from their own definitions at the end:
  // building an index from sorted data is far cheaper than millions of random B-tree inserts.
  const loadIndexes = database.sqlite
    ? (database.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tableOrder.map((t) => `'${t}'`).join(', ')})`).all() as {
        name: string;
        sql: string;
      }[])
    : [];
  for (const index of loadIndexes) database.sqlite!.exec(`DROP INDEX "${index.name}"`);
  // Every reference is built in memory before it is written, so the per-row foreign-key look-ups
  // are skipped on this connection during the load (other connections keep checking).
  const foreignKeys = database.sqlite?.pragma('foreign_keys', { simple: true });
  database.sqlite?.pragma('foreign_keys = OFF');
  // A larger page cache keeps the index B-trees in memory while millions of rows go in.
  database.sqlite?.pragma('cache_size = -262144');

  try {
    // Products.
    const productIds = catalogue.map((p) => {
      const id = idFor('product');
      const stamp = iso(start - 30 * dayMs);
      writer.add('products', [id, p.sku, p.name, p.category, p.price, stamp, stamp]);
      return id;
    });
    const productIndex = catalogue.map((_, i) => i);
    const everyday = new Weighted(
      productIndex,
      catalogue.map((p) => p.weight),
    );
    const holiday = new Weighted(
      productIndex,
      catalogue.map((p) => p.weight * (p.giftable ? 6 : 1)),
    );
    const categories = [...new Set(catalogue.map((p) => p.category))];
    const byCategory = new Map(
      categories.map((c) => [
        c,
        new Weighted(
          productIndex.filter((i) => catalogue[i].category === c),
          productIndex.filter((i) => catalogue[i].category === c).map((i) => catalogue[i].weight),
        ),
      ]),
    );
    const favourite = new Weighted(
      categories,
      categories.map((c) => catalogue.filter((p) => p.category === c).reduce((s, p) => s + p.weight, 0)),
    );

    // Companies: a pool that customers share, a few of them by many people.
    const countryPick = new Weighted(
      countries,
      countries.map((c) => c.weight),
    );
    const companyCount = Math.max(3, Math.round(total / 12));
    const companyNames = new Set<string>();
    const companies: Company[] = [];
    for (let i = 0; i < companyCount; i++) {
      const country = countryPick.pick(rng);
      let name = '';
      for (let attempt = 0; attempt < 20 && (!name || companyNames.has(companyKey(name))); attempt++) {
        const base = rng.chance(0.35) ? `${rng.pick(country.last)} ${rng.pick(companyWords.second)}` : `${rng.pick(companyWords.first)} ${rng.pick(companyWords.second)}`;
        const suffix = rng.pick(companyWords.suffix);
        name = attempt > 5 ? `${base} ${attempt + i}` : suffix ? `${base} ${suffix}` : base;
      }
      if (companyNames.has(companyKey(name))) name = `${name} ${i}`;
      companyNames.add(companyKey(name));
      const domain = `${slug(name.replace(/\b(Inc|LLC|Ltd|GmbH|SAS|B\.V|S\.L|S\.r\.l|Co)\b\.?/g, ''))}.${country.code === 'US' ? 'com' : country.code === 'GB' ? 'co.uk' : country.code.toLowerCase()}`;
      const city = rng.pick(country.cities);
      const created = start - rng.int(365) * dayMs;
      const company = { id: idFor('company'), name, domain };
      companies.push(company);
      writer.add('companies', [
        company.id,
        name,
        companyKey(name),
        rng.chance(0.8) ? domain : null,
        rng.pick(companyWords.industries),
        null,
        `${rng.between(1, 300)} ${rng.pick(country.streets)}`,
        city.name,
        city.region,
        fillDigits(rng, country.postcode),
        country.name,
        null,
        iso(created),
        iso(created),
      ]);
    }
    await writer.flush();

    const usedEmails = new Set<string>();
    const uniqueEmail = (local: string, domain: string): string => {
      let candidate = `${local}@${domain}`;
      for (let n = 2; usedEmails.has(emailKey(candidate)); n++) candidate = `${local}${n}@${domain}`;
      usedEmails.add(emailKey(candidate));
      return candidate;
    };
    const emailFor = (first: string, last: string, domain: string): string => {
      const f = slug(first) || 'info';
      const l = slug(last) || 'mail';
      const patterns = [`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${f}.${l}${rng.between(60, 99)}`, `${l}.${f}`, `${f}${rng.between(1, 999)}`];
      return uniqueEmail(rng.pick(patterns), domain);
    };
    const seasonal = (ms: number) => rng.next() < monthWeights[new Date(ms).getUTCMonth()] / 1.9;

    // Campaigns: one per theme and year over the history.
    const campaigns: { name: string; at: number }[] = [];
    const firstYear = new Date(start).getUTCFullYear();
    for (let year = firstYear; year <= new Date(end).getUTCFullYear(); year++) {
      for (const theme of campaignThemes) {
        const at = Date.UTC(year, theme.month, 10, 9);
        if (at >= start && at < end) campaigns.push({ name: `${theme.name} ${year}`, at });
      }
    }

    const cityPick = new Map(
      countries.map((c) => [
        c,
        new Weighted(
          c.cities,
          c.cities.map((x) => x.weight),
        ),
      ]),
    );
    const segmentPick = new Weighted(['lead', 'once', 'occasional', 'loyal', 'churned'], [10, 38, 27, 15, 10]);
    // Referred customers come in trusting a friend's word: fewer of them stay leads or buy once, more stay
    // (the pattern published studies of referral programmes report; the size of the effect is this demo's).
    const referredSegmentPick = new Weighted(['lead', 'once', 'occasional', 'loyal', 'churned'], [6, 30, 31, 23, 10]);
    // Customers who have ordered and may pass their link on: [id, time of their first order].
    const referrers: [string, number][] = [];
    const referralCodes = new Map<string, string>();
    const usedCodes = new Set<string>();
    const codeOf = (customerId: string, at: number): string => {
      const known = referralCodes.get(customerId);
      if (known) return known;
      let code = '';
      while (!code || usedCodes.has(code)) {
        code = '';
        for (let i = 0; i < 8; i++) code += codeAlphabet[referralRng.int(codeAlphabet.length)];
      }
      usedCodes.add(code);
      referralCodes.set(customerId, code);
      writer.add('referral_codes', [code, customerId, iso(at)]);
      return code;
    };
    const touchPick = new Weighted(['email', 'call', 'meeting', 'note'] as const, [45, 25, 10, 20]);
    // Sign-up times, sorted, so customers are written in the order they joined; the business
    // grows, so recent months have more new customers than early ones.
    const signups = new Float64Array(total);
    for (let i = 0; i < total; i++) signups[i] = rng.next();
    signups.sort();
    const recent: Person[] = [];
    const batchSize = options.batchSize ?? (database.sqlite ? 5000 : 2000);
    for (let index = 0; index < total; index++) {
      const duplicateOf = recent.length > 20 && rng.chance(0.03) ? recent[rng.int(recent.length)] : null;
      const created = Math.min(end - 60_000, end - historyDays * dayMs * (1 - Math.sqrt(signups[index])));
      const customerId = idFor('customer');

      let person: Person;
      let gender: string | null;
      let age: number;
      let title: string | null = null;
      let dirtyCase = false;
      if (duplicateOf) {
        // The same person again: a nickname, a typo, or the same address in other letter case.
        const kind = rng.int(3);
        const emails: string[] = [];
        let first = duplicateOf.first;
        let last = duplicateOf.last;
        const domain = duplicateOf.emails[0]?.split('@')[1] ?? rng.pick(duplicateOf.country.domains);
        if (kind === 0 && nicknames[first]) {
          first = nicknames[first];
          emails.push(emailFor(first, last, domain));
        } else if (kind <= 1) {
          const i = 1 + rng.int(Math.max(1, last.length - 2));
          last = last.length > 3 ? last.slice(0, i) + last[i + 1] + last[i] + last.slice(i + 2) : last + last.slice(-1);
          emails.push(emailFor(first, last, domain));
        } else {
          dirtyCase = true;
          const secondary = duplicateOf.emails[1];
          if (secondary && !usedEmails.has(`dup:${emailKey(secondary)}`)) {
            usedEmails.add(`dup:${emailKey(secondary)}`);
            const [local, host] = secondary.split('@');
            emails.push(`${local.charAt(0).toUpperCase()}${local.slice(1)}@${host.toUpperCase()}`);
          }
        }
        person = { ...duplicateOf, first, last, emails, phone: rng.chance(0.7) ? duplicateOf.phone : null };
        gender = null;
        age = 30 + rng.int(30);
      } else {
        const country = countryPick.pick(rng);
        const g = rng.next();
        gender = g < 0.49 ? 'female' : g < 0.97 ? 'male' : g < 0.98 ? 'non-binary' : null;
        const first = rng.pick(gender === 'female' || (gender !== 'male' && rng.chance(0.5)) ? country.firstFemale : country.firstMale);
        const last = rng.pick(country.last);
        const company = rng.chance(0.3) ? companies[Math.floor(companies.length * Math.pow(rng.next(), 2.5))] : null;
        const emails: string[] = [];
        if (!rng.chance(0.02)) {
          const personal = emailFor(first, last, company && rng.chance(0.5) ? company.domain : rng.pick(country.domains));
          emails.push(rng.chance(0.03) ? personal.replace(/^./, (c) => c.toUpperCase()).replace(/@(.)/, (_m, c: string) => `@${c.toUpperCase()}`) : personal);
          if (rng.chance(0.15)) emails.push(company && !emails[0].endsWith(company.domain) ? emailFor(first, last, company.domain) : emailFor(first, last, rng.pick(country.domains)));
        }
        person = { first, last, country, city: country.cities[0], phone: rng.chance(0.85) ? demoPhone(rng, country, options.defaultCountry) : null, emails, company };
        person.city = cityPick.get(country)!.pick(rng);
        age = Math.min(85, Math.max(18, Math.round(rng.normal(41, 13))));
        if (company) title = rng.pick(titles);
        dirtyCase = rng.chance(0.02);
        recent.push(person);
        if (recent.length > 1000) recent.splice(0, recent.length - 1000);
      }
      const { country, city } = person;
      const firstName = dirtyCase ? (rng.chance(0.5) ? person.first.toUpperCase() : person.first.toLowerCase()) : person.first;
      const lastName = dirtyCase ? (rng.chance(0.5) ? person.last.toUpperCase() : person.last.toLowerCase()) : person.last;
      // Income rises to a peak in the early fifties, then falls in retirement; noise is log-normal.
      const career = age < 67 ? 24_000 + 2_600 * (age - 18) - 26 * (age - 18) ** 2 : 30_000;
      const income = rng.chance(0.1) ? null : Math.round((career * country.incomeFactor * Math.exp(rng.normal(0, 0.35))) / 100) * 100;
      const birthday = new Date(Date.UTC(asOf.getUTCFullYear() - age, asOf.getUTCMonth(), asOf.getUTCDate()) - rng.between(1, 364) * dayMs).toISOString().slice(0, 10);
      const exactAge = rng.chance(0.08) ? null : age;

      // Referral: a friend who had ordered before this customer signed up passed on their link.
      let referrer: string | null = null;
      if (!duplicateOf && referralRng.chance(referredShare)) {
        for (let tries = 0; tries < 5 && !referrer && referrers.length; tries++) {
          const [id, firstOrderAt] = referrers[referrers.length - 1 - referralRng.int(Math.min(referrers.length, 3000))];
          if (firstOrderAt < created) referrer = id;
        }
      }
      const referralCode = referrer ? codeOf(referrer, created) : null;

      // Buying rhythm.
      const segment = duplicateOf ? (rng.chance(0.5) ? 'lead' : 'once') : referrer ? referredSegmentPick.pick(referralRng) : segmentPick.pick(rng);
      const favouriteCategory = favourite.pick(rng);
      const orders: OrderDraft[] = [];
      const addOrder = (at: number) => {
        const orderId = idFor('order');
        const lineCount = Math.min(8, 1 + rng.poisson(2.3));
        const month = new Date(at).getUTCMonth();
        let orderTotal = 0;
        const picked: number[] = [];
        for (let position = 0; position < lineCount; position++) {
          const product = rng.chance(0.55) ? byCategory.get(favouriteCategory)!.pick(rng) : (month >= 10 ? holiday : everyday).pick(rng);
          if (picked.includes(product)) continue;
          picked.push(product);
          const p = catalogue[product];
          const quantity = rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : rng.between(3, 6);
          const discount = rng.chance(month === 10 ? 0.3 : 0.06) ? (rng.chance(0.6) ? 0.9 : 0.8) : 1;
          const unitPrice = round2(p.price * discount);
          orderTotal += quantity * unitPrice;
          writer.add('order_lines', [idFor('orderLine'), orderId, picked.length - 1, productIds[product], p.sku, p.name, quantity, unitPrice]);
        }
        const ageDays = (end - at) / dayMs;
        const s = rng.next();
        const status =
          ageDays < 3
            ? s < 0.6
              ? 'paid'
              : 'pending'
            : ageDays < 14
              ? s < 0.5
                ? 'paid'
                : s < 0.97
                  ? 'fulfilled'
                  : 'cancelled'
              : s < 0.93
                ? 'fulfilled'
                : s < 0.965
                  ? 'cancelled'
                  : s < 0.99
                    ? 'refunded'
                    : 'paid';
        const totalRounded = round2(orderTotal);
        writer.add('orders', [orderId, customerId, iso(at), status, currency, totalRounded, null, iso(at), iso(at)]);
        orders.push({ id: orderId, at: Math.floor(at / 1000) * 1000, status, total: totalRounded });
      };
      const sequence = (firstAt: number, meanGapDays: number, maxOrders: number, until: number) => {
        let at = firstAt;
        while (orders.length < maxOrders && at < until) {
          addOrder(at);
          let next = at + rng.exponential(meanGapDays) * dayMs + dayMs;
          for (let tries = 0; tries < 4 && !seasonal(next); tries++) next += rng.exponential(meanGapDays / 3) * dayMs;
          at = next;
        }
      };
      const firstAt = created + rng.exponential(4) * dayMs;
      if (segment === 'once') {
        if (firstAt < end) addOrder(firstAt);
      } else if (segment === 'occasional') sequence(firstAt, 75, rng.between(2, 10), end);
      else if (segment === 'loyal') sequence(firstAt, rng.between(18, 40), 80, end);
      else if (segment === 'churned') sequence(firstAt, 45, rng.between(3, 12), Math.min(end, Math.max(firstAt + dayMs, end - rng.between(270, 500) * dayMs)));

      // Figures exactly as refreshOrderFigures computes them.
      let orderCount = 0;
      let revenueSum = 0;
      let firstOrder: number | null = null;
      let lastOrder: number | null = null;
      for (const o of orders) {
        if (!counted.has(o.status)) continue;
        orderCount++;
        revenueSum += o.total;
        if (firstOrder === null || o.at < firstOrder) firstOrder = o.at;
        if (lastOrder === null || o.at > lastOrder) lastOrder = o.at;
      }
      const revenue = round2(revenueSum);
      const firstOrderAt = firstOrder === null ? null : iso(firstOrder);
      if (firstOrder !== null && !duplicateOf) referrers.push([customerId, firstOrder]);
      if (referrer && referralCode) {
        // Rewarded after the first paid order, as the loyalty programme does.
        const firstPaid = orders.filter((o) => o.status === 'paid' || o.status === 'fulfilled').sort((a, b) => a.at - b.at)[0];
        writer.add('referrals', [
          idFor('referral'),
          referrer,
          customerId,
          referralCode,
          referralRng.chance(0.7) ? 'form' : 'api',
          firstPaid ? 'rewarded' : 'attributed',
          firstPaid?.id ?? null,
          iso(created),
          firstPaid ? iso(firstPaid.at) : null,
        ]);
      }

      // Interactions: campaign touches for subscribers, and the ordinary back-and-forth.
      const consentEmail = rng.chance(0.15) ? null : rng.chance(0.7);
      const consentSms = person.phone?.e164 ? (rng.chance(0.3) ? rng.chance(0.4) : null) : null;
      let lastInteraction: number | null = null;
      const addInteraction = (row: unknown[], at: number) => {
        writer.add('interactions', row);
        if (lastInteraction === null || at > lastInteraction) lastInteraction = at;
      };
      if (consentEmail) {
        for (const campaign of campaigns) {
          if (campaign.at < created || !rng.chance(0.12)) continue;
          const at = campaign.at + rng.int(36) * 3_600_000;
          const opened = rng.chance(0.45);
          const clicked = opened && rng.chance(0.3);
          const conversion = clicked ? orders.find((o) => o.at >= at && o.at - at < 10 * dayMs) : undefined;
          const channel = rng.pick(campaignChannels);
          addInteraction(
            [
              idFor('interaction'),
              'campaign',
              'out',
              iso(at),
              campaign.name,
              null,
              customerId,
              null,
              conversion?.id ?? null,
              campaign.name,
              channel,
              bool(opened),
              bool(clicked),
              bool(!!conversion),
              iso(at),
              iso(at),
            ],
            Math.floor(at / 1000) * 1000,
          );
        }
      }
      const touches = rng.poisson(0.3 + (segment === 'loyal' ? 1.5 : 0) + (person.company ? 0.8 : 0));
      for (let i = 0; i < touches; i++) {
        const type = touchPick.pick(rng);
        const [subject, direction] = rng.pick(interactionTemplates[type]);
        const at = created + rng.next() * (end - created);
        const companyId = person.company && type !== 'note' && rng.chance(0.6) ? person.company.id : null;
        addInteraction(
          [idFor('interaction'), type, direction, iso(at), subject, type === 'note' ? subject : null, customerId, companyId, null, null, null, null, null, null, iso(at), iso(at)],
          Math.floor(at / 1000) * 1000,
        );
      }
      if (rng.chance(0.03)) {
        const due = end + (rng.next() * 90 - 60) * dayMs;
        const done = due < end && rng.chance(0.7);
        const taskTitle = rng.pick([`Follow up with ${person.first}`, 'Send wholesale price list', 'Check subscription renewal', 'Call about grinder repair', 'Invite to tasting event']);
        const createdAt = Math.min(due - 7 * dayMs, end);
        writer.add('tasks', [idFor('task'), taskTitle, iso(due), bool(done), done ? iso(due) : null, null, customerId, person.company?.id ?? null, null, iso(createdAt), iso(createdAt)]);
      }

      // The customer row, with the derived columns the customer service writes.
      const phones = person.phone ? [person.phone] : [];
      const notes = rng.chance(0.08)
        ? rng.pick([
            'Met at the Berlin coffee fair.',
            'Prefers delivery on Fridays.',
            'Wholesale prospect — asked for a quote.',
            'Gift buyer, mostly in December.',
            'Complained about a late delivery once.',
          ])
        : null;
      const tags: string[] = [];
      if (segment === 'loyal' && revenue > 400) tags.push('vip');
      if (person.company) tags.push('b2b');
      if (consentEmail) tags.push('newsletter');
      if (segment === 'churned' && rng.chance(0.3)) tags.push('win-back');
      const record: Record<string, unknown> = {
        id: customerId,
        first_name: firstName,
        last_name: lastName,
        email: person.emails[0] ?? null,
        emails: person.emails,
        phone: phones[0] ? (phones[0].e164 ?? phones[0].raw) : null,
        phones,
        company_id: person.company?.id ?? null,
        company: person.company?.name ?? null,
        title,
        address: rng.chance(0.7) ? `${rng.between(1, 250)} ${rng.pick(country.streets)}` : null,
        city: city.variants && rng.chance(0.1) ? rng.pick(city.variants) : city.name,
        region: rng.chance(0.8) ? city.region : null,
        postcode: rng.chance(0.75) ? fillDigits(rng, country.postcode) : null,
        country: rng.chance(0.06) ? rng.pick(country.variants) : rng.chance(0.04) ? null : country.name,
        birthday: rng.chance(0.4) ? birthday : null,
        age: exactAge,
        income,
        gender,
        source: rng.chance(0.2) ? null : rng.pick(sources),
        referral_code: referralCode,
        tags,
        notes,
        consent_email: bool(consentEmail),
        consent_email_at: consentEmail ? iso(created) : null,
        consent_email_method: consentEmail ? rng.pick(['signup form', 'checkout checkbox', 'double opt-in']) : null,
        consent_sms: bool(consentSms),
        consent_sms_at: consentSms ? iso(created) : null,
        consent_sms_method: consentSms ? 'checkout checkbox' : null,
        first_order_at: firstOrderAt,
        last_order_at: lastOrder === null ? null : iso(lastOrder),
        order_count: orderCount,
        revenue,
        average_order_value: orderCount ? round2(revenue / orderCount) : null,
        purchase_frequency: purchaseFrequency(orderCount, firstOrderAt, asOf),
        last_interaction_at: lastInteraction === null ? null : iso(lastInteraction),
        created_at: iso(created),
        updated_at: iso(created),
      };
      record.search_text = customerSearchText(record);
      record.email_key = record.email ? emailKey(record.email as string) : null;
      record.emails = JSON.stringify(person.emails);
      record.phones = JSON.stringify(phones);
      record.tags = JSON.stringify(tags);
      if (referralCode) record.source = 'referral';
      writer.add(
        'customers',
        tables.customers.map((c) => record[c] ?? null),
      );
      const keys = new Set<string>();
      for (const e of person.emails) {
        const key = emailKey(e);
        if (!keys.has(`email:${key}`)) writer.add('customer_keys', ['email', key, customerId]);
        keys.add(`email:${key}`);
      }
      for (const p of phones) if (p.e164) writer.add('customer_keys', ['phone', p.e164, customerId]);
      if (orders.length && rng.chance(0.7)) writer.add('external_ids', ['customers', 'webshop', `WS-${100000 + index}`, customerId, iso(created)]);

      if ((index + 1) % batchSize === 0 || index + 1 === total) {
        await writer.flush();
        options.onProgress?.({ customers: index + 1, total, rows: writer.total });
      }
    }
  } finally {
    for (const index of loadIndexes) database.sqlite!.exec(index.sql);
    if (database.sqlite && foreignKeys) database.sqlite.pragma('foreign_keys = ON');
    if (ftsTrigger) {
      database.sqlite!.exec(ftsTrigger.sql);
      database.sqlite!.exec(`INSERT INTO customers_fts(customers_fts) VALUES ('rebuild')`);
    }
    if (database.sqlite && previousCache !== undefined) database.sqlite.pragma(`cache_size = ${Number(previousCache)}`);
  }
  // Figures were written directly, so the report rollups are built in one pass at the end.
  await rebuildReportRollups(database.db);
  const w = writer.written;
  return {
    companies: w.get('companies')!,
    products: w.get('products')!,
    customers: w.get('customers')!,
    customerKeys: w.get('customer_keys')!,
    externalIds: w.get('external_ids')!,
    orders: w.get('orders')!,
    orderLines: w.get('order_lines')!,
    interactions: w.get('interactions')!,
    tasks: w.get('tasks')!,
    referrals: w.get('referrals')!,
    seconds: (Date.now() - started) / 1000,
  };
}
