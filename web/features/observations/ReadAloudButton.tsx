import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LineIcon } from '../../components/LineIcon';
import type { ReadAloud } from './useReadAloud';

interface Props {
  reader: ReadAloud;
  /** Which text this button plays: a second button with another id stops this one. */
  id: string;
  text: string;
  /** What is read, for the button's accessible name ("Lees voor: Samenwerken"); leave out for the whole page. */
  subject?: string;
  size?: 'xs' | 'sm' | 'md';
}

function SpeakerIcon() {
  return (
    <LineIcon size={18}>
      <path d="M4 9v6h4l5 4V5L8 9z" />
      <path d="M16 9a4 4 0 0 1 0 6" />
      <path d="M18.5 6.5a8 8 0 0 1 0 11" />
    </LineIcon>
  );
}

/** "Lees voor" with a speaker; while it plays it says "Stop". Nothing at all when the browser cannot speak. */
export function ReadAloudButton({ reader, id, text, subject, size = 'sm' }: Props) {
  const { t } = useTranslation();
  if (!reader.supported) return null;
  const playing = reader.playing === id;
  const label = playing ? t('observations.readAloud.stop') : t('observations.readAloud.start');
  return (
    <Button
      variant="light"
      size={size}
      leftSection={<SpeakerIcon />}
      aria-label={subject ? `${label}: ${subject}` : undefined}
      onClick={() => reader.toggle(id, text)}
    >
      {label}
    </Button>
  );
}
