import type { ClassSummaryRow } from './room';

/** The header row of {@link summaryCsv}. */
export const SUMMARY_COLUMNS = [
  'scenario',
  'step',
  'prompt',
  'question',
  'students',
  'answers',
  'right',
  'share_right_percent',
] as const;

/**
 * A CSV field (RFC 4180 §2): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. A text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
 * TAB or CR) gets a leading `'` first (OWASP, "CSV injection").
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The class summary as CSV: a header, then one row per prompt asked, in the order asked; lines
 * end in CRLF (RFC 4180 §2). The share right is a whole percentage, empty when nobody answered.
 */
export function summaryCsv(rows: readonly ClassSummaryRow[]): string {
  const lines = [SUMMARY_COLUMNS.join(',')];
  for (const r of rows) {
    const share = r.shareRight === null ? '' : Math.round(r.shareRight * 100);
    lines.push(
      [r.scenario, r.step + 1, r.key, r.question, r.students, r.answers, r.right, share]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
