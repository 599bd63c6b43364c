/** One pooled nodemailer transport per SMTP configuration, reused across delivery passes. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpSettings } from './settings.js';

let current: { key: string; transport: Transporter } | null = null;

export function transportOptions(smtp: SmtpSettings, pool = true) {
  return {
    pool,
    maxConnections: 5,
    maxMessages: 1000,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

/** The pooled transport for these settings; a change of settings closes the previous pool. */
export function pooledTransport(smtp: SmtpSettings): Transporter {
  const key = JSON.stringify(smtp);
  if (current?.key === key) return current.transport;
  current?.transport.close();
  current = { key, transport: nodemailer.createTransport(transportOptions(smtp)) };
  return current.transport;
}

/** Closes the pooled connections (server shutdown, tests). */
export function closeMailTransport(): void {
  current?.transport.close();
  current = null;
}
