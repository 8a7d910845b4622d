import { expect, test, type Locator, type Page } from '@playwright/test';
import { currentStep, expectStep, watchErrors } from './fixtures';

/**
 * Steps a scenario forward from its start until the column's transcript shows a line whose
 * name matches, and chooses it. The newest lines are always drawn, however long the transcript.
 */
async function stepUntil(
  page: Page,
  scenario: string,
  protocol: 'POP3' | 'IMAP',
  line: RegExp,
): Promise<Locator> {
  await page.goto(`/?scenario=${scenario}`);
  const { total } = await currentStep(page);
  const column = page.getByRole('region', { name: protocol });
  // Where the column shows the transcript in a tab of its own, open that tab.
  const tab = column.getByRole('tab', { name: 'Transcript' });
  if ((await tab.count()) > 0) await tab.click();
  const found = column
    .getByRole('list', { name: `${protocol} transcript` })
    .getByRole('button', { name: line });
  for (let step = 1; step < total && (await found.count()) === 0; step++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, step + 1);
  }
  await found.last().click();
  return column;
}

test.describe('explaining the wire, line by line and token by token', () => {
  // Stepping up to a line takes a few dozen steps.
  test.describe.configure({ timeout: 90_000 });

  test('a server line and one of its parts explain themselves: * n EXISTS', async ({ page }) => {
    const errors = watchErrors(page);
    const imap = await stepUntil(page, 'one-laptop', 'IMAP', /S: \* \d+ EXISTS$/);
    await expect(imap.getByText(/^The mailbox now holds \d+ messages/)).toBeVisible();
    await expect(imap.getByText(/Server → client · \d+ bytes · RFC 3501 §7\.3\.1/)).toBeVisible();

    // The parts are buttons; the keyboard reaches them, focus shows, Enter explains.
    const part = imap.getByRole('button', { name: 'EXISTS: explain this part' });
    await imap.getByRole('button', { name: '*: explain this part' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(part).toBeFocused();
    expect(await part.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(part).toHaveAttribute('aria-pressed', 'true');
    const said = imap.getByTestId('token-explanation');
    await expect(said).toContainText(
      'EXISTS: the mailbox size. When this number grows, new mail has arrived',
    );
    await expect(said).toContainText('(RFC 3501 §7.3.1)');

    // The number is a count of messages, and the star marks an untagged response.
    await imap
      .getByRole('button', { name: /^\d+: explain this part$/ })
      .first()
      .click();
    await expect(said).toContainText(
      'the number of messages in the mailbox, which is also the highest sequence number',
    );
    await imap.getByRole('button', { name: '*: explain this part' }).click();
    await expect(said).toContainText('an untagged response');
    expect(errors).toEqual([]);
  });

  test('a FETCH with a literal: {n} says that n octets follow', async ({ page }) => {
    const imap = await stepUntil(page, 'one-laptop', 'IMAP', /S: \* \d+ FETCH \(.*BODY\[[^\]]*\] \{\d+\}/);
    await expect(imap.getByText(/^Data about message \d+ \(a sequence number\)/)).toBeVisible();
    const literal = imap.getByRole('button', { name: /^\{\d+\}: explain this part$/ });
    const size = /\{(\d+)\}/.exec((await literal.textContent()) ?? '')![1];
    await literal.click();
    await expect(imap.getByTestId('token-explanation')).toContainText(
      `a literal: exactly ${size} octets follow`,
    );
  });

  test('a POP3 reply is explained too: the octet count of RETR and the final dot', async ({ page }) => {
    const pop3 = await stepUntil(page, 'one-laptop', 'POP3', /S: \+OK \d+ octets/);
    await expect(
      pop3.getByText(/^The message follows: \d+ octets\. The bytes on the wire are \d+/),
    ).toBeVisible();
    await pop3.getByRole('button', { name: '.: explain this part' }).click();
    await expect(pop3.getByTestId('token-explanation')).toContainText('ends the multi-line response');
  });

  test('at 1280×720 the explanation’s Close button covers none of its first line', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?scenario=dropped-connection&step=20');
    await expectStep(page, 21);
    await page
      .getByRole('figure', { name: 'POP3 sequence diagram' })
      .locator('button[data-item]')
      .last()
      .click();
    const region = page.getByRole('region', { name: 'POP3 line explained' });
    const close = await region.getByRole('button', { name: 'Close' }).boundingBox();
    const words = await region
      .locator('p')
      .first()
      .evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        return [...range.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
      });
    expect(words.length).toBeGreaterThan(0);
    for (const r of words)
      expect(
        r.x < close!.x + close!.width &&
          close!.x < r.x + r.width &&
          r.y < close!.y + close!.height &&
          close!.y < r.y + r.height,
        JSON.stringify(r),
      ).toBe(false);
  });

  test('jargon in an explanation links to the glossary', async ({ page }) => {
    const imap = await stepUntil(page, 'one-laptop', 'IMAP', /S: \* \d+ FETCH/);
    // "a sequence number" in the FETCH line's explanation is the glossary's entry.
    const link = imap.locator('a[data-glossary="sequence-number-vs-uid"]').first();
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', '/glossary/#sequence-number-vs-uid');
  });
});
