import './derived-data.js';
import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { hasOwner } from './auth/service.js';
import type { Config } from './core/config.js';
import { releaseJobsOfGoneProcesses } from './core/jobs.js';
import { openConfiguredDatabase } from './core/runtime.js';
import { markInterruptedImports } from './imports/interrupted.js';
import { sweepUploads } from './imports/upload.js';
import { startJobThread } from './jobs/thread.js';
import { retentionDays, startEventRetention } from './events/retention.js';
import { startWebhookWorker } from './webhooks/worker.js';
import { startMailWorker } from './mail/worker.js';
import { startDueTaskEvents } from './activities/due-tasks.js';
import { startReminders } from './activities/reminders.js';
import { startFollowups } from './followups/consumer.js';
import { startFlows } from './flows/worker.js';
import { startSurveyConsumers } from './surveys/consumer.js';
import { chatCsatChannel } from './chat/service.js';
import { startMailboxWatchers } from './inbound/watchers.js';

/** Starts the API and web app; resolves once listening, with a function that stops it. */
export async function startServer(config: Config, log: (line: string) => void = console.log) {
  const database = await openConfiguredDatabase(config, log);
  // Work left "running" by a process of this host that was killed is settled before anything else runs.
  const interrupted = await markInterruptedImports(database.db);
  if (interrupted.length) log(`Marked ${interrupted.length} import${interrupted.length === 1 ? '' : 's'} interrupted (their process had stopped): ${interrupted.join(', ')}`);
  await releaseJobsOfGoneProcesses(database);
  const swept = sweepUploads(config.dataDir);
  if (swept) log(`Removed ${swept} upload${swept === 1 ? '' : 's'} left by an import that did not finish.`);
  const app = createApp({ database, config });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  // Background jobs (imports, undo, duplicate scans, insight runs, the nightly score refresh) run on a
  // thread of their own, with their own database connection, so that no request waits behind them.
  const jobs = await startJobThread(database, { url: config.databaseUrl, sqlitePath: database.sqlitePath });
  // Domain events go out to webhook endpoints; old events and deliveries are pruned.
  const webhooks = startWebhookWorker(database, { allowPrivate: config.allowPrivateTargets });
  // Queued email goes out through the SMTP settings (see src/mail/deliver.ts).
  const mail = await startMailWorker(database);
  const stopRetention = startEventRetention(database.db, retentionDays());
  const stopDueTasks = startDueTaskEvents(database);
  // Task reminders by email, and follow-up cadences of sent quotes and form leads.
  const reminders = startReminders(database);
  const followups = startFollowups(database);
  // Flows: enrolments from domain events and their steps (see src/flows/runner.ts).
  const flows = startFlows(database, { allowPrivate: config.allowPrivateTargets });
  // CSAT asks follow resolved tickets (by email, and inside the chat a ticket came from).
  const surveys = startSurveyConsumers(database, chatCsatChannel);
  // Support mailboxes that offer IDLE are watched, so new mail becomes a ticket at once (else the minute's fetch takes it).
  const mailboxes = startMailboxWatchers(database);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = database.sqlitePath ?? database.dialect;
  log(`Rapport is running on http://${config.host}:${port} (data: ${where})`);
  if (!(await hasOwner(database.db))) {
    log(`No owner account yet. Open http://${config.host}:${port}/ to create one, or run:`);
    log(`  npx rapport user create --email you@example.com --password '<at least 10 characters>'`);
  }
  return {
    port,
    app,
    database,
    async stop() {
      await jobs.stop();
      stopRetention();
      stopDueTasks();
      await reminders.stop();
      await followups.stop();
      await flows.stop();
      await surveys.stop();
      await mailboxes.stop();
      await webhooks.stop();
      await mail.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
