import { Alert, Button, Group, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canSee } from '../../app/access';
import type { ParticipantDossier, SessionUser } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useSessionUser } from '../auth/useSessionUser';
import { Section } from '../participants/Section';
import { AnonymiseDialog } from './AnonymiseDialog';
import { ExportDialog } from './ExportDialog';
import './messages';

/** What the buttons offer; the server decides again (server/policy: privacy.export, privacy.erase). */
function permissions(me: SessionUser, dossier: ParticipantDossier) {
  const exporter =
    canSee(me.role, 'privacyExport') && (me.role !== 'coach' || dossier.coaches.some((c) => c.id === me.id));
  return { export: exporter, erase: canSee(me.role, 'privacyErase') && !dossier.anonymisedAt };
}

/** The dossier's "Privacy" section: the GDPR export and, for the admin, erasing after the exit. */
export function PrivacySection({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const [dialog, setDialog] = useState<'export' | 'erase' | null>(null);
  const whyNotId = useId();
  const can = permissions(me, dossier);
  if (!can.export && !can.erase) return null;
  const exited = dossier.status === 'exited';

  return (
    <Section title={t('privacy.section.title')}>
      <Text size="sm">{t('privacy.section.intro')}</Text>
      <Group gap="xs">
        {can.export && (
          <Button size="xs" variant="default" onClick={() => setDialog('export')}>
            {t('privacy.section.export')}
          </Button>
        )}
        {can.erase && (
          <Button
            size="xs"
            variant="default"
            disabled={!exited}
            aria-describedby={exited ? undefined : whyNotId}
            onClick={() => setDialog('erase')}
          >
            {t('privacy.section.erase')}
          </Button>
        )}
      </Group>
      {can.erase && !exited && (
        <Text size="sm" id={whyNotId}>
          {t('privacy.section.eraseNotExited')}
        </Text>
      )}
      {dialog === 'export' && <ExportDialog dossier={dossier} onClose={() => setDialog(null)} />}
      {dialog === 'erase' && <AnonymiseDialog dossier={dossier} onClose={() => setDialog(null)} />}
    </Section>
  );
}

/** Shown at the top of an erased dossier: why it holds so little. */
export function AnonymisedNotice({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  if (!dossier.anonymisedAt) return null;
  return (
    <Alert color="gray" variant="light" title={t('privacy.section.anonymisedTitle')}>
      <Text size="sm">{t('privacy.section.anonymisedText', { date: formatDateTime(dossier.anonymisedAt) })}</Text>
    </Alert>
  );
}
