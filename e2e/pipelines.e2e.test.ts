import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, axeViolations, signUp, startApp, type RunningApp } from './harness.js';

/** The pipeline editor in a real browser: stages deleted with their deals moved, a new pipeline made and deleted. */
describe('pipeline editor in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(20_000);
    await signUp(page, base, 'Deals');
  }, 300_000);
  afterAll(async () => app?.close());

  it('deletes a stage that holds a deal once a target stage is picked, and the deal moves there', async () => {
    const pipeline = (await apiCall('GET', '/api/pipelines')).body.data[0] as { id: string; stages: { id: string; name: string }[] };
    const proposal = pipeline.stages.find((s) => s.name === 'Proposal')!;
    const lead = pipeline.stages.find((s) => s.name === 'Lead')!;
    const deal = (await apiCall('POST', '/api/deals', { title: 'Roof repair', pipeline_id: pipeline.id, stage_id: proposal.id })).body as { id: string };

    await page.goto(`${base}/deals`);
    await page.getByRole('link', { name: 'Edit pipeline' }).click();
    await page.getByLabel('Stage 1 name').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remove Proposal' }).click();
    await page.getByRole('button', { name: 'Save the pipeline' }).click();
    await page.getByText('name a kept stage to move them to').waitFor();
    expect((await apiCall('GET', `/api/pipelines/${pipeline.id}`)).body.stages.map((s: { name: string }) => s.name)).toContain('Proposal');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Move the deals of Proposal to').selectOption(lead.id);
    await page.getByRole('button', { name: 'Save the pipeline' }).click();
    await page.waitForURL(`${base}/deals`);
    const after = (await apiCall('GET', `/api/pipelines/${pipeline.id}`)).body as { stages: { name: string }[] };
    expect(after.stages.map((s) => s.name)).not.toContain('Proposal');
    expect((await apiCall('GET', `/api/deals/${deal.id}`)).body.stage_id).toBe(lead.id);
  });

  it('creates a pipeline from the board and deletes it', async () => {
    await page.goto(`${base}/deals`);
    await page.getByRole('link', { name: 'New pipeline' }).click();
    await page.getByLabel('Pipeline name').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Pipeline name').fill('Partnerships');
    await page.getByRole('button', { name: 'Add a stage' }).click();
    await page.getByLabel('Stage 2 name').fill('Talking');
    await page.getByLabel('Stage 2 win probability (%)').fill('40');
    await page.getByRole('button', { name: 'Create the pipeline' }).click();
    await page.waitForURL(`${base}/deals`);
    const made = ((await apiCall('GET', '/api/pipelines')).body.data as { id: string; name: string; stages: { name: string; probability: number }[] }[]).find((p) => p.name === 'Partnerships')!;
    expect(made.stages.map((s) => [s.name, s.probability])).toEqual([
      ['Lead', 0.1],
      ['Talking', 0.4],
      ['Won', 1],
      ['Lost', 0],
    ]);

    await page.goto(`${base}/deals/pipelines/${made.id}`);
    await page.getByRole('button', { name: 'Delete the pipeline' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the pipeline' }).click();
    await page.waitForURL(`${base}/deals`);
    expect((await apiCall('GET', `/api/pipelines/${made.id}`)).status).toBe(404);
  });
});
