import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../src/test/smtp.js';
import { apiCall as callApi, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** A win-back flow on churn risk built in the editor, dry-run, then run on the demo data; the test SMTP server catches what it sends. */
describe('flows in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  let smtp: TestSmtp;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1400, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    smtp = await startTestSmtp();
    await useTestSmtp(app.server.database, smtp.port);
    await signUp(page, base, 'Flows');
    // The demo data, scored by its insight run.
    const job = await apiCall('POST', '/api/demo');
    expect(job.status).toBe(202);
    const finished = async (id: string) => {
      for (;;) {
        const j = (await apiCall('GET', `/api/jobs/${id}`)).body;
        expect(j.status).not.toBe('failed');
        if (j.status === 'done') return j;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    // The demo job queues the insight run that scores the customers.
    await finished((await finished(job.body.id)).result.insight_run_job);
  }, 400_000);
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('builds a win-back flow on churn risk, dry-runs it and runs it on the demo data within the daily budget', { timeout: 300_000 }, async () => {
    const { db } = app.server.database;
    const atRisk = (await db.selectFrom('customers').select(['id', 'first_name', 'email', 'consent_email']).where('churn_risk', '>', 0.7).where('erased_at', 'is', null).execute()) as {
      id: string;
      first_name: string | null;
      email: string | null;
      consent_email: unknown;
    }[];
    expect(atRisk.length).toBeGreaterThan(5);
    const reachable = atRisk.filter((c) => c.email && (c.consent_email === 1 || c.consent_email === true));
    expect(reachable.length).toBeGreaterThan(4);
    const byAddress = new Map(reachable.map((c) => [c.email!.toLowerCase(), c]));

    await page.getByRole('navigation').getByRole('link', { name: 'Flows' }).click();
    await page.getByText('No flows yet').waitFor();
    // Four messages a day for all flows: the rest wait for tomorrow.
    await page.getByLabel('Emails and texts per day, all flows together').fill('4');
    await page.getByRole('button', { name: 'Save budget' }).click();
    await page.getByRole('form', { name: 'Daily sending budget' }).getByText('Saved').waitFor();
    const create = page.getByRole('form', { name: 'New flow' });
    await create.getByLabel('Start from').selectOption('blank');
    await create.getByLabel('Name').fill('Win back drifting customers');
    await create.getByRole('button', { name: 'Create flow' }).click();
    await page.getByRole('heading', { level: 1, name: 'Win back drifting customers' }).waitFor();

    const editor = page.getByRole('form', { name: 'Flow editor' });
    await editor.getByLabel('Starts when').selectOption('event');
    await editor.getByLabel('Event', { exact: true }).selectOption('customer.score_crossed');
    await editor.getByLabel('Score').selectOption('churn_risk');
    await editor.getByLabel('Direction').selectOption('up');
    await editor.getByLabel('Threshold').fill('0.7');
    await editor.getByLabel('Leave the flow when they order (goal)').check();
    const first = editor.getByRole('listitem', { name: '1. Send email' });
    await first.getByLabel('Subject').fill('We miss you, {{ customer.first_name }}');
    await first.getByLabel('Text').fill('Here is 15% off your next order: {{ discount_code }}');
    // A wait, a tag and an exit; the tag moves up before the wait, the exit goes again.
    for (const kind of ['Wait', 'Add tag', 'Exit']) {
      await editor.getByLabel('New step').selectOption({ label: kind });
      await editor.getByRole('button', { name: 'Add step' }).click();
    }
    await editor.getByRole('button', { name: 'Move step 3 up' }).click();
    await editor.getByRole('button', { name: 'Remove step 4' }).click();
    expect(
      await editor
        .getByRole('listitem')
        .filter({ has: page.locator('.step-num') })
        .allInnerTexts(),
    ).toHaveLength(3);
    // The empty tag is refused next to its field.
    await editor.getByRole('button', { name: 'Save flow' }).click();
    await editor.getByRole('listitem', { name: '2. Add tag' }).getByRole('alert').waitFor();
    await editor.getByRole('listitem', { name: '2. Add tag' }).getByLabel('Tag').fill('win-back');
    await editor.getByRole('button', { name: 'Save flow' }).click();
    await page.getByRole('status').getByText('Flow saved').waitFor();
    await page.getByText('churn risk rises above 0.7').first().waitFor();

    // Dry run: everyone above 0.7 today, and what each gets.
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    const result = page.getByRole('region', { name: 'Dry run result' });
    await result.getByText(`${atRisk.length} customers would enter today`).waitFor();
    const shown = await result.getByText(/^email to .+: We miss you, /).allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) {
      const [, address, name] = /^email to (.+): We miss you, (.*)$/.exec(line)!;
      expect(byAddress.get(address.toLowerCase())?.first_name).toBe(name);
    }
    expect(await db.selectFrom('flow_enrolments').select('id').execute()).toEqual([]);
    expect(smtp.messages).toEqual([]);

    // Activate, enrolling those the dry run listed: four emails go out (the budget), the rest wait.
    await page.getByLabel('Also enrol whoever the dry run lists').check();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('status').getByText(`Flow activated: ${atRisk.length} customers entered`).waitFor();
    const caught = await smtp.waitFor(4, 120_000);
    for (const m of caught) {
      const to = m.to && !Array.isArray(m.to) ? m.to.value[0].address!.toLowerCase() : '';
      const c = byAddress.get(to);
      expect(c, `a message to ${to}`).toBeDefined();
      expect(m.subject).toBe(`We miss you, ${c!.first_name}`);
      expect(m.text).toMatch(/15% off your next order: SAVE-[2-9A-Z]{6}/);
      expect(m.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 7000));
    expect(smtp.messages).toHaveLength(4);

    // Per-step counts and the enrolments after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Win back drifting customers' }).waitFor();
    await page
      .getByLabel('Counts of step 1')
      .getByText(/4 sent/)
      .waitFor();
    const enrolments = page.getByRole('region', { name: 'Enrolments' });
    await enrolments.getByRole('row').nth(1).waitFor();
    const rows = await db.selectFrom('flow_enrolments').select(['status', 'step']).execute();
    expect(rows).toHaveLength(atRisk.length);
    // The customer's page lists the flow they are in.
    const mailed = byAddress.get((caught[0].to && !Array.isArray(caught[0].to) ? caught[0].to.value[0].address! : '').toLowerCase())!;
    await page.goto(`${base}/customers/${mailed.id}`);
    const card = page.getByRole('region', { name: 'Flows' });
    await card.getByRole('link', { name: 'Win back drifting customers' }).waitFor();
    await card.getByText(/last: wait-1 waited/).waitFor();
    expect(problems).toEqual([]);
  });

  it('enrols a saved segment by hand in a flow you start yourself', { timeout: 120_000 }, async () => {
    const segment = await apiCall('POST', '/api/segments', { name: 'Big spenders', filter: { field: 'revenue', op: 'gt', value: 1000 } });
    expect(segment.status).toBe(201);
    const members = await app.server.database.db.selectFrom('customers').select('id').where('revenue', '>', 1000).execute();
    expect(members.length).toBeGreaterThan(0);
    await page.goto(`${base}/flows`);
    const create = page.getByRole('form', { name: 'New flow' });
    await create.getByLabel('Name').fill('Thank the big spenders');
    await create.getByRole('button', { name: 'Create flow' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank the big spenders' }).waitFor();
    const editor = page.getByRole('form', { name: 'Flow editor' });
    const first = editor.getByRole('listitem', { name: '1. Send email' });
    await first.getByLabel('Subject').fill('Thank you, {{ customer.first_name }}');
    await editor.getByRole('button', { name: 'Save flow' }).click();
    await page.getByRole('status').getByText('Flow saved').waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('status').getByText('Flow activated').waitFor();
    const enrol = page.getByRole('form', { name: 'Enrol customers' });
    await enrol.getByLabel('Segment').selectOption({ label: 'Big spenders' });
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    await enrol.getByText(`${members.length} entered`).waitFor();
    const flowId = page.url().split('/').pop()!;
    expect(await app.server.database.db.selectFrom('flow_enrolments').select('customer_id').where('flow_id', '=', flowId).execute()).toHaveLength(members.length);
    expect(problems).toEqual([]);
  });
});
