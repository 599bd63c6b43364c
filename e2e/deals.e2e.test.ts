import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as callApi, axeViolations, signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** The deals board in a real browser: cards dragged with the mouse, moved from the keyboard, totals per column. */
describe('deals board in a real browser', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const apiCall = (method: string, url: string, body?: unknown) => callApi(page, method, url, body);
  const column = (name: string): Locator => page.locator(`section.board-column[data-stage="${name}"]`);
  const card = (title: string): Locator => page.locator('li.deal-card', { hasText: title });
  const money = (n: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(n);
  /** The stage whose column holds the card, as the server has it. */
  const stageOf = async (id: string) => (await apiCall('GET', `/api/deals/${id}`)).body.stage_id as string;

  beforeAll(async () => {
    app = await startApp({ width: 1600, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(20_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Deals');
    expect((await apiCall('PATCH', '/api/settings', { currency: 'EUR' })).status).toBe(200);
  }, 300_000);
  afterAll(async () => app?.close());

  it('drags deals across the board, moves one by keyboard, and keeps the column totals right', async () => {
    const pipeline = (await apiCall('GET', '/api/pipelines')).body.data[0];
    const stage = (name: string) => pipeline.stages.find((s: { name: string }) => s.name === name).id as string;
    const deals: Record<string, string> = {};
    for (const [title, value] of [
      ['Garden design', 1200],
      ['Kitchen', 3000.5],
    ] as const) {
      const res = await apiCall('POST', '/api/deals', { title, value });
      expect(res.status).toBe(201);
      deals[title] = res.body.id;
    }
    await page.getByRole('navigation').getByRole('link', { name: 'Deals' }).click();
    await column('Lead').getByText('Kitchen').waitFor();
    // A third one opened from the board.
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByRole('dialog').getByLabel('Title').fill('Roof repair');
    await page.getByRole('dialog').getByLabel('Value').fill('800');
    await page.getByRole('dialog').getByRole('button', { name: 'Open the deal' }).click();
    await column('Lead').getByText('Roof repair').waitFor();
    deals['Roof repair'] = (await apiCall('GET', '/api/deals?q=roof')).body.data[0].id;
    expect(await column('Lead').getByTestId('column-count').textContent()).toBe('3');
    expect(await column('Lead').getByTestId('column-total').textContent()).toBe(money(5000.5));
    // Lead's configured probability is 10%: the weighted total is a tenth.
    expect(await column('Lead').getByTestId('column-weighted').textContent()).toBe(money(500.05));

    // Mouse: drag two cards to Proposal.
    for (const title of ['Garden design', 'Kitchen']) {
      const from = await card(title).boundingBox();
      const to = await column('Proposal').boundingBox();
      await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
      await page.mouse.down();
      await page.mouse.move(to!.x + to!.width / 2, to!.y + 60, { steps: 8 });
      await page.mouse.up();
      await column('Proposal').getByText(title).waitFor();
    }
    expect(await stageOf(deals['Garden design'])).toBe(stage('Proposal'));
    expect(await stageOf(deals.Kitchen)).toBe(stage('Proposal'));
    await expect.poll(() => column('Proposal').getByTestId('column-total').textContent()).toBe(money(4200.5));
    expect(await column('Proposal').getByTestId('column-weighted').textContent()).toBe(money(2100.25));
    expect(await column('Lead').getByTestId('column-total').textContent()).toBe(money(800));
    expect(await column('Lead').getByTestId('column-count').textContent()).toBe('1');

    // Keyboard: focus a card, Shift+→ moves it one stage (Lead → Qualified).
    await card('Roof repair').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await column('Qualified').getByText('Roof repair').waitFor();
    expect(await stageOf(deals['Roof repair'])).toBe(stage('Qualified'));
    await expect.poll(() => column('Qualified').getByTestId('column-total').textContent()).toBe(money(800));
    expect(await column('Lead').getByTestId('column-count').textContent()).toBe('0');

    // Keyboard: M opens the Move dialog; choosing Lost asks for the reason.
    await card('Kitchen').focus();
    await page.keyboard.press('m');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Lost' }).check();
    await dialog.getByLabel('Lost reason').fill('Chose another builder');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await column('Lost').getByText('Kitchen').waitFor();
    const lost = (await apiCall('GET', `/api/deals/${deals.Kitchen}`)).body;
    expect(lost).toMatchObject({ status: 'lost', lost_reason: 'Chose another builder' });
    await expect.poll(() => column('Proposal').getByTestId('column-total').textContent()).toBe(money(1200));

    // The board's totals equal the board API's figures.
    const board = (await apiCall('GET', `/api/pipelines/${pipeline.id}/board`)).body;
    for (const c of board.columns) expect(await column(c.stage.name).getByTestId('column-total').textContent()).toBe(money(c.total));

    // The history on the deal page lists the stages it went through.
    await card('Garden design').getByRole('link', { name: 'Garden design' }).click();
    await page.getByTestId('stage-history').getByText('Proposal').waitFor();
    expect(await page.getByTestId('stage-history').locator('li').count()).toBe(2);

    // No accessibility violation on the board.
    await page.goto(`${base}/deals`);
    await column('Proposal').getByText('Garden design').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
