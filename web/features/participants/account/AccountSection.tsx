import { Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ParticipantDossier } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { useSessionUser } from '../../auth/useSessionUser';
import { Facts, Section } from '../Section';
import { AccountCreateModal } from './AccountCreateModal';
import { ActivationHandout, type Handout } from './ActivationHandout';
import { formatExpiry, isExpired } from './expiry';

interface Props {
  dossier: ParticipantDossier;
  /** The admin or one of the dossier's coaches, and the dossier is not archived (server/policy: participant.account). */
  canManage: boolean;
}

/**
 * The participant's own login, in the full view of the dossier: its status, creating it, and a fresh paper code.
 * The code is shown once, right after it is made; the server keeps only a hash.
 */
export function AccountSection({ dossier, canManage }: Props) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [handout, setHandout] = useState<Handout | null>(null);
  const account = dossier.confidential?.account ?? null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['participants', 'dossier', dossier.id] });

  const newCode = useMutation({
    mutationFn: () => api.participantAccounts.newActivationCode(dossier.id),
    onSuccess: async (result) => {
      if (result.activationCode && result.activationExpiresAt) {
        setHandout({ username: result.username, code: result.activationCode, expiresAt: result.activationExpiresAt });
      }
      notify(t('participantAccount.newCodeDone'));
      await refresh();
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  const status = () => {
    if (!account) return null;
    if (!account.active) return t('participantAccount.deactivated');
    if (account.activationPending && account.activationExpiresAt) {
      return isExpired(account.activationExpiresAt)
        ? t('participantAccount.expired')
        : t('participantAccount.pending', { date: formatExpiry(account.activationExpiresAt) });
    }
    return t('participantAccount.active');
  };

  return (
    <Section title={t('participantAccount.title')}>
      {account ? (
        <Facts
          items={[
            { label: t('participantAccount.username'), value: account.username },
            { label: t('participantAccount.status'), value: status() },
          ]}
        />
      ) : (
        <Text>{t('participantAccount.none')}</Text>
      )}
      {canManage && !account && (
        <Button variant="default" onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
          {t('participantAccount.create')}
        </Button>
      )}
      {canManage && account?.active && (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('participantAccount.newCodeHelp')}</Text>
          <Button variant="default" loading={newCode.isPending} onClick={() => newCode.mutate()}>
            {t('participantAccount.newCode')}
          </Button>
        </Stack>
      )}
      {handout && <ActivationHandout handout={handout} organisationName={me.organisationName} />}
      {creating && (
        <AccountCreateModal
          participantId={dossier.id}
          onClose={() => setCreating(false)}
          onCreated={async (made) => {
            setHandout(made);
            notify(t('participantAccount.created'));
            await refresh();
          }}
        />
      )}
    </Section>
  );
}
