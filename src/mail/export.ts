/** What outgoing mail holds about a person, for the data-subject export: their messages and suppression entries. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { exportBouncesOf } from './bounce-inbound.js';
import { addressHash } from './suppressions.js';

export const mailExportSchema = z
  .object({
    messages: z.array(
      z.object({
        id: z.string(),
        purpose: z.string(),
        status: z.string(),
        to_address: z.string(),
        subject: z.string(),
        text_body: z.string(),
        created_at: z.string(),
        sent_at: z.string().nullable(),
        opened_at: z.string().nullable(),
        clicked_at: z.string().nullable(),
      }),
    ),
    suppressions: z.array(z.object({ address: z.string().nullable(), reason: z.string(), created_at: z.string() })),
    bounces: z.array(
      z.object({ message_id: z.string().nullable(), kind: z.string(), status: z.string().nullable(), recipient: z.string().nullable(), diagnostic: z.string().nullable(), received_at: z.string() }),
    ),
  })
  .openapi('CustomerMailExport');

export async function exportMail(db: Db, customerId: string, emails: readonly string[]): Promise<z.infer<typeof mailExportSchema>> {
  const messages = await db
    .selectFrom('messages')
    .select(['id', 'purpose', 'status', 'to_address', 'subject', 'text_body', 'created_at', 'sent_at', 'opened_at', 'clicked_at'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  const hashes = emails.filter(Boolean).map(addressHash);
  let q = db.selectFrom('suppressions').select(['address', 'reason', 'created_at']).where('customer_id', '=', customerId);
  if (hashes.length)
    q = db
      .selectFrom('suppressions')
      .select(['address', 'reason', 'created_at'])
      .where((eb) => eb.or([eb('customer_id', '=', customerId), eb('address_hash', 'in', hashes)]));
  const bounces = (await exportBouncesOf(db, [customerId])).map((b) => ({
    message_id: b.message_id,
    kind: b.kind,
    status: b.status,
    recipient: b.recipient,
    diagnostic: b.diagnostic,
    received_at: b.received_at,
  }));
  return {
    messages: messages as z.infer<typeof mailExportSchema>['messages'],
    suppressions: (await q.orderBy('created_at').execute()) as z.infer<typeof mailExportSchema>['suppressions'],
    bounces,
  };
}
