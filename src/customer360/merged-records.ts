import type { Db } from '../core/database.js';

const parseIds = (text: unknown): string[] => {
  try {
    const ids = typeof text === 'string' ? JSON.parse(text) : [];
    return Array.isArray(ids) ? ids.filter((i): i is string => typeof i === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * The customer and every record merged into them, and into those, by merges that still stand:
 * the records that are the same person, whose data a merge snapshot keeps.
 */
export async function mergedAway(db: Db, id: string): Promise<string[]> {
  const ids = new Set([id]);
  let frontier = [id];
  while (frontier.length) {
    const rows = await db.selectFrom('merges').select('loser_ids').where('winner_id', 'in', frontier).where('undone_at', 'is', null).execute();
    frontier = [];
    for (const r of rows) {
      for (const loser of parseIds(r.loser_ids)) {
        if (ids.has(loser)) continue;
        ids.add(loser);
        frontier.push(loser);
      }
    }
  }
  return [...ids];
}

export { parseIds as mergeLoserIds };
