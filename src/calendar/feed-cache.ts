/**
 * The rendered calendar feed, kept between reads: calendar apps ask for it again and again, and it
 * changes only when a task, deal, pipeline, contract or the business settings do. Each of those writes
 * appends an event in its transaction, so the feed is rebuilt when the newest event is another one (a
 * write in any server process is seen once it commits), and at the latest after a minute: event numbers
 * are given at insert, so on PostgreSQL and MariaDB a write committing behind a later-numbered one, and
 * the learnt probabilities another process caches for a minute, are picked up by age.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../core/database.js';
import { lastEventSeq } from '../core/events.js';
import { weakEtag } from '../http/conditional.js';
import { calendarFeed } from './feed.js';

export interface RenderedFeed {
  text: string;
  /** A weak entity tag of the content, DTSTAMP left out: a rebuild with the same events keeps it. */
  etag: string;
}

const maxAgeMs = 60_000;
const cache = new WeakMap<object, { stamp: number; at: number; feed: RenderedFeed }>();

export async function renderedFeed(db: Db, now = new Date()): Promise<RenderedFeed> {
  if (db.isTransaction) return render(db, now);
  // The stamp is read before the rows: a write committing in between leaves a newer stamp, so the
  // next read rebuilds rather than keeping a feed without it.
  const stamp = await lastEventSeq(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp && now.getTime() - hit.at < maxAgeMs && now.getTime() >= hit.at) return hit.feed;
  const feed = await render(db, now);
  cache.set(db, { stamp, at: now.getTime(), feed });
  return feed;
}

async function render(db: Db, now: Date): Promise<RenderedFeed> {
  const text = await calendarFeed(db, now);
  const content = text.replace(/^DTSTAMP:[0-9TZ]+\r\n/gm, '');
  return { text, etag: weakEtag(createHash('sha256').update(content).digest('base64url').slice(0, 32)) };
}
