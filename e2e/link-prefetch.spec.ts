import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 15's bundle budget: the compare view does not download the pages it links to while it
 * loads (IntentLink.tsx); pointing at a link still fetches that page ahead of the click.
 */
const requestsFor = (page: Page, path: string) => {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith(path)) seen.push(r.url());
  });
  return seen;
};

test('/ fetches nothing of /live/ or /guide/ at load, and fetches /live/ once the link is pointed at', async ({
  page,
}) => {
  const live = requestsFor(page, '/live');
  const guide = requestsFor(page, '/guide');
  await page.goto('/', { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  expect(live).toEqual([]);
  expect(guide).toEqual([]);
  const nav = page.getByRole('navigation', { name: 'More of the lab' });
  await nav.getByRole('link', { name: 'Live: watch a real client' }).hover();
  await expect.poll(() => live.length).toBeGreaterThan(0);
  await nav.getByRole('link', { name: 'Which should I choose?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/choose/i);
});
