'use client';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Timeline } from '@/simulations/seek';
import { Button } from 'react-aria-components/Button';
import { Header, Menu, MenuItem, MenuSection, MenuTrigger } from 'react-aria-components/Menu';
import { Popover } from 'react-aria-components/Popover';
import { divergenceStep, whatIfChoices, type WhatIf } from './branch-story';
import styles from './primitives.module.css';
import own from './what-if.module.css';

/**
 * The What if… menu itself, a React Aria menu in two sections, faults and actions: Enter, Space
 * or ↓ opens it on its first item, ↑ on its last, Escape closes it and focus returns to the
 * button. `WhatIfMenu` loads it on first use; `openAt` is how that first use asked to open it.
 * Above the items it says when the branch's event happens: once the part of the story shown at
 * `step` has played out (`divergenceStep`), not in the middle of it.
 */
export default function WhatIfMenuLoaded({
  timeline,
  step,
  devices,
  onChoose,
  openAt,
}: {
  timeline: Timeline;
  step: number;
  devices: readonly { readonly name: string; readonly kind: string }[];
  onChoose: (choice: WhatIf) => void;
  openAt: 'first' | 'last';
}) {
  const [isOpen, setOpen] = useState(false);
  const [first, setFirst] = useState(true);
  // Open once the button has taken focus from the placeholder it replaced, so that closing the
  // menu returns focus to it.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- opens the menu the placeholder was asked for
  useEffect(() => setOpen(true), []);
  const choices = useMemo(() => whatIfChoices(timeline, step, devices), [timeline, step, devices]);
  const when = useId();
  const from = divergenceStep(timeline, step);
  const section = (kind: WhatIf['kind'], title: string) => {
    const items = choices.filter((c) => c.kind === kind);
    if (items.length === 0) return null;
    return (
      <MenuSection>
        <Header className={own.menuHeader}>{title}</Header>
        {items.map((c) => (
          <MenuItem key={c.id} id={c.id} className={styles.item} onAction={() => onChoose(c)}>
            {c.label}
          </MenuItem>
        ))}
      </MenuSection>
    );
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
        What if…
      </Button>
      <Popover className={styles.popover} placement="bottom start">
        <p id={when} className={own.when}>
          {from > step + 1
            ? `It happens from step ${from + 1}, once this part of the story has played out.`
            : `It happens from step ${from + 1}, the next one.`}
        </p>
        <Menu className={styles.menu} aria-describedby={when} {...(first ? { autoFocus: openAt } : {})}>
          {section('fault', 'A fault')}
          {section('action', 'Someone acts')}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
