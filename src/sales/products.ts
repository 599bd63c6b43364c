import { sql, type SqlBool } from 'kysely';
import { entityService } from '../records/entity-service.js';
import { productEntity } from '../schema/entities.js';
import { conflict } from '../core/errors.js';

export const products = entityService(productEntity, {
  async prepare(trx, _ctx, record) {
    if (!record.sku) return;
    const owner = await trx
      .selectFrom('products')
      .select('id')
      .where('sku', '=', record.sku as string)
      .executeTakeFirst();
    if (owner && owner.id !== record.id) throw conflict(`sku ${record.sku} already belongs to product ${owner.id}`, { sku: [`already used by ${owner.id}`] });
  },
  search(q) {
    const needle = q
      .trim()
      .toLowerCase()
      .replace(/[!%_]/g, (c) => `!${c}`);
    return needle ? () => sql<SqlBool>`(lower(name) like ${'%' + needle + '%'} escape '!' or lower(sku) like ${needle + '%'} escape '!')` : null;
  },
});
