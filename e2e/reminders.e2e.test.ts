import { describe, expect, it } from 'vitest';
import { signedInApp } from './signed-in.js';

/** The count next to "Reminders" and the Reminders page agree: the page says where the tasks it counts are. */
describe('the reminders badge and page', () => {
  const s = signedInApp('Reminders');

  it('points from the Reminders page to the due and overdue tasks the badge counts', async () => {
    const { page, base, problems, apiCall } = s;
    const day = 86_400_000;
    for (const title of ['Call Ada back', 'Send the invoice']) {
      expect((await apiCall('POST', '/api/tasks', { title, due_at: new Date(Date.now() - 2 * day).toISOString() })).status).toBe(201);
    }
    await page.goto(`${base}/reminders`);
    const nav = page.getByRole('navigation').getByRole('link', { name: /Reminders/ });
    await expect.poll(() => nav.textContent()).toContain('2');
    const note = page.getByTestId('due-tasks-note');
    await expect.poll(() => note.textContent()).toBe('2 tasks are overdue; Today lists them with what each is worth.');
    await note.getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.getByText('Call Ada back').waitFor();
    // The default value of a task is written as every amount is, in the business currency (EUR by default).
    await page.getByText('A task linked to nothing of value counts as €50.00.').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);
});
