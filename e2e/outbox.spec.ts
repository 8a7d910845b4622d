import { expect, test } from '@playwright/test';
import { expectStep, stepsOf, watchErrors } from './fixtures';

// Send from the phone, at its last step: the message for chris@students.example waits in the
// server's outbox in both columns, and only IMAP's laptop has opened Sent on the server.
test('the server panel lists the outbox, and the IMAP laptop shows Sent from the server', async ({
  page,
  request,
}) => {
  const errors = watchErrors(page);
  const steps = await stepsOf(request, 'send-from-phone');
  await page.goto(`/?scenario=send-from-phone&step=${steps - 1}`);
  await expectStep(page, steps);
  for (const name of ['POP3', 'IMAP']) {
    const column = page.getByRole('region', { name });
    const outbox = column.getByRole('list', { name: 'Outbox for students.example' });
    await expect(outbox.getByRole('listitem')).toHaveCount(1);
    await expect(outbox.getByRole('listitem')).toContainText('to chris@students.example');
    await expect(outbox.getByRole('listitem')).toHaveAttribute(
      'title',
      'from student@popvsimap.lab to chris@students.example',
    );
    await expect(outbox.getByRole('listitem')).toContainText('Notes from today');
    await expect(
      column.getByText(/would be relayed to the mail exchanger, MX, of students\.example/),
    ).toBeVisible();
    await column.getByText('How a real server would find it (MX lookup, RFC 5321 §5.1)').click();
    await expect(column.getByText(/MX records of students\.example.*RFC 5321 §5\.1/)).toBeVisible();
  }
  const sent = (name: string) =>
    page
      .getByRole('region', { name })
      .getByRole('list', { name: 'Sent on the server, seen from the laptop' });
  await expect(sent('IMAP').getByRole('listitem')).toContainText(['Notes from today']);
  await expect(sent('POP3')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// RFC 5321 names no session states: where a submission is shows in the RFC's terms, never as the
// engine's own names (Mail, Rcpt…), in the column's head, the lifeline and the transcript's
// explanation.
test('an SMTP session’s state is shown in RFC 5321’s terms, not the engine’s names', async ({ page }) => {
  await page.goto('/?scenario=send-from-phone&step=48');
  const imap = page.getByRole('region', { name: 'IMAP' });
  // The step this test is about: the server's reply to MAIL FROM.
  await expect(imap.getByText(/answers MAIL: 250 /)).toBeVisible();
  await expect(imap.getByText('Session state: SMTP after MAIL FROM (phone)')).toBeVisible();
  await expect(imap.getByRole('list', { name: 'IMAP participants' })).toContainText(
    'connected · Selected · IDLE + SMTP · after MAIL FROM',
  );
  await imap.getByRole('tab', { name: 'Transcript' }).click();
  await imap.getByRole('button', { name: /S: 250 2\.1\.0 Sender/ }).click();
  await expect(imap.getByText('State: no mail transaction → after MAIL FROM', { exact: true })).toBeVisible();
});
