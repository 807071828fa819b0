import { Modal, type ModalRootProps } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: ModalRootProps['size'];
}

/** Mantine's Modal, with a translated name on the close button and no second banner landmark. */
export function Dialog({ title, onClose, children, size }: Props) {
  const { t } = useTranslation();
  // Screens mount a Dialog only while it is open, so Mantine never sees it close and cannot return focus.
  // The trigger is read during the first render, before the dialog moves focus inside.
  const [trigger] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      requestAnimationFrame(() => {
        if (trigger?.isConnected) trigger.focus();
      });
    },
    [trigger],
  );
  return (
    <Modal.Root opened onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        {/* A <header> inside the dialog would count as a second page banner. */}
        <Modal.Header component="div">
          <Modal.Title className="break-anywhere">{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
