import { z } from '@hono/zod-openapi';
import { toBool, type Db } from '../core/database.js';

export const submissionSchema = z
  .object({
    id: z.string(),
    form_id: z.string(),
    customer_id: z.string(),
    deal_id: z.string().nullable(),
    matched: z.boolean().openapi({ description: 'Whether an existing customer was found by email or phone' }),
    consent_given: z.boolean(),
    consent_wording: z.string().nullable().openapi({ description: 'The opt-in wording the visitor ticked, as shown' }),
    referral_code: z.string().nullable(),
    referral_attributed: z.boolean(),
    origin: z.string().nullable().openapi({ description: 'The site the form was embedded in (null on the hosted page)' }),
    submitted_at: z.string(),
  })
  .openapi('FormSubmission');

export type Submission = z.infer<typeof submissionSchema>;

function toSubmission(r: Record<string, unknown>): Submission {
  return {
    id: r.id as string,
    form_id: r.form_id as string,
    customer_id: r.customer_id as string,
    deal_id: (r.deal_id as string | null) ?? null,
    matched: toBool(r.matched) ?? false,
    consent_given: toBool(r.consent_given) ?? false,
    consent_wording: (r.consent_wording as string | null) ?? null,
    referral_code: (r.referral_code as string | null) ?? null,
    referral_attributed: toBool(r.referral_attributed) ?? false,
    origin: (r.origin as string | null) ?? null,
    submitted_at: r.submitted_at as string,
  };
}

export async function listSubmissions(db: Db, formId: string, limit: number): Promise<Submission[]> {
  return (await db.selectFrom('form_submissions').selectAll().where('form_id', '=', formId).orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toSubmission);
}

/** A person's submissions, for their data export. */
export async function submissionsOf(db: Db, customerIds: readonly string[]): Promise<Submission[]> {
  if (customerIds.length === 0) return [];
  return (
    await db
      .selectFrom('form_submissions')
      .selectAll()
      .where('customer_id', 'in', [...customerIds])
      .orderBy('submitted_at')
      .execute()
  ).map(toSubmission);
}
