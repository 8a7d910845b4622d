import { expect, test, type Locator, type Page } from '@playwright/test';
import { currentStep, expectStep, watchErrors } from './fixtures';

/** Opens a scenario at its last step, with every transcript line listed. */
async function atTheEnd(page: Page, scenario: string): Promise<Locator> {
  await page.goto(`/?scenario=${scenario}`);
  const { total } = await currentStep(page);
  await page.goto(`/?scenario=${scenario}&step=${total - 1}`);
  await expectStep(page, total);
  const imap = page.getByRole('region', { name: 'IMAP' });
  const earlier = imap.getByRole('button', { name: /^Show \d+ earlier lines$/ });
  if (await earlier.isVisible()) await earlier.click();
  return imap;
}

test.describe('explaining the wire, line by line and token by token', () => {
  test('a server line and one of its parts explain themselves: * n EXISTS', async ({ page }) => {
    const errors = watchErrors(page);
    const imap = await atTheEnd(page, 'one-laptop');
    const line = imap
      .getByRole('list', { name: 'IMAP transcript' })
      .getByRole('button', { name: /S: \* \d+ EXISTS$/ });
    await line.first().click();
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
    const imap = await atTheEnd(page, 'one-laptop');
    const line = imap
      .getByRole('list', { name: 'IMAP transcript' })
      .getByRole('button', { name: /S: \* \d+ FETCH \(.*BODY\[[^\]]*\] \{\d+\}/ })
      .first();
    await line.click();
    await expect(imap.getByText(/^Data about message \d+ \(a sequence number\)/)).toBeVisible();
    const literal = imap.getByRole('button', { name: /^\{\d+\}: explain this part$/ });
    const size = /\{(\d+)\}/.exec((await literal.textContent()) ?? '')![1];
    await literal.click();
    await expect(imap.getByTestId('token-explanation')).toContainText(
      `a literal: exactly ${size} octets follow`,
    );
  });

  test('a POP3 reply is explained too: the octet count of RETR and the final dot', async ({ page }) => {
    await page.goto('/?scenario=one-laptop');
    const { total } = await currentStep(page);
    await page.goto(`/?scenario=one-laptop&step=${total - 1}`);
    const pop3 = page.getByRole('region', { name: 'POP3' });
    const earlier = pop3.getByRole('button', { name: /^Show \d+ earlier lines$/ });
    if (await earlier.isVisible()) await earlier.click();
    await pop3
      .getByRole('list', { name: 'POP3 transcript' })
      .getByRole('button', { name: /S: \+OK \d+ octets/ })
      .first()
      .click();
    await expect(
      pop3.getByText(/^The message follows: \d+ octets\. The bytes on the wire are \d+/),
    ).toBeVisible();
    await pop3.getByRole('button', { name: '.: explain this part' }).click();
    await expect(pop3.getByTestId('token-explanation')).toContainText('ends the multi-line response');
  });
});
