/**
 * A flow's definition: its trigger, the ordered steps (one schema per step kind), the re-entry policy
 * and the goal that ends an enrolment. Stored as JSON on the flow and on each published version; the
 * same schemas validate the API's input and describe it in the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { filterNodeSchema, type FilterNode } from '../records/query.js';
import { eventTypes, type EventType } from '../schema/events.js';

const eventType = z.enum(eventTypes as [EventType, ...EventType[]]);
const stepId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, - and _ only' })
  .openapi({ description: 'Stable id of the step within the flow (kept when steps are reordered)' });
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), { message: 'must be one line' });
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time of day such as 09:00' });

/** Where a condition sends the enrolment: the next step, the end of the flow, or a later step by id. */
const branchTarget = z.union([z.literal('next'), z.literal('exit'), stepId]).openapi({ description: '"next", "exit" or the id of a later step' });

const triggerSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('event'),
        event: eventType.openapi({ description: 'A domain event type from the catalogue (GET /api/events/types)' }),
        match: z
          .record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()]))
          .optional()
          .openapi({ description: 'Facts the event data must have, e.g. {"score": "churn_risk", "direction": "up"}; a key may be a dotted path ({"to.id": "seg_..."})' }),
      })
      .strict(),
    z
      .object({
        type: z.literal('date'),
        field: z.string().min(1).max(64).openapi({ description: 'A date field of the customer (birthday, a custom date field) or contract.ends_on' }),
        offset_days: z.number().int().min(-365).max(365).default(0).openapi({ description: 'Days after the date (negative: before it), e.g. -30 for a month before a contract ends' }),
        yearly: z.boolean().default(false).openapi({ description: 'Every year on the day and month (birthdays)' }),
      })
      .strict(),
    z.object({ type: z.literal('manual') }).strict(),
  ])
  .openapi('FlowTrigger');

const conditionSchema = z
  .union([
    z
      .object({
        // A recursive schema has no OpenAPI form here: described as an object, checked with the filter schema.
        filter: z
          .custom<FilterNode>((v) => filterNodeSchema.safeParse(v).success, { message: 'not a filter: {"field", "op", "value"} or {"and"|"or": [...]}' })
          .openapi({ type: 'object', description: 'A customer filter as in GET /api/customers?filter=, on any field or score, e.g. {"field": "churn_risk", "op": "gt", "value": 0.7}' }),
      })
      .strict(),
    z.object({ activity: z.enum(['opened', 'clicked', 'purchased']).openapi({ description: 'Opened or clicked a message of this flow, or ordered, since entering it' }) }).strict(),
  ])
  .openapi('FlowCondition');

const stepSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        id: stepId,
        kind: z.literal('wait'),
        days: z.number().int().min(0).max(365).optional(),
        hours: z
          .number()
          .int()
          .min(0)
          .max(24 * 30)
          .optional(),
        minutes: z
          .number()
          .int()
          .min(0)
          .max(60 * 24)
          .optional(),
        until_time: timeOfDay.optional().openapi({ description: "Then wait until this time of day in the customer's time zone (the business time zone when the customer has none)" }),
      })
      .strict(),
    z.object({ id: stepId, kind: z.literal('condition'), if: conditionSchema, then: branchTarget.default('next'), else: branchTarget.default('exit') }).strict(),
    z
      .object({
        id: stepId,
        kind: z.literal('send_email'),
        subject: oneLine(998).min(1, { message: 'a subject is required' }).openapi({ description: 'Liquid template, e.g. "We miss you, {{ customer.first_name }}"' }),
        body: z.string().trim().min(1, { message: 'a body is required' }).max(200_000).openapi({ description: 'Plain-text Liquid template' }),
        template_id: z.string().max(40).optional().openapi({ description: 'A saved template (/api/templates) instead of subject and body' }),
      })
      .strict(),
    z.object({ id: stepId, kind: z.literal('send_sms'), body: z.string().trim().min(1, { message: 'a text is required' }).max(1600).openapi({ description: 'Liquid template' }) }).strict(),
    z
      .object({
        id: stepId,
        kind: z.literal('create_task'),
        title: oneLine(255).min(1, { message: 'a title is required' }),
        due_in_days: z.number().int().min(0).max(365).default(0),
      })
      .strict(),
    z.object({ id: stepId, kind: z.literal('add_tag'), tag: oneLine(100).min(1) }).strict(),
    z.object({ id: stepId, kind: z.literal('remove_tag'), tag: oneLine(100).min(1) }).strict(),
    z
      .object({
        id: stepId,
        kind: z.literal('update_field'),
        field: z.string().min(1).max(64),
        value: z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
      })
      .strict(),
    z.object({ id: stepId, kind: z.literal('webhook'), url: z.url({ message: 'an http(s) URL' }).max(2000) }).strict(),
    z.object({ id: stepId, kind: z.literal('exit') }).strict(),
  ])
  .openapi('FlowStep');

export type Step = z.infer<typeof stepSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
export type Condition = z.infer<typeof conditionSchema>;

const reentrySchema = z
  .discriminatedUnion('policy', [
    z.object({ policy: z.literal('never') }).strict(),
    z.object({ policy: z.literal('after_days'), days: z.number().int().min(1).max(3650) }).strict(),
    z.object({ policy: z.literal('always') }).strict(),
  ])
  .openapi('FlowReentry');

export const definitionSchema = z
  .object({
    trigger: triggerSchema,
    steps: z.array(stepSchema).min(1, { message: 'a flow needs at least one step' }).max(100),
    reentry: reentrySchema.default({ policy: 'never' }),
    goal: z
      .object({ events: z.array(eventType).min(1).max(10) })
      .strict()
      .nullable()
      .default(null)
      .openapi({ description: 'Events about the customer that end the enrolment (e.g. order.created)' }),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Map<string, number>();
    d.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `step id ${s.id} is used twice` });
      seen.set(s.id, i);
    });
    d.steps.forEach((s, i) => {
      if (s.kind === 'wait' && !s.days && !s.hours && !s.minutes && !s.until_time) ctx.addIssue({ code: 'custom', path: ['steps', i], message: 'a wait needs a duration or a time of day' });
      if (s.kind !== 'condition') return;
      for (const branch of ['then', 'else'] as const) {
        const target = s[branch];
        if (target === 'next' || target === 'exit') continue;
        const at = seen.get(target);
        if (at === undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, branch], message: `no step ${target}` });
        else if (at <= i) ctx.addIssue({ code: 'custom', path: ['steps', i, branch], message: 'a branch can only go to a later step' });
      }
    });
  })
  .openapi('FlowDefinition');

export type Definition = z.infer<typeof definitionSchema>;

export function parseDefinition(json: string): Definition {
  return definitionSchema.parse(JSON.parse(json));
}

/** Whether a condition's filter names a field (for the save-time check of field names). */
export function filterFields(node: FilterNode): string[] {
  if ('and' in node) return node.and.flatMap(filterFields);
  if ('or' in node) return node.or.flatMap(filterFields);
  return [node.field];
}
