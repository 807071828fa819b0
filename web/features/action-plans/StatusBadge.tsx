import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DomainStatus } from '#shared/action-plans';
import { StatusPictogram } from './Pictograms';
import { statusColor } from './words';

/** A domain's status: pictogram and words; the colour only repeats what they say. */
export function DomainStatusBadge({ status }: { status: DomainStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={statusColor[status]}
      size="lg"
      leftSection={<StatusPictogram status={status} size={16} />}
      // Mantine's light badge text is too pale on white; the text colour keeps 4.5:1.
      style={{ color: 'var(--mantine-color-text)' }}
    >
      {t(`actionPlans.status.${status}`)}
    </Badge>
  );
}

/** Marks what the participant never sees. */
export function StaffOnlyBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" style={{ color: 'var(--mantine-color-text)' }}>
      {t('actionPlans.pap.staffOnlyBadge')}
    </Badge>
  );
}
