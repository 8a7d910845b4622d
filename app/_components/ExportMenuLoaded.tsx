'use client';
import { useEffect, useState } from 'react';
import { mermaidSequence, transcriptText } from '@/simulations/export';
import type { Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import { Button } from 'react-aria-components/Button';
import { Menu, MenuItem, MenuTrigger } from 'react-aria-components/Menu';
import { Popover } from 'react-aria-components/Popover';
import styles from './primitives.module.css';
import type { Prediction } from '@/simulations/predictions';
import { diagramSvg, type DiagramFile } from './svg-export';

function download(name: string, data: string | Blob, type: string) {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Tallest PNG drawn, in device pixels: browsers refuse bigger canvases (Chrome: 32,767). */
const PNG_MAX_HEIGHT = 16_000;

/**
 * The exported SVG rasterised: the same scene, drawn by the browser's SVG renderer onto a canvas
 * at twice its size (less for a very long run, so that the canvas stays within what browsers draw).
 */
async function diagramPng(file: DiagramFile): Promise<Blob | null> {
  const scale = Math.min(2, PNG_MAX_HEIGHT / file.height);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(file.width * scale);
  canvas.height = Math.round(file.height * scale);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/**
 * The run's prediction prompts as a quiz file for a learning platform (simulations/quiz/), each
 * question linking to this page at the step where it is asked. The writers load on first use.
 */
async function downloadQuiz(
  timeline: Timeline,
  quiz: { title: string; predictions: readonly Prediction[] },
  story: string | undefined,
  format: 'moodle' | 'qti',
) {
  const [{ quizQuestions, xmlName }, { moodleXml }, { qtiPackage }] = await Promise.all([
    import('@/simulations/quiz/questions'),
    import('@/simulations/quiz/moodle'),
    import('@/simulations/quiz/qti'),
  ]);
  const stepUrl = (step: number) => {
    const url = new URL(window.location.href);
    if (story === undefined) url.searchParams.set('scenario', timeline.scenario);
    url.searchParams.set('step', String(step));
    return url.href;
  };
  const questions = quizQuestions([
    { scenarioTitle: quiz.title, timeline, predictions: quiz.predictions, stepUrl },
  ]);
  const stem = `${xmlName(timeline.scenario)}-quiz`;
  if (format === 'moodle') return download(`${stem}-moodle.xml`, moodleXml(questions), 'application/xml');
  const zip = qtiPackage(questions, xmlName(timeline.scenario), `POP vs IMAP Lab: ${quiz.title}`);
  download(
    `${stem}-qti21.zip`,
    new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    'application/zip',
  );
}

/** A picture of the two columns as they are on screen (the library loads on first use). */
async function downloadPicture(scenario: string, step: number) {
  const target = document.querySelector<HTMLElement>('[data-export-frame]');
  if (!target) return;
  const { domToPng } = await import('modern-screenshot');
  const background = getComputedStyle(document.body).backgroundColor;
  const url = await domToPng(target, {
    backgroundColor: background,
    scale: 1,
    // What is on screen: each diagram scrolled to the current step, each store as scrolled. (A clone
    // starts unscrolled: the picture showed the top of the run, mostly not drawn.)
    features: { restoreScrollPosition: true },
    // The picture, not the controls: no Diagram/Transcript tabs, no eavesdropper toggle.
    filter: (node) =>
      !(node instanceof Element && node.matches('[role="tablist"], [data-testid$="-eavesdropper"]')),
  });
  const a = document.createElement('a');
  a.href = url;
  a.download = `${scenario}-step-${step + 1}.png`;
  a.click();
}

/**
 * The Export menu itself, a React Aria menu: Enter, Space or ↓ opens it on its first item, ↑ on
 * its last, the arrows and typing move through it, Escape closes it and focus returns to the
 * button. `ExportMenu` loads it on first use; `openAt` is how that first use asked to open it.
 */
export default function ExportMenuLoaded({
  timeline,
  step,
  variant = null,
  story,
  title,
  predictions = [],
  openAt,
}: {
  timeline: Timeline;
  step: number;
  /** The variant shown (named in the diagrams' file names and titles), or null. */
  variant?: string | null;
  /** The linked story's `?story=` value, when the timeline is a story's (its handout reads it). */
  story?: string;
  /** The story's title (named in the quiz files). */
  title: string;
  /** The story's prediction prompts, offered as quiz files when there are any. */
  predictions?: readonly Prediction[];
  openAt: 'first' | 'last';
}) {
  const [isOpen, setOpen] = useState(false);
  const [first, setFirst] = useState(true);
  // Open once the button has taken focus from the placeholder it replaced, so that closing the
  // menu returns focus to it.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- opens the menu the placeholder was asked for
  useEffect(() => setOpen(true), []);
  const exportAs = async (protocol: Protocol, kind: 'text' | 'mermaid' | 'svg' | 'png') => {
    if (kind === 'text')
      return download(
        `${timeline.scenario}-${protocol}.txt`,
        transcriptText(timeline, protocol),
        'text/plain',
      );
    if (kind === 'mermaid')
      return download(
        `${timeline.scenario}-${protocol}.mmd`,
        mermaidSequence(timeline, protocol),
        'text/plain',
      );
    const file = diagramSvg(timeline, step, protocol, variant);
    if (kind === 'svg') return download(`${file.stem}.svg`, file.text, 'image/svg+xml');
    const png = await diagramPng(file);
    if (png) download(`${file.stem}.png`, png, 'image/png');
  };
  return (
    <MenuTrigger
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (!open) setFirst(false);
      }}
    >
      <Button className={styles.button} autoFocus>
        Export
      </Button>
      <Popover className={styles.popover} placement="bottom end">
        <Menu className={styles.menu} aria-label="Export" {...(first ? { autoFocus: openAt } : {})}>
          <MenuItem className={styles.item} onAction={() => void downloadPicture(timeline.scenario, step)}>
            Picture of this step (.png)
          </MenuItem>
          <MenuItem
            className={styles.item}
            href={
              story === undefined ? `/handout/?scenario=${timeline.scenario}` : `/handout/?story=${story}`
            }
          >
            Printable handout
          </MenuItem>
          {(['pop3', 'imap'] as const).flatMap((p) => [
            <MenuItem key={`${p}-svg`} className={styles.item} onAction={() => void exportAs(p, 'svg')}>
              {`${p.toUpperCase()} sequence diagram (.svg)`}
            </MenuItem>,
            <MenuItem key={`${p}-png`} className={styles.item} onAction={() => void exportAs(p, 'png')}>
              {`${p.toUpperCase()} sequence diagram (.png)`}
            </MenuItem>,
            <MenuItem key={`${p}-text`} className={styles.item} onAction={() => void exportAs(p, 'text')}>
              {`${p.toUpperCase()} transcript (.txt)`}
            </MenuItem>,
            <MenuItem
              key={`${p}-mermaid`}
              className={styles.item}
              onAction={() => void exportAs(p, 'mermaid')}
            >
              {`${p.toUpperCase()} sequence diagram (Mermaid)`}
            </MenuItem>,
          ])}
          {predictions.length > 0 && (
            <MenuItem
              className={styles.item}
              onAction={() => void downloadQuiz(timeline, { title, predictions }, story, 'moodle')}
            >
              Prediction quiz for Moodle (.xml)
            </MenuItem>
          )}
          {predictions.length > 0 && (
            <MenuItem
              className={styles.item}
              onAction={() => void downloadQuiz(timeline, { title, predictions }, story, 'qti')}
            >
              Prediction quiz, QTI 2.1 (.zip)
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
