'use client';
import { lazy, Suspense, useImperativeHandle, useState, type Ref } from 'react';

const ModalDialog = lazy(() => import('./ModalDialog'));

/** What a page holds to open a dialog, as it would a native `<dialog>` (`showModal`). */
export interface DialogHandle {
  showModal(): void;
}

/**
 * A modal dialog whose code (React Aria's overlays) loads the first time it opens, so pages do
 * not pay for dialogs nobody opens. `ref.showModal()` opens it.
 */
export function LazyDialog({
  ref,
  title,
  children,
}: {
  ref?: Ref<DialogHandle>;
  title: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  useImperativeHandle(ref, () => ({
    showModal: () => {
      setWanted(true);
      setOpen(true);
    },
  }));
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ModalDialog title={title} isOpen={open} onOpenChange={setOpen}>
        {children}
      </ModalDialog>
    </Suspense>
  );
}
