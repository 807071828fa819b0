import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDetail } from '#shared/competencies';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLanguage } from '../../i18n';
import { VersionDialog } from './VersionDialog';

type VersionRow = FrameworkDetail['versions'][number];

/** The day a version was made, in the reader's own time zone. */
const dayOf = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage() === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'long' }).format(new Date(iso));

/**
 * Every version of the framework, newest first, with its number of scores. A version with scores is never changed
 * again; each one can be opened to read it as it was.
 */
export function VersionHistory({ framework }: { framework: FrameworkDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<VersionRow | null>(null);
  const columns: Column<VersionRow>[] = [
    {
      header: t('competencies.versions.number'),
      cell: (v) =>
        v.number === framework.currentVersion
          ? t('competencies.versions.current', { n: v.number })
          : t('competencies.versions.numberN', { n: v.number }),
    },
    { header: t('competencies.versions.date'), cell: (v) => dayOf(v.createdAt) },
    {
      header: t('competencies.versions.ratings'),
      cell: (v) => t('competencies.versions.ratingCount', { count: v.ratingCount }),
    },
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="versions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="versions-title">
          {t('competencies.versions.title')}
        </Title>
        <Text size="sm">{t('competencies.versions.intro')}</Text>
        <ResponsiveTable
          caption={t('competencies.versions.tableCaption')}
          rows={framework.versions}
          rowKey={(v) => v.id}
          columns={columns}
          empty={t('competencies.versions.empty')}
          actions={(v) => (
            <Button
              size="xs"
              variant="default"
              aria-label={t('competencies.versions.viewN', { n: v.number })}
              onClick={() => setOpen(v)}
            >
              {t('competencies.versions.view')}
            </Button>
          )}
        />
      </Stack>
      {open && <VersionDialog versionId={open.id} onClose={() => setOpen(null)} />}
    </Card>
  );
}
