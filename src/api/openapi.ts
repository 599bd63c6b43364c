/**
 * Finishing touches on the generated OpenAPI document, applied in one place so that no route can
 * miss them: a stable operationId for every operation that does not name one, the 401 answer of every
 * route that needs credentials, and the server and licence entries.
 */
type Operation = { operationId?: string; security?: unknown[]; responses?: Record<string, unknown> };
type Document = { paths?: Record<string, Record<string, Operation>>; servers?: unknown[]; info: Record<string, unknown> };

const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** `GET /api/customers/{id}/timeline` → `getCustomersByIdTimeline`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const word = param ? `by_${param[1]}` : segment;
      return word
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
    });
  return method.toLowerCase() + (words.join('') || 'Root');
}

export function completeDocument<T extends object>(generated: T, publicPaths: ReadonlySet<string>, errorRef = '#/components/schemas/Error'): T {
  const doc = generated as unknown as Document;
  const used = new Set<string>();
  for (const ops of Object.values(doc.paths ?? {})) for (const op of Object.values(ops)) if (op?.operationId) used.add(op.operationId);
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      if (!methods.has(method) || !op) continue;
      if (!op.operationId) {
        let id = operationIdFor(method, path);
        for (let n = 2; used.has(id); n++) id = `${operationIdFor(method, path)}${n}`;
        op.operationId = id;
        used.add(id);
      }
      const needsAuth = !publicPaths.has(path) && !(Array.isArray(op.security) && op.security.length === 0);
      op.responses ??= {};
      if (needsAuth && !op.responses['401']) op.responses['401'] = { description: 'Missing or invalid credentials', content: { 'application/json': { schema: { $ref: errorRef } } } };
    }
  }
  doc.servers = doc.servers?.length ? doc.servers : [{ url: '/', description: 'This Rapport server' }];
  doc.info.license ??= { name: 'MIT', identifier: 'MIT' };
  return generated;
}
