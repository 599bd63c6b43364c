import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Config } from '../core/config.js';

/** The last entry of a comma-separated forwarding header: the one the trusted proxy itself wrote. */
function lastForwarded(value: string | undefined): string | undefined {
  const last = value?.split(',').pop()?.trim();
  return last || undefined;
}

/**
 * The address a request came from: the socket's peer, or behind a trusted proxy the address the proxy
 * saw (the last X-Forwarded-For entry; earlier entries are whatever the client claimed).
 */
export function clientAddress(c: Context, config: Pick<Config, 'trustProxy'>): string {
  if (config.trustProxy) {
    const forwarded = lastForwarded(c.req.header('x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether the request came over HTTPS: a TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function cameOverHttps(c: Context, config: Pick<Config, 'trustProxy'>): boolean {
  if (config.trustProxy) {
    const proto = lastForwarded(c.req.header('x-forwarded-proto'));
    if (proto) return proto.toLowerCase() === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}
