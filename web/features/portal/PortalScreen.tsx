import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ReadAloudButton } from '../observations/ReadAloudButton';
import { useReadAloud } from '../observations/useReadAloud';

interface Props {
  title: string;
  intro: string;
  icon: ReactNode;
  /** What "Lees voor" reads after the title and the intro: the screen's main facts in sentences. */
  spoken?: readonly (string | null | undefined | false)[];
  children: ReactNode;
}

/** The frame of every portal screen: pictogram, title, one short intro and a read-aloud button. */
export function PortalScreen({ title, intro, icon, spoken = [], children }: Props) {
  const { t } = useTranslation();
  const reader = useReadAloud();
  const text = [title, intro, ...spoken].filter(Boolean).join('. ').replace(/\.\./g, '.');
  return (
    <Stack gap="md" maw={760}>
      <Group gap="sm" wrap="nowrap" align="center">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <PageTitle>{title}</PageTitle>
      </Group>
      <Text size="lg">{intro}</Text>
      <Group>
        <ReadAloudButton reader={reader} id="page" text={text} subject={t('portal.readAloud')} size="md" />
      </Group>
      {children}
    </Stack>
  );
}
