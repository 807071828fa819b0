import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#shared/common';
import { canSee } from '../../app/access';
import { notify } from '../../lib/notify';
import { outboxFor } from './outboxStore';

/**
 * Sends the logged-in user's waiting observations when the app starts and whenever the browser is online again.
 * Renders nothing; lives in the app layout so it runs on every screen.
 */
export function OutboxSync({ userId, role }: { userId: string; role: Role }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const observer = canSee(role, 'observationNew');

  useEffect(() => {
    if (!observer) return;
    const outbox = outboxFor(userId);
    const flush = async () => {
      const outcomes = await outbox.flush();
      let sent = false;
      for (const outcome of outcomes) {
        if (outcome.kind === 'sent') {
          sent = true;
          notify(t('observations.outbox.sent', { name: outcome.item.label }));
        } else if (outcome.kind === 'refused') {
          notify(t('observations.outbox.refusedNotice', { name: outcome.item.label }), { error: true, long: true });
        }
      }
      if (sent) await queryClient.invalidateQueries({ queryKey: ['observations'] });
    };
    void flush();
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [observer, userId, t, queryClient]);

  return null;
}
