import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startApp, watchForProblems, type RunningApp } from './harness.js';

/** Every page in the navigation sits in the page frame: its heading is inset from the sidebar, not pressed against it. */
describe('page layout', () => {
  let app: RunningApp;
  let page: Page;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startApp({ width: 1440, height: 900 });
    ({ page, base } = app);
    page.setDefaultTimeout(30_000);
    watchForProblems(page, problems);
    await signUp(page, base, 'Loyalty');
  }, 300_000);
  afterAll(async () => app?.close());

  it('insets the heading of every navigation page from the edge of the main area', async () => {
    const links = await page
      .getByRole('navigation')
      .getByRole('link')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? '').filter((href) => href.startsWith('/')));
    expect(links.length).toBeGreaterThan(15);
    const flush: string[] = [];
    for (const href of links) {
      await page.goto(`${base}${href}`);
      const heading = page.locator('main h1').first();
      await heading.waitFor();
      const [main, h1] = await Promise.all([page.locator('main').boundingBox(), heading.boundingBox()]);
      if (!main || !h1 || h1.x - main.x < 16 || h1.y - main.y < 16) flush.push(href);
    }
    expect(flush).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);
});
