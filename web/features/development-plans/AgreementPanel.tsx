import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '#shared/development-plans';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { focusWhenShown } from '../../lib/focus';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { refreshPlans, storeOverview } from './queries';
import { formatDay } from './words';

interface Props {
  participantId: string;
  draft: PlanVersion;
  /** The revision the reader sees: an agreement confirms exactly that one. */
  revision: number;
  canAgree: boolean;
  /** Unsaved changes (or a conflict) first need a save. */
  blocked: boolean;
  onAgreed: () => void;
}

/** Who already agreed to the draft, and "Ik ga akkoord" for the coach. Both agreed: it becomes the agreed version. */
export function AgreementPanel({ participantId, draft, revision, canAgree, blocked, onAgreed }: Props) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const agree = useMutation({
    mutationFn: () => api.developmentPlans.agree(participantId, draft.number, { revision }),
    onSuccess: async (overview) => {
      await storeOverview(queryClient, participantId, overview);
      if (overview.current?.number === draft.number) {
        notify(t('developmentPlans.agreement.done', { number: draft.number }));
        onAgreed();
      } else {
        notify(t('developmentPlans.agreement.agreed'));
        // The button gave way to "Je bent al akkoord": the keyboard goes on there.
        focusWhenShown('pop-agreement-mine');
      }
    },
    onError: async (error) => {
      // A stale revision: show the draft as it is now; the reader agrees again after reading it.
      if (error instanceof ApiError && error.code === 'conflict') await refreshPlans(queryClient);
    },
  });
  const iAgreed = draft.coachAgreedBy?.id === me.id && draft.coachAgreedAt !== null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pop-agreement">
      <Stack gap="sm">
        <Title order={3} size="h4" id="pop-agreement" tabIndex={-1}>
          {t('developmentPlans.agreement.title')}
        </Title>
        <Text size="sm">{t('developmentPlans.agreement.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <strong>{t('developmentPlans.agreement.participant')}:</strong>{' '}
            {draft.participantAgreedAt
              ? t('developmentPlans.agreement.agreedOn', { date: formatDay(draft.participantAgreedAt) })
              : t('developmentPlans.agreement.notYet')}
          </List.Item>
          <List.Item>
            <strong>{t('developmentPlans.agreement.coach')}:</strong>{' '}
            {draft.coachAgreedAt
              ? t('developmentPlans.agreement.agreedBy', {
                  name: draft.coachAgreedBy?.name ?? '',
                  date: formatDay(draft.coachAgreedAt),
                })
              : t('developmentPlans.agreement.notYet')}
          </List.Item>
        </List>
        {canAgree && iAgreed && (
          <Text size="sm" id="pop-agreement-mine" tabIndex={-1}>
            {t('developmentPlans.agreement.already')}
          </Text>
        )}
        {canAgree && !iAgreed && (
          <>
            {blocked && <Text size="sm">{t('developmentPlans.agreement.saveFirst')}</Text>}
            <FormError
              message={
                agree.isError
                  ? agree.error instanceof ApiError && agree.error.code === 'conflict'
                    ? t('developmentPlans.conflict.title')
                    : errorText(t, agree.error)
                  : null
              }
            />
            <div>
              <BusyButton onClick={() => agree.mutate()} busy={agree.isPending} disabled={blocked}>
                {t('developmentPlans.agreement.agree')}
              </BusyButton>
            </div>
          </>
        )}
      </Stack>
    </Card>
  );
}
