'use client';
import { useEffect, useState } from 'react';
import { mermaidSequence, transcriptText } from '@/simulations/export';
import type { Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';
import { Button } from 'react-aria-components/Button';
import { Menu, MenuItem, MenuTrigger } from 'react-aria-components/Menu';
import { Popover } from 'react-aria-components/Popover';
import styles from './primitives.module.css';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A picture of the two columns as they are now (the library loads on first use). */
async function downloadPicture(scenario: string, step: number) {
  const target = document.querySelector<HTMLElement>('[data-export-frame]');
  if (!target) return;
  const { domToPng } = await import('modern-screenshot');
  const background = getComputedStyle(document.body).backgroundColor;
  const url = await domToPng(target, { backgroundColor: background, scale: 1 });
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
  openAt,
}: {
  timeline: Timeline;
  step: number;
  openAt: 'first' | 'last';
}) {
  const [isOpen, setOpen] = useState(false);
  const [first, setFirst] = useState(true);
  // Open once the button has taken focus from the placeholder it replaced, so that closing the
  // menu returns focus to it.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- opens the menu the placeholder was asked for
  useEffect(() => setOpen(true), []);
  const exportAs = (protocol: Protocol, kind: 'text' | 'mermaid') =>
    kind === 'text'
      ? download(`${timeline.scenario}-${protocol}.txt`, transcriptText(timeline, protocol), 'text/plain')
      : download(`${timeline.scenario}-${protocol}.mmd`, mermaidSequence(timeline, protocol), 'text/plain');
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
          <MenuItem className={styles.item} href={`/handout/?scenario=${timeline.scenario}`}>
            Printable handout
          </MenuItem>
          {(['pop3', 'imap'] as const).flatMap((p) => [
            <MenuItem key={`${p}-text`} className={styles.item} onAction={() => exportAs(p, 'text')}>
              {`${p.toUpperCase()} transcript (.txt)`}
            </MenuItem>,
            <MenuItem key={`${p}-mermaid`} className={styles.item} onAction={() => exportAs(p, 'mermaid')}>
              {`${p.toUpperCase()} sequence diagram (Mermaid)`}
            </MenuItem>,
          ])}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
