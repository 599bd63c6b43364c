/**
 * Rapport as an MCP server: tools that read customers with their scores and explanations, segments
 * and the contact list, and that record notes, tasks and interactions. Every tool calls the same
 * services as the REST API, so validation, audit and events are the same.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { interactions, tasks } from '../activities/interactions.js';
import type { Ctx } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { customerView } from '../customer360/view.js';
import { customers } from '../customers/index.js';
import { contactList } from '../insights/contact-list.js';
import { suggestionsFor } from '../insights/cross-sell.js';
import { listSegments, segmentWhere } from '../insights/segmentation.js';
import { interactionTypes } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';

const mcpServerInfo = { name: 'rapport', version: '0.1.0' };

/** The fields a customer carries in tool answers: who they are and what Rapport predicts about them. */
const customerFields = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'city',
  'country',
  'tags',
  'order_count',
  'revenue',
  'last_order_at',
  'stage',
  'rfm_segment',
  'segment_id',
  'p_alive',
  'churn_risk',
  'churn_reason',
  'clv',
  'value_at_risk',
  'purchase_probability',
  'score_basis',
];

type ToolResult = { content: { type: 'text'; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

/** A tool's answer as JSON text (what every client reads) and as structured content; errors as tool errors. */
async function answer(work: () => Promise<unknown>): Promise<ToolResult> {
  try {
    const value = await work();
    const structured = (value && typeof value === 'object' && !Array.isArray(value) ? value : { data: value }) as Record<string, unknown>;
    return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: structured };
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.fields
        ? ` (${Object.entries(error.fields)
            .map(([k, v]) => `${k}: ${v.join('; ')}`)
            .join(', ')})`
        : '';
      return { content: [{ type: 'text', text: `${error.code}: ${error.message}${fields}` }], isError: true };
    }
    throw error;
  }
}

export function buildMcpServer(ctx: Ctx): McpServer {
  const server = new McpServer(mcpServerInfo, {
    instructions:
      'Rapport is the CRM of a one-person business. Customers carry predictions: stage (lead, active, inactive, churned), p_alive (probability still a customer), churn_risk, clv (lifetime value) and value_at_risk, each with a reason; score_basis says when a model was unreliable and a simpler estimate was used. Amounts (revenue, clv, value_at_risk) are in the business currency named by `currency`: orders in other currencies are not converted, they count in order_count but not in the amounts (get_customer lists them under figures.other_currencies). Use contact_today for "who should I contact and what should I offer".',
  });

  server.registerTool(
    'search_customers',
    {
      title: 'Search customers',
      description:
        'Find customers by name, email, phone, company or notes, optionally within a stage or segment, sorted by a score. Returns each customer with stage, P(alive), churn risk, lifetime value and value at risk.',
      inputSchema: {
        query: z.string().max(200).optional().describe('Words to search for'),
        stage: z.enum(['lead', 'active', 'inactive', 'churned']).optional(),
        segment: z.string().max(40).optional().describe('A segment id, or a k-means label number of the newest segmentation'),
        sort: z.enum(['-value_at_risk', '-clv', '-churn_risk', '-revenue', '-last_order_at', 'last_order_at', '-created_at']).optional(),
        limit: z.number().int().min(1).max(100).optional(),
      },
      annotations: { readOnlyHint: true },
    },
    ({ query, stage, segment, sort, limit }) =>
      answer(async () => {
        const page = await customers.list(ctx, {
          q: query,
          sort,
          limit: limit ?? 20,
          fields: customerFields,
          filter: stage ? { field: 'stage', op: 'eq', value: stage } : undefined,
          where: await segmentWhere(ctx, segment),
        });
        return { currency: (await getBusinessSettings(ctx.database.db)).currency, customers: page.data, next_cursor: page.next_cursor ?? null };
      }),
  );

  server.registerTool(
    'get_customer',
    {
      title: 'Get a customer',
      description: 'One customer with figures, scores and their explanation, the next best offers (products bought by similar customers, with why), recent orders, interactions and open tasks.',
      inputSchema: { id: z.string().max(40).describe('Customer id (cus_...)') },
      annotations: { readOnlyHint: true },
    },
    ({ id }) =>
      answer(async () => {
        const [view, offers] = await Promise.all([customerView(ctx, id), suggestionsFor(ctx, id, 3)]);
        return { ...view, next_best_offers: offers.data };
      }),
  );

  server.registerTool(
    'list_segments',
    {
      title: 'List segments',
      description: 'The segments of the newest k-means segmentation (with their label number, size and description) and the saved filter segments.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    () => answer(async () => ({ segments: await listSegments(ctx) })),
  );

  server.registerTool(
    'segment_members',
    {
      title: 'Members of a segment',
      description: 'Customers in a segment, highest value at risk first, with their scores.',
      inputSchema: { segment: z.string().max(40).describe('Segment id or k-means label number'), limit: z.number().int().min(1).max(100).optional() },
      annotations: { readOnlyHint: true },
    },
    ({ segment, limit }) =>
      answer(async () => {
        const page = await customers.list(ctx, { sort: '-value_at_risk', limit: limit ?? 20, fields: customerFields, where: await segmentWhere(ctx, segment) });
        return { currency: (await getBusinessSettings(ctx.database.db)).currency, customers: page.data, next_cursor: page.next_cursor ?? null };
      }),
  );

  server.registerTool(
    'contact_today',
    {
      title: 'Who to contact today',
      description: 'Customers to contact now, ranked by money at stake (value at risk), each with the reason in words and the products to offer them.',
      inputSchema: { limit: z.number().int().min(1).max(50).optional() },
      annotations: { readOnlyHint: true },
    },
    ({ limit }) =>
      answer(async () => {
        const list = await contactList(ctx, limit ?? 10);
        const withOffers = await Promise.all(list.data.map(async (entry) => ({ ...entry, offer: (await suggestionsFor(ctx, entry.customer_id, 2)).data })));
        return { ...list, data: withOffers };
      }),
  );

  server.registerTool(
    'create_note',
    {
      title: 'Add a note',
      description: "Adds a note to a customer's timeline.",
      inputSchema: { customer_id: z.string().max(40), text: z.string().min(1).max(100_000) },
    },
    ({ customer_id, text }) => answer(async () => (await interactions.create(ctx, [{ type: 'note', customer_id, body: text, occurred_at: new Date().toISOString() }]))[0]),
  );

  server.registerTool(
    'create_task',
    {
      title: 'Create a task',
      description: 'Creates a to-do, optionally for a customer and with a due time (ISO 8601).',
      inputSchema: { title: z.string().min(1).max(255), customer_id: z.string().max(40).optional(), due_at: z.string().max(40).optional(), notes: z.string().max(100_000).optional() },
    },
    (input) => answer(async () => (await tasks.create(ctx, [input]))[0]),
  );

  server.registerTool(
    'log_interaction',
    {
      title: 'Record an interaction',
      description: 'Records a call, email, meeting, message or visit with a customer.',
      inputSchema: {
        customer_id: z.string().max(40),
        type: z.enum(interactionTypes),
        direction: z.enum(['in', 'out']).optional(),
        subject: z.string().max(255).optional(),
        body: z.string().max(100_000).optional(),
        occurred_at: z.string().max(40).optional().describe('ISO 8601; default now'),
      },
    },
    (input) => answer(async () => (await interactions.create(ctx, [{ ...input, occurred_at: input.occurred_at ?? new Date().toISOString() }]))[0]),
  );

  return server;
}
