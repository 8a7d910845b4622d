import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { expectStep } from './fixtures';

async function body(download: import('@playwright/test').Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

test('exports a scenario’s predictions as a Moodle quiz whose links open the lab at each question', async ({
  page,
}) => {
  await page.goto('/?scenario=dropped-connection');
  await expectStep(page, 1);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [moodle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Prediction quiz for Moodle (.xml)' }).click(),
  ]);
  expect(moodle.suggestedFilename()).toBe('dropped-connection-quiz-moodle.xml');
  const xml = (await body(moodle)).toString();
  expect(xml.match(/<question type="multichoice">/g)).toHaveLength(2);
  expect(xml).toContain('How many messages stay on the POP3 server?');
  // Each question links (inside its HTML text) to the page at the step where it is asked.
  const links = [...xml.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;amp;', '&'));
  expect(links).toHaveLength(2);
  const first = new URL(links[0]!);
  expect(first.searchParams.get('scenario')).toBe('dropped-connection');
  await page.goto(first.pathname + first.search);
  await expectStep(page, Number(first.searchParams.get('step')) + 1);
  // The page asks that question right there, before showing what happens.
  await expect(page.getByRole('region', { name: 'Predict, then reveal' })).toContainText(
    'How many messages stay on the POP3 server?',
  );
});

test('exports the predictions as a QTI 2.1 package; a scenario without predictions offers no quiz', async ({
  page,
}) => {
  await page.goto('/?scenario=new-mail');
  await expectStep(page, 1);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [qti] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Prediction quiz, QTI 2.1 (.zip)' }).click(),
  ]);
  expect(qti.suggestedFilename()).toBe('new-mail-quiz-qti21.zip');
  const files = unzipSync(new Uint8Array(await body(qti)));
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'items/new-mail-1.xml', 'test.xml']);
  const item = strFromU8(files['items/new-mail-1.xml']!);
  expect(item).toContain('<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">');
  expect(item).toContain('Which laptop hears of it first?');

  await page.goto('/?scenario=one-laptop');
  await expectStep(page, 1);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Printable handout' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Prediction quiz/ })).toHaveCount(0);
});
