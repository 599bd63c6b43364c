import type { CountryCode } from 'libphonenumber-js';
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Unset means the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /** Origins allowed to call the API from a browser; empty = CORS closed. */
  corsOrigins: string[];
  /** Secure flag on every session cookie; without it, set only on requests that came over HTTPS. */
  secureCookies: boolean;
  /**
   * Behind a reverse proxy (RAPPORT_TRUST_PROXY=true): the client address is the last entry of
   * X-Forwarded-For and the scheme comes from X-Forwarded-Proto. Off, both headers are ignored.
   */
  trustProxy: boolean;
  maxBodyBytes: number;
  /** Largest file accepted by the import upload. */
  maxUploadBytes: number;
  /** ISO country assumed for phone numbers without a country code. */
  defaultCountry: CountryCode | undefined;
  /** Let webhooks (and other outbound requests) reach loopback and private addresses; off by default (SSRF). */
  allowPrivateTargets: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.RAPPORT_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    corsOrigins: (env.RAPPORT_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secureCookies: env.RAPPORT_SECURE_COOKIES === 'true',
    trustProxy: env.RAPPORT_TRUST_PROXY === 'true' || env.RAPPORT_TRUST_PROXY === '1',
    maxBodyBytes: Number(env.RAPPORT_MAX_BODY_BYTES ?? 10 * 1024 * 1024),
    maxUploadBytes: Number(env.RAPPORT_MAX_UPLOAD_BYTES ?? 512 * 1024 * 1024),
    defaultCountry: (env.RAPPORT_DEFAULT_COUNTRY?.toUpperCase() as CountryCode | undefined) || undefined,
    allowPrivateTargets: env.RAPPORT_ALLOW_PRIVATE_TARGETS === 'true',
  };
}
