import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MentorInvitation as Invitation, mentorInvitationInput } from '#shared/observations';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError, api, type MentorInvitationWithLink, type ParticipantDossier } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { formatDate, today } from '../participants/dates';
import { optional } from '../participants/PersonFields';
import { Section } from '../participants/Section';
import { addDays } from './days';
import { invitationsQuery } from './queries';

const statusColors: Record<Invitation['status'], string> = {
  pending: 'blue',
  active: 'groen',
  expired: 'gray',
  revoked: 'red',
};

/** "Stagementoren": who was invited to score this participant's internship, and until when. */
export function MentorInvitations({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const query = useQuery(invitationsQuery(dossier.id));
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [resending, setResending] = useState<Invitation | null>(null);

  return (
    <Section
      title={t('observations.mentors.title')}
      edit={
        dossier.archived ? undefined : { label: t('observations.mentors.invite'), onClick: () => setInviting(true) }
      }
    >
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <Text c="dimmed">{t('observations.mentors.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {query.data.items.map((invitation) => (
              <Card component="li" key={invitation.id} withBorder padding="sm">
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Text fw={700} className="break-anywhere">
                      {invitation.mentorName}
                    </Text>
                    <Badge color={statusColors[invitation.status]} variant="light" c="dark">
                      {t(`observations.mentors.status.${invitation.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" className="break-anywhere">
                    {[invitation.mentorEmail, invitation.hostOrganisation].filter(Boolean).join(' · ')}
                  </Text>
                  <Text size="sm">
                    {t('observations.mentors.period', {
                      from: formatDate(invitation.validFrom),
                      until: formatDate(invitation.validUntil),
                    })}
                  </Text>
                  <Text size="sm">
                    {invitation.lastUsedAt
                      ? t('observations.mentors.lastUsed', { date: formatDateTime(invitation.lastUsedAt) })
                      : t('observations.mentors.neverUsed')}
                    {' · '}
                    {t('observations.mentors.observationCount', { count: invitation.observationCount })}
                  </Text>
                  <Delivery invitation={invitation} open={!dossier.archived && isOpen(invitation)} />
                  {!dossier.archived && isOpen(invitation) && (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('observations.mentors.resendFor', { name: invitation.mentorName })}
                        onClick={() => setResending(invitation)}
                      >
                        {t('observations.mentors.resend')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('observations.mentors.revokeFor', { name: invitation.mentorName })}
                        onClick={() => setRevoking(invitation)}
                      >
                        {t('observations.mentors.revoke')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
        ))}
      {inviting && <InviteDialog dossier={dossier} onClose={() => setInviting(false)} />}
      {revoking && <RevokeDialog invitation={revoking} onClose={() => setRevoking(null)} />}
      {resending && <ResendDialog invitation={resending} onClose={() => setResending(null)} />}
    </Section>
  );
}

/** A link that works now or will: the only ones worth sending again or revoking. */
const isOpen = (invitation: Invitation) => invitation.status === 'active' || invitation.status === 'pending';

/** What the outbox says of the last mail with the link; when it did not go out, how to get the link to the mentor. */
function Delivery({ invitation, open }: { invitation: Invitation; open: boolean }) {
  const { t } = useTranslation();
  const { mailDelivery, mailedAt } = invitation;
  if (!mailDelivery || !mailedAt) return null;
  const failed = mailDelivery !== 'sent';
  return (
    <>
      <Text size="sm" fw={failed ? 700 : undefined}>
        {t(`observations.mentors.delivery.${mailDelivery}`, { date: formatDateTime(mailedAt) })}
      </Text>
      {failed && open && <Text size="sm">{t('observations.mentors.deliveryHelp')}</Text>}
    </>
  );
}

function InviteDialog({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: mentorInvitationInput,
    initialValues: {
      mentorName: '',
      mentorEmail: '',
      hostOrganisation: '',
      validFrom: today(),
      // A typical internship: two weeks.
      validUntil: addDays(today(), 13),
    },
    toBody: (v) => ({ ...v, hostOrganisation: optional(v.hostOrganisation) }),
  });
  // The link is in this answer only: the dialog shows it until it is closed, and it is gone for good after that.
  const [created, setCreated] = useState<MentorInvitationWithLink | null>(null);
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.observations.invite(dossier.id, body),
    async (saved) => {
      await queryClient.invalidateQueries({ queryKey: invitationsQuery(dossier.id).queryKey });
      setCreated(saved);
    },
  );
  const name = `${dossier.firstName} ${dossier.lastName}`;

  if (created) {
    return (
      <Dialog title={t('observations.mentors.linkTitle', { name: created.mentorName })} onClose={onClose}>
        <LinkOnce invitation={created} onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog title={t('observations.mentors.inviteTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('observations.mentors.inviteIntro', { name })}</Text>
          <TextInput
            label={t('observations.mentors.fields.mentorName')}
            required
            data-autofocus
            autoComplete="off"
            {...form.getInputProps('mentorName')}
          />
          <TextInput
            type="email"
            label={t('observations.mentors.fields.mentorEmail')}
            required
            autoComplete="off"
            {...form.getInputProps('mentorEmail')}
          />
          <TextInput
            label={t('observations.mentors.fields.hostOrganisation')}
            autoComplete="off"
            {...form.getInputProps('hostOrganisation')}
          />
          <TextInput
            type="date"
            label={t('observations.mentors.fields.validFrom')}
            required
            {...form.getInputProps('validFrom')}
          />
          <TextInput
            type="date"
            label={t('observations.mentors.fields.validUntil')}
            description={t('observations.mentors.fields.validUntilHint')}
            required
            min={today()}
            {...form.getInputProps('validUntil')}
          />
          <FormActions
            error={error}
            pending={pending}
            onCancel={onClose}
            submitLabel={t('observations.mentors.inviteSubmit')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** The link, once, right after it was made: to copy and pass on by phone when the mail did not go out. */
function LinkOnce({ invitation, onClose }: { invitation: MentorInvitationWithLink; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // The button that led here is gone (the dialog's form was replaced): focus moves to what comes next.
  useEffect(() => copyButton.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied('done');
    } catch {
      // No clipboard (an older browser, or a page not served over https): the selected link can still be copied.
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <Stack gap="md">
      <Text fw={invitation.mailDelivery === 'sent' ? undefined : 700}>
        {invitation.mailDelivery === 'sent'
          ? t('observations.mentors.linkSent')
          : t('observations.mentors.linkNotSent')}
      </Text>
      <Text size="sm">{t('observations.mentors.linkOnce', { name: invitation.mentorName })}</Text>
      <TextInput
        ref={field}
        readOnly
        label={t('observations.mentors.linkLabel', { name: invitation.mentorName })}
        value={invitation.link}
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { textOverflow: 'ellipsis' } }}
      />
      <Text size="sm" role="status" aria-live="polite" c={copied === 'failed' ? 'red.9' : undefined}>
        {copied === 'done' && t('observations.mentors.copied')}
        {copied === 'failed' && t('observations.mentors.copyFailed')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('observations.mentors.linkDone')}
        </Button>
        <Button ref={copyButton} onClick={() => void copy()}>
          {t('observations.mentors.copy')}
        </Button>
      </Group>
    </Stack>
  );
}

function ResendDialog({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => api.observations.resendInvitation(invitation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQuery(invitation.participantId).queryKey }),
  });
  if (resend.data) {
    return (
      <Dialog title={t('observations.mentors.linkTitle', { name: invitation.mentorName })} onClose={onClose}>
        <LinkOnce invitation={resend.data} onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog title={t('observations.mentors.resendTitle')} onClose={onClose}>
      <Stack gap="md">
        <Text>{t('observations.mentors.resendText', { name: invitation.mentorName })}</Text>
        <FormError message={resend.isError ? resendErrorText(t, resend.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button loading={resend.isPending} onClick={() => resend.mutate()}>
            {t('observations.mentors.resendConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** The general texts for a revoked or expired link speak to the mentor; the coach is told what to do instead. */
function resendErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'link_revoked') return t('observations.mentors.resendRevoked');
  if (error instanceof ApiError && error.code === 'link_expired') return t('observations.mentors.resendExpired');
  return errorText(t, error);
}

function RevokeDialog({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.observations.revokeInvitation(invitation.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invitationsQuery(invitation.participantId).queryKey });
      notify(t('observations.mentors.revoked', { name: invitation.mentorName }));
      onClose();
    },
  });
  return (
    <Dialog title={t('observations.mentors.revokeTitle')} onClose={onClose}>
      <Stack gap="md">
        <Text>{t('observations.mentors.revokeText', { name: invitation.mentorName })}</Text>
        <FormError message={revoke.isError ? errorText(t, revoke.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('observations.mentors.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
