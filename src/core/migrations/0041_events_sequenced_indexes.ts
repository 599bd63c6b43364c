import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The events' position indexes hold sequenced events only, where the engine has partial indexes
 * (SQLite, PostgreSQL). An event is appended with an empty position, which the sequencer fills in
 * soon after; until now the append wrote an entry into each of the three position indexes, and the
 * sequencing rewrote all three. Now the append writes one entry into a small index of the events
 * still to sequence, and the three position indexes are written once, by the sequencer, outside the
 * writer's transaction. Every read by position names `position IS NOT NULL` or a comparison that
 * implies it, so it still finds them. MySQL and MariaDB have no partial indexes: they keep theirs.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'mysql') return;
  const positioned: [name: string, columns: string[], unique: boolean][] = [
    ['events_position_uq', ['position'], true],
    ['events_entity_id_position_ix', ['entity_id', 'position'], false],
    ['events_type_position_ix', ['type', 'position'], false],
  ];
  for (const [name, columns, unique] of positioned) {
    await db.schema.dropIndex(name).execute();
    let index = db.schema.createIndex(name).on('events').columns(columns).where(sql.ref('position'), 'is not', null);
    if (unique) index = index.unique();
    await index.execute();
  }
  await db.schema.createIndex('events_pending_ix').on('events').column('seq').where(sql.ref('position'), 'is', null).execute();
}
