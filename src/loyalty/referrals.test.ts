import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { customers } from '../customers/index.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { referralCodeFor, samePerson, tryAttributeReferral, attributeReferral, normaliseCode } from './referrals.js';

describe('samePerson', () => {
  it('matches on a shared email, phone or address and nothing else', () => {
    expect(samePerson({ email: 'Ann@Example.com' }, { emails: ['ann@example.com'] })).toBe('email');
    expect(samePerson({ phones: [{ raw: '0470 53 67 46', e164: '+32470536746' }] }, { phones: [{ raw: '+32 470 536746', e164: '+32470536746' }] })).toBe('phone');
    expect(samePerson({ address: '12 Rue Haute', postcode: '1000' }, { address: '12, rue haute', postcode: '1000 ' })).toBe('address');
    expect(samePerson({ address: '12 Rue Haute', postcode: '1000' }, { address: '12 Rue Haute', postcode: '4000' })).toBeNull();
    expect(samePerson({ email: 'a@example.com' }, { email: 'b@example.com' })).toBeNull();
  });
  it('normalises typed codes', () => {
    expect(normaliseCode(' abcd-efgh ')).toBe('ABCDEFGH');
  });
});

describe.each(engines)('referral attribution on %s', (engine) => {
  let t: TestDatabase;
  let ctx: Ctx;
  const make = (input: Record<string, unknown>) => inTransaction(ctx, async (trx) => (await customers.createIn(trx, ctx, [input]))[0].id as string);
  beforeAll(async () => {
    t = await freshDatabase(engine);
    ctx = { database: t.database, actor: 'test' };
  });
  afterAll(() => t?.drop());

  it('attributes a new customer to the owner of the code, once, with an event', async () => {
    const ann = await make({ first_name: 'Ann', email: 'ann@example.com' });
    const bob = await make({ first_name: 'Bob', email: 'bob@example.com' });
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, ann));
    expect(await inTransaction(ctx, (trx) => referralCodeFor(trx, ann))).toBe(code);
    expect(await inTransaction(ctx, (trx) => attributeReferral(trx, ctx, bob, code.toLowerCase()))).toBe(true);
    const rows = await t.database.db.selectFrom('referrals').selectAll().where('referred_id', '=', bob).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ referrer_id: ann, status: 'attributed', channel: 'form' });
    const events = await t.database.db.selectFrom('events').select(['type', 'entity_id']).where('type', '=', 'referral.attributed').execute();
    expect(events).toEqual([{ type: 'referral.attributed', entity_id: bob }]);
    const again = await inTransaction(ctx, (trx) => tryAttributeReferral(trx, ctx, bob, code));
    expect(again).toMatchObject({ attributed: false, reason: 'the customer was referred already' });
  });

  it('refuses self-referral by the same record, email, phone or address, and loops', async () => {
    const carl = await make({ first_name: 'Carl', email: 'carl@example.com', phones: ['+32 470 11 22 33'], address: '1 Main Street', postcode: '1000' });
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, carl));
    const attempt = (id: string) => inTransaction(ctx, (trx) => tryAttributeReferral(trx, ctx, id, code));
    expect((await attempt(carl)).reason).toMatch(/own referral code/);
    // A second record with Carl's email cannot exist (emails are unique); a phone or an address can.
    expect((await attempt(await make({ first_name: 'C', phones: ['+32470112233'] }))).reason).toMatch(/share a phone/);
    expect((await attempt(await make({ first_name: 'C', address: '1 main street', postcode: '1000' }))).reason).toMatch(/share a address/);
    expect((await inTransaction(ctx, (trx) => tryAttributeReferral(trx, ctx, carl, 'NOSUCHCD'))).reason).toBe('unknown referral code');

    // Dana refers Eve; Eve's code cannot then bring Dana in.
    const dana = await make({ first_name: 'Dana', email: 'dana@example.com' });
    const eve = await make({ first_name: 'Eve', email: 'eve@example.com' });
    const danaCode = await inTransaction(ctx, (trx) => referralCodeFor(trx, dana));
    const eveCode = await inTransaction(ctx, (trx) => referralCodeFor(trx, eve));
    expect((await inTransaction(ctx, (trx) => tryAttributeReferral(trx, ctx, eve, danaCode))).attributed).toBe(true);
    expect((await inTransaction(ctx, (trx) => tryAttributeReferral(trx, ctx, dana, eveCode))).reason).toMatch(/loop/);
    expect(await t.database.db.selectFrom('referrals').select('id').where('referred_id', 'in', [carl, dana]).execute()).toEqual([]);
  });
});
