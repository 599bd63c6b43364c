import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { sql, type SqlBool } from 'kysely';
import { entityService } from '../records/entity-service.js';
import { companyEntity } from '../schema/entities.js';
import { companyKey } from './normalise.js';

export const companies = entityService(companyEntity, {
  prepare(_trx, _ctx, record) {
    return { name_key: companyKey(String(record.name)) };
  },
  // A rename reaches the customers' copy of the name through company.updated (see company-names.ts).
  async beforeDelete(trx, _ctx, ids) {
    await trx.updateTable('customers').set({ company_id: null }).where('company_id', 'in', ids).execute();
  },
  search(q) {
    const key = companyKey(q).replace(/[!%_]/g, (c) => `!${c}`);
    return key ? () => sql<SqlBool>`name_key like ${'%' + key + '%'} escape '!'` : null;
  },
});

/** The company called `name` (case and spacing ignored), created when there is none. */
export async function companyIdForName(trx: Db, ctx: Ctx, name: string): Promise<string> {
  const found = await trx.selectFrom('companies').select('id').where('name_key', '=', companyKey(name)).orderBy('created_at').limit(1).executeTakeFirst();
  if (found) return found.id as string;
  const [created] = await companies.createIn(trx, ctx, [{ name: name.trim() }]);
  return created.id as string;
}
