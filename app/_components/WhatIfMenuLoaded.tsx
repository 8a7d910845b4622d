'use client';
import { useEffect, useMemo, useState } from 'react';
import type { Timeline } from '@/simulations/seek';
import { Button } from 'react-aria-components/Button';
import { Header, Menu, MenuItem, MenuSection, MenuTrigger } from 'react-aria-components/Menu';
import { Popover } from 'react-aria-components/Popover';
import { whatIfChoices, type WhatIf } from './branch-story';
import styles from './primitives.module.css';
import own from './what-if.module.css';

/**
 * The What if… menu itself, a React Aria menu in two sections, faults and actions: Enter, Space
 * or ↓ opens it on its first item, ↑ on its last, Escape closes it and focus returns to the
 * button. `WhatIfMenu` loads it on first use; `openAt` is how that first use asked to open it.
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
        <Menu className={styles.menu} {...(first ? { autoFocus: openAt } : {})}>
          {section('fault', 'A fault')}
          {section('action', 'Someone acts')}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
