import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { canSee } from '../../app/access';
import { useSessionUser } from '../auth/useSessionUser';
import { Section } from '../participants/Section';
import './messages';
import { LockPictogram } from './Pictograms';

/**
 * The dossier's way into the sensitive compartment, for coaches and admins only. It shows no contents and asks the
 * server nothing: every look inside is logged, so opening a dossier must not count as one.
 */
export function CompartmentLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  if (!canSee(me.role, 'sensitiveCompartment')) return null;
  return (
    <Section title={t('actionPlans.link.title')}>
      <Text size="sm">{t('actionPlans.link.text')}</Text>
      <Anchor
        fw={700}
        size="sm"
        renderRoot={(props) => <Link to="/deelnemers/$id/actieplan" params={{ id: participantId }} {...props} />}
      >
        <Group gap={6} wrap="nowrap" component="span">
          <LockPictogram size={18} />
          <span>{t('actionPlans.link.open')}</span>
        </Group>
      </Anchor>
    </Section>
  );
}
