import { expect, test } from '@playwright/test';

// WCAG 1.4.10 (Reflow): at 320 CSS px wide a page reads without scrolling sideways. Each page of
// the lab, the compare view in a story with four participants, and the embed.
const PAGES = [
  '/',
  '/?scenario=server-quota&step=100',
  '/guide/',
  '/claims/',
  '/glossary/',
  '/learn/pop3/',
  '/learn/imap/',
  '/live/',
  '/class/',
  '/handout/?scenario=one-laptop',
  '/embed/',
];

test.describe('reflow at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of PAGES)
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('h1, h2').first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    });
});
