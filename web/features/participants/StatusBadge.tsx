import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantStatus } from '#shared/participants';

const colours: Record<ParticipantStatus, string> = {
  registered: 'blue',
  active: 'groen',
  paused: 'orange',
  exited: 'gray',
};

/** The status in words (colour only helps): "Aangemeld", "Aan het werk", "Gepauzeerd", "Uitgestroomd". */
export function ParticipantStatusBadge({
  status,
  archived = false,
}: {
  status: ParticipantStatus;
  archived?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Badge color={colours[status]} variant="light">
        {t(`participants.status.${status}`)}
      </Badge>
      {archived && (
        <Badge color="gray" variant="outline" ml={4}>
          {t('common.archivedStatus')}
        </Badge>
      )}
    </>
  );
}
