/**
 * A campaign's audience: a segment (k-means model segment, or a saved filter / rule segment), an
 * inline filter over customer fields, an RFM segment or a lifecycle stage. Counted live, with the
 * rules the mail worker applies at send time: an email address, consent to marketing email, not
 * erased, and an address that is not on the suppression list.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { segmentWhere } from '../insights/segmentation.js';
import { addressHash, suppressedHashes } from '../mail/suppressions.js';
import { compileFilter, filterNodeSchema, type FilterNode } from '../records/query.js';
import { fieldMap, type WhereBuilder } from '../records/repository.js';
import { customerEntity, lifecycleStages } from '../schema/entities.js';

export const audienceSchema = z
  .discriminatedUnion('kind', [
    z
      .object({ kind: z.literal('segment'), segment_id: z.string().min(1).max(40).openapi({ description: 'A segment id (k-means or saved filter), or a k-means label of the newest segmentation' }) })
      .strict(),
    z
      .object({
        kind: z.literal('filter'),
        filter: filterNodeSchema.openapi({ type: 'object', additionalProperties: true, description: 'A filter tree over customer fields, as in GET /api/customers?filter=' }),
      })
      .strict(),
    z.object({ kind: z.literal('rfm_segment'), rfm_segment: z.string().min(1).max(64).openapi({ description: 'Named RFM segment, e.g. champions, at risk' }) }).strict(),
    z.object({ kind: z.literal('stage'), stage: z.enum(lifecycleStages) }).strict(),
  ])
  .openapi('CampaignAudience');
export type Audience = z.infer<typeof audienceSchema>;

export const audienceCountSchema = z
  .object({
    matching: z.number().int().openapi({ description: 'Customers the audience selects (erased ones left out)' }),
    with_email: z.number().int(),
    consented: z.number().int().openapi({ description: 'Of those with an email, the ones with consent to marketing email' }),
    suppressed: z.number().int().openapi({ description: 'Of the consented, those whose address is on the suppression list' }),
    sendable: z.number().int().openapi({ description: 'Who would get the campaign now' }),
  })
  .openapi('AudienceCount');
export type AudienceCount = z.infer<typeof audienceCountSchema>;

async function audienceWhere(ctx: Ctx, audience: Audience): Promise<WhereBuilder[]> {
  switch (audience.kind) {
    case 'segment':
      return segmentWhere(ctx, audience.segment_id);
    case 'filter': {
      const byName = fieldMap(await fieldsOf(ctx.database.db, customerEntity));
      return [(eb) => compileFilter(eb, audience.filter as FilterNode, byName)];
    }
    case 'rfm_segment':
      return [(eb) => eb('rfm_segment', '=', audience.rfm_segment)];
    case 'stage':
      return [(eb) => eb('stage', '=', audience.stage)];
  }
}

const notErased: WhereBuilder = (eb) => eb('erased_at', 'is', null);
const hasEmail: WhereBuilder = (eb) => eb.and([eb('email', 'is not', null), eb('email', '!=', '')]);
const consented: WhereBuilder = (eb) => eb('consent_email', '=', 1 as never);

async function countWhere(db: Db, where: WhereBuilder[]): Promise<number> {
  let q = db.selectFrom('customers').select(sql<number>`count(*)`.as('n'));
  for (const w of where) q = q.where(w);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The consented customers of the audience with their address, in id order, suppressed addresses left out. */
export async function sendableMembers(ctx: Ctx, audience: Audience): Promise<{ id: string; email: string }[]> {
  const db = ctx.database.db;
  const where = [...(await audienceWhere(ctx, audience)), notErased, hasEmail, consented];
  const out: { id: string; email: string }[] = [];
  let after = '';
  for (;;) {
    let q = db.selectFrom('customers').select(['id', 'email']).where('id', '>', after).orderBy('id').limit(2000);
    for (const w of where) q = q.where(w);
    const rows = (await q.execute()) as { id: string; email: string }[];
    if (rows.length === 0) break;
    const suppressed = await suppressedHashes(
      db,
      rows.map((r) => r.email),
    );
    for (const r of rows) if (!suppressed.has(addressHash(r.email))) out.push(r);
    after = rows[rows.length - 1].id;
    if (rows.length < 2000) break;
  }
  return out;
}

/** The audience counted now, step by step down to who would get the campaign. */
export async function countAudience(ctx: Ctx, audience: Audience): Promise<AudienceCount> {
  const db = ctx.database.db;
  const base = [...(await audienceWhere(ctx, audience)), notErased];
  const matching = await countWhere(db, base);
  const withEmail = await countWhere(db, [...base, hasEmail]);
  const consentedCount = await countWhere(db, [...base, hasEmail, consented]);
  const sendable = (await sendableMembers(ctx, audience)).length;
  return { matching, with_email: withEmail, consented: consentedCount, suppressed: consentedCount - sendable, sendable };
}
