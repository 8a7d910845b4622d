import { statusLines } from './lifeline-status';
import { fit, SCENE, type Scene } from './sequence-scene';

/*
 * The sequence diagram as a standalone SVG file (for slides and papers): the same scene the page
 * draws (sequence-scene.ts), with the participants' heads at the top and the light theme's
 * colours written in, since a file has no stylesheet of ours.
 */

const COLOURS = {
  bg: '#ffffff',
  fg: '#0f172a',
  muted: '#475569',
  border: '#d7dee8',
  strong: '#94a3b8',
  panel: '#f8fafc',
  request: '#1d4ed8',
  ok: '#166534',
  error: '#b91c1c',
  info: '#475569',
  note: '#fffbeb',
  noteBorder: '#d97706',
  current: '#fef3c7',
} as const;

/** A label's halo in its row's background: a lifeline it crosses stays off its letters. */
const halo = (current: boolean) =>
  `stroke="${current ? COLOURS.current : COLOURS.bg}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`;

/** The advance of a line of the file's visible heading (its title), and a character's width there (13 px bold sans-serif, a generous average), in SVG user units. */
const HEADING_LINE = 17;
const HEADING_CHAR = 7.4;

/** `text` broken between words into lines of at most `chars` characters (a longer word has a line of its own). */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= chars)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
/** Where the heads' boxes start below the heading, and the advance of one line of a head, in SVG user units. */
const HEAD_TOP = 6;
const HEAD_LINE = 13;
/** The least room between two heads' boxes. */
const HEAD_GAP = 8;

/** A head as the file draws it: its box (SVG user units) and its lines, cut to fit. */
interface Head {
  x: number;
  width: number;
  height: number;
  label: string;
  lines: string[];
}

/**
 * Participant `i`'s head as the file draws it: its name, then its status in lines (statusLines,
 * as on the page), in a box as wide as its longest line but kept between `left` and `right`
 * (a longer line is cut; the head's <title> holds it whole). Units are SVG user units.
 */
function headOf(scene: Scene, i: number, left: number, right: number): Head {
  const l = scene.lifelines[i]!;
  const texts = [l.label, ...statusLines(l.status).map((line) => line.text)];
  const width = Math.min(right - left, naturalWidth(texts));
  const cut = (text: string) => fit(text, width - 14);
  // Centred on its lifeline, moved inwards as far as the room on its outer side needs.
  const x = Math.max(left, Math.min(right - width, l.x - width / 2));
  return {
    x,
    width,
    height: 16 + texts.length * HEAD_LINE - 3,
    label: cut(l.label),
    lines: texts.slice(1).map(cut),
  };
}

/** How wide a head's box is with every line whole, in SVG user units. */
const naturalWidth = (texts: readonly string[]) =>
  Math.max(...texts.map((t) => t.length)) * SCENE.charWidth + 14;

/**
 * Every participant's head: first each up to halfway to a neighbour's lifeline (less a gap), or
 * to the picture's edge on an outer side; then, left to right, a head cut short there may take
 * the room its neighbours' boxes leave ("student: TRANSACTION" between two narrow servers' heads).
 * No two boxes meet: each widens only into room that both neighbours' boxes, as they then are,
 * leave free.
 */
function headsOf(scene: Scene): Head[] {
  const ls = scene.lifelines;
  const heads = ls.map((l, i) => {
    const before = ls[i - 1];
    const after = ls[i + 1];
    const left = before ? l.x - (l.x - before.x - HEAD_GAP) / 2 : 2;
    const right = after ? l.x + (after.x - l.x - HEAD_GAP) / 2 : scene.width - 2;
    return headOf(scene, i, left, right);
  });
  ls.forEach((l, i) => {
    const texts = [l.label, ...statusLines(l.status).map((line) => line.text)];
    if (naturalWidth(texts) <= heads[i]!.width) return;
    const before = heads[i - 1];
    const after = heads[i + 1];
    const left = before ? before.x + before.width + HEAD_GAP : 2;
    const right = after ? after.x - HEAD_GAP : scene.width - 2;
    // Still centred on its lifeline where the room allows.
    const half = Math.min(l.x - left, right - l.x);
    const centred = headOf(scene, i, l.x - half, l.x + half);
    heads[i] = centred.width >= naturalWidth(texts) ? centred : headOf(scene, i, left, right);
  });
  return heads;
}

/** `text` with the five XML special characters escaped, for element content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** A standalone SVG document and its size in SVG user units (its `width` and `height`). */
export interface SvgDocument {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/**
 * A standalone SVG document of `scene`, titled `title` (e.g. "POP3 sequence diagram: One
 * laptop, step 3 of 40"): the title both as the document's <title> and as a visible heading
 * above the heads, so that a slide or a printed page says which protocol and step it shows.
 * Each arrow carries its whole first line in a <title>, so a viewer can read what the drawing
 * cuts short. The height is the scene's, plus the heading and any heads taller than the scene's
 * room for them.
 */
export function sceneToSvg(scene: Scene, title: string): SvgDocument {
  const top = SCENE.head;
  const out: string[] = [];
  const w = scene.width;
  const heads = headsOf(scene);
  // A head of four lines (two sessions at once) is taller than the scene's room for heads: the
  // rest of the picture moves down by the difference.
  const shift = Math.max(0, ...heads.map((head) => HEAD_TOP + head.height + 2 - top));
  const heading = wrap(title, Math.floor((w - 16) / HEADING_CHAR));
  const headingHeight = heading.length * HEADING_LINE + 7;
  const h = headingHeight + scene.height + shift;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="t">`,
    `<title id="t">${escapeXml(title)}</title>`,
    `<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>`,
    `<rect width="${w}" height="${h}" fill="${COLOURS.bg}"/>`,
    ...heading.map(
      (line, n) =>
        `<text x="8" y="${17 + n * HEADING_LINE}" font-family="system-ui, sans-serif" font-size="13" font-weight="700" fill="${COLOURS.fg}" aria-hidden="true">${escapeXml(line)}</text>`,
    ),
    `<g transform="translate(0 ${headingHeight})" font-family="ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace" font-size="11" fill="${COLOURS.fg}">`,
  );
  scene.lifelines.forEach((l, i) => {
    const head = heads[i]!;
    const cx = head.x + head.width / 2;
    out.push(
      `<g><title>${escapeXml(`${l.label}: ${l.status}`)}</title><rect x="${head.x}" y="${HEAD_TOP}" width="${head.width}" height="${head.height}" rx="4" fill="${COLOURS.panel}" stroke="${l.connected && !l.server ? COLOURS.ok : COLOURS.strong}"/>`,
      `<text x="${cx}" y="${HEAD_TOP + 16}" text-anchor="middle" font-weight="700">${escapeXml(head.label)}</text>`,
      ...head.lines.map(
        (line, n) =>
          `<text x="${cx}" y="${HEAD_TOP + 16 + (n + 1) * HEAD_LINE}" text-anchor="middle" fill="${COLOURS.muted}">${escapeXml(line)}</text>`,
      ),
      '</g>',
    );
  });
  if (shift > 0) out.push(`<g transform="translate(0 ${shift})">`);
  for (const s of scene.segments) {
    const dash = !s.online ? ' stroke-dasharray="1 5"' : s.connected ? '' : ' stroke-dasharray="5 4"';
    const colour = s.connected ? COLOURS.fg : COLOURS.strong;
    out.push(
      `<line x1="${s.x}" x2="${s.x}" y1="${Math.max(s.y1, top)}" y2="${s.y2}" stroke="${colour}" stroke-width="${s.connected ? 2 : 1.5}"${dash}/>`,
    );
  }
  for (const l of scene.lifelines)
    if (l.server)
      out.push(
        `<line x1="${l.x}" x2="${l.x}" y1="${top}" y2="${scene.height}" stroke="${COLOURS.fg}" stroke-width="2"/>`,
      );
  for (const item of scene.items) {
    if (item.current)
      out.push(`<rect x="0" y="${item.y}" width="${w}" height="${item.height}" fill="${COLOURS.current}"/>`);
    if (item.kind === 'note') {
      const fill = item.device ? COLOURS.note : COLOURS.panel;
      const stroke = item.device ? ` stroke="${COLOURS.noteBorder}"` : '';
      out.push(
        `<g><title>${escapeXml(item.text)}</title><rect x="${item.x}" y="${item.y + 2}" width="${item.width}" height="${item.height - 4}" rx="4" fill="${fill}"${stroke}/>`,
        `<text x="${item.x + 6}" y="${item.y + item.height / 2 + 4}" font-family="system-ui, sans-serif">${escapeXml(item.label)}</text></g>`,
      );
    } else if (item.kind === 'break') {
      const mid = (item.x1 + item.x2) / 2;
      const dir = Math.sign(item.x2 - item.x1) || 1;
      const y = item.y + 20;
      out.push(
        `<g><title>${escapeXml(`${item.device}: connection broken. ${item.text}`)}</title>`,
        `<line x1="${item.x1}" x2="${mid - dir * 10}" y1="${y}" y2="${y}" stroke="${COLOURS.error}" stroke-width="2" stroke-dasharray="6 3"/>`,
        `<path d="M${mid - 6},${y - 6} L${mid + 6},${y + 6} M${mid + 6},${y - 6} L${mid - 6},${y + 6}" stroke="${COLOURS.error}" stroke-width="2"/>`,
        `<text x="${mid}" y="${item.y + 10}" text-anchor="middle" fill="${COLOURS.error}" ${halo(item.current)} font-family="system-ui, sans-serif">connection broken</text></g>`,
      );
    } else {
      const colour = COLOURS[item.tone];
      const lo = Math.min(item.x1, item.x2);
      const hi = Math.max(item.x1, item.x2);
      const labelEnd = hi - item.moreRoom;
      const y = item.y + 20;
      out.push(
        `<g><title>${escapeXml(`${item.from} → ${item.to}: ${item.text}`)}</title>`,
        `<line x1="${item.x1}" x2="${item.x2}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="1.5" marker-end="url(#a)"/>`,
        `<text x="${(lo + labelEnd) / 2}" y="${item.y + 13}" text-anchor="middle" fill="${item.tone === 'ok' || item.tone === 'info' ? COLOURS.fg : colour}" ${halo(item.current)}>${escapeXml(item.label)}</text>`,
      );
      if (item.moreLines > 0)
        out.push(
          `<text x="${hi - 6}" y="${item.y + 13}" text-anchor="end" fill="${COLOURS.muted}" ${halo(item.current)}>${escapeXml(item.more)}</text>`,
        );
      if (item.expanded) {
        out.push(
          `<rect x="${lo + 6}" y="${item.y + 26}" width="${hi - lo - 12}" height="${item.height - 30}" rx="3" fill="${COLOURS.panel}" stroke="${COLOURS.border}"/>`,
        );
        item.block.forEach((line, i) =>
          out.push(
            `<text x="${lo + 10}" y="${item.y + 38 + i * 15}" font-size="10.5">${escapeXml(line)}</text>`,
          ),
        );
      }
      out.push('</g>');
    }
  }
  if (shift > 0) out.push('</g>');
  out.push('</g></svg>');
  return { text: out.join('\n'), width: w, height: h };
}
