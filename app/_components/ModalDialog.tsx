'use client';
import { Button } from 'react-aria-components/Button';
import { Dialog } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import styles from './primitives.module.css';

/**
 * A modal dialog from React Aria Components: focus moves in and stays in, Escape or a click
 * outside closes it, focus returns to what opened it, the page behind is inert. Loaded as a
 * chunk of its own the first time a dialog opens (see `LazyDialog`).
 */
export default function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: React.ReactNode;
}) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className={styles.overlay}>
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          {children}
          <Button slot="close" className={styles.button}>
            Close
          </Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
