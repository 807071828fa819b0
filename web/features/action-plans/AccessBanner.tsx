import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensitiveAccess } from '#shared/sensitive';
import { formatDateTime } from '../../lib/format';
import { useSessionUser } from '../auth/useSessionUser';
import { sensitiveAccessQuery } from './queries';

/** setTimeout counts in a signed 32-bit number of milliseconds; a later end is checked again at that point. */
const MAX_TIMEOUT_MS = 2_147_000_000;

/**
 * Says how the reader got in when it was not through the caseload, and for how long. When the time is up the access
 * is asked again, so the page closes itself instead of showing contents the server no longer gives.
 */
export function AccessBanner({ access }: { access: SensitiveAccess }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const { expiresAt, participantId } = access;

  useEffect(() => {
    if (!expiresAt) return;
    const wait = Math.min(Math.max(0, Date.parse(expiresAt) - Date.now()), MAX_TIMEOUT_MS);
    const timer = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: sensitiveAccessQuery(participantId).queryKey });
    }, wait);
    return () => clearTimeout(timer);
  }, [expiresAt, participantId, queryClient]);

  if (access.via === 'break_glass' && expiresAt) {
    const mine = access.grants.find((g) => g.active && g.kind === 'break_glass' && g.userId === me.id);
    return (
      <Alert color="orange" variant="light" role="status">
        {t('actionPlans.page.via.break_glass', { time: formatDateTime(expiresAt), reason: mine?.reason ?? '' })}
      </Alert>
    );
  }
  if (access.via === 'granted' && expiresAt) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('actionPlans.page.via.granted', { time: formatDateTime(expiresAt) })}
      </Alert>
    );
  }
  return null;
}
