import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { EntityDef } from '../schema/entities.js';
import { isNotNull } from '../schema/fields.js';
import { recordChanges } from './changes.js';
import { recordToRow, rowToRecord, type ApiRecord, type Row } from './codec.js';
import { getRow, getRows, insertRows, listRecords, type ListParams, type Page, type WhereBuilder } from './repository.js';
import { createSchema, issuesToFields, updateSchema } from './validation.js';

export interface EntityHooks {
  /** Extra columns or checks for a row about to be written (after validation). */
  prepare?(trx: Db, ctx: Ctx, record: ApiRecord, existing: ApiRecord | null): Promise<Row | void> | Row | void;
  /** Runs after rows were written in the same transaction (derived figures and the like). */
  afterWrite?(trx: Db, ctx: Ctx, records: { before: ApiRecord | null; after: ApiRecord | null }[]): Promise<void>;
  /** Runs before rows are deleted. */
  beforeDelete?(trx: Db, ctx: Ctx, ids: string[]): Promise<void>;
  /** Free-text search for `q` on lists. */
  search?(q: string): WhereBuilder | null;
}

export interface EntityService {
  entity: EntityDef;
  list(ctx: Ctx, params: ListParams & { q?: string; where?: WhereBuilder[] }): Promise<Page>;
  get(ctx: Ctx, id: string): Promise<ApiRecord>;
  createIn(trx: Db, ctx: Ctx, inputs: unknown[]): Promise<ApiRecord[]>;
  updateIn(trx: Db, ctx: Ctx, patches: { id: string; patch: unknown }[]): Promise<ApiRecord[]>;
  deleteIn(trx: Db, ctx: Ctx, ids: string[]): Promise<void>;
  create(ctx: Ctx, inputs: unknown[]): Promise<ApiRecord[]>;
  update(ctx: Ctx, patches: { id: string; patch: unknown }[]): Promise<ApiRecord[]>;
  delete(ctx: Ctx, ids: string[]): Promise<void>;
}

/**
 * Create, read, update and delete for an entity whose fields are all in the registry, with
 * validation, audit entries and hooks for derived data, each batch in one transaction.
 */
export function entityService(entity: EntityDef, hooks: EntityHooks = {}): EntityService {
  const fields = entity.fields;
  const createInput = createSchema(entity);
  const updateInput = updateSchema(entity);
  const parse = (mode: 'create' | 'update', value: unknown): ApiRecord => {
    const result = (mode === 'create' ? createInput : updateInput).safeParse(value);
    if (!result.success) throw invalid(`invalid ${entity.label}`, issuesToFields(result.error.issues));
    const out: ApiRecord = Object.create(null);
    Object.assign(out, result.data);
    return out;
  };
  const audit = (trx: Db, ctx: Ctx, action: 'create' | 'update' | 'delete', items: { id: string; before?: ApiRecord; after?: ApiRecord }[]) => recordChanges(trx, ctx, entity, action, items);

  const service: EntityService = {
    entity,
    list(ctx, params) {
      const extra = [...(params.where ?? [])];
      const search = params.q && hooks.search ? hooks.search(params.q) : null;
      if (search) extra.push(search);
      return listRecords(ctx.database.db, entity, fields, params, extra, ctx.database.dialect);
    },
    async get(ctx, id) {
      return rowToRecord(fields, await getRow(ctx.database.db, entity, id));
    },
    async createIn(trx, ctx, inputs) {
      const now = new Date().toISOString();
      const rows: Row[] = [];
      for (const input of inputs) {
        const record = { ...parse('create', input), id: newId(entity.idKind), created_at: now, updated_at: now };
        const extra = (await hooks.prepare?.(trx, ctx, record, null)) ?? {};
        rows.push({ ...recordToRow(fields, record), ...extra });
      }
      await insertRows(trx, entity.table, rows);
      const records = rows.map((r) => rowToRecord(fields, r));
      await hooks.afterWrite?.(
        trx,
        ctx,
        records.map((after) => ({ before: null, after })),
      );
      await audit(
        trx,
        ctx,
        'create',
        records.map((r) => ({ id: r.id as string, after: r })),
      );
      return records;
    },
    async updateIn(trx, ctx, patches) {
      const existing = await getRows(
        trx,
        entity,
        patches.map((p) => p.id),
      );
      const changes: { before: ApiRecord; after: ApiRecord }[] = [];
      for (const { id, patch } of patches) {
        const before = rowToRecord(fields, existing.get(id)!);
        const input = parse('update', patch);
        // A column that never holds NULL cannot be emptied by a patch, required or not (its default applies at creation only).
        for (const f of fields) if ((f.required || isNotNull(f)) && input[f.name] === null) throw invalid(`${f.name} cannot be empty`, { [f.name]: ['required'] });
        const merged = { ...before, ...input, updated_at: new Date().toISOString() };
        const extra = (await hooks.prepare?.(trx, ctx, merged, before)) ?? {};
        const row = { ...recordToRow(fields, { ...input, updated_at: merged.updated_at }), ...extra };
        await trx.updateTable(entity.table).set(row).where('id', '=', id).execute();
        changes.push({ before, after: rowToRecord(fields, await getRow(trx, entity, id)) });
      }
      await hooks.afterWrite?.(trx, ctx, changes);
      await audit(
        trx,
        ctx,
        'update',
        changes.map((c) => ({ id: c.after.id as string, before: c.before, after: c.after })),
      );
      return changes.map((c) => c.after);
    },
    async deleteIn(trx, ctx, ids) {
      const existing = await getRows(trx, entity, ids);
      await hooks.beforeDelete?.(trx, ctx, ids);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await trx.deleteFrom('external_ids').where('entity', '=', entity.name).where('entity_id', 'in', chunk).execute();
        await trx.deleteFrom(entity.table).where('id', 'in', chunk).execute();
      }
      const befores = ids.map((id) => rowToRecord(fields, existing.get(id)!));
      await hooks.afterWrite?.(
        trx,
        ctx,
        befores.map((before) => ({ before, after: null })),
      );
      await audit(
        trx,
        ctx,
        'delete',
        befores.map((b) => ({ id: b.id as string, before: b })),
      );
    },
    create: (ctx, inputs) => inTransaction(ctx, (trx) => service.createIn(trx, ctx, inputs)),
    update: (ctx, patches) => inTransaction(ctx, (trx) => service.updateIn(trx, ctx, patches)),
    delete: (ctx, ids) => inTransaction(ctx, (trx) => service.deleteIn(trx, ctx, ids)),
  };
  return service;
}
