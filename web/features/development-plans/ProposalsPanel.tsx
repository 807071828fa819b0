import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOverview, Proposal } from '#shared/development-plans';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { formatDate } from '../participants/dates';
import { planFieldText } from './fieldErrors';
import { storeOverview } from './queries';
import { formatDay } from './words';

/** The short name of a proposal: what it adds, or the part of the plan it rewrites. */
function proposalWhat(t: TFunction, p: Proposal): string {
  if (p.kind === 'text' && p.section) return t(`developmentPlans.sections.${p.section}`);
  return p.what ?? '';
}

/** Open proposals of the participant, with "Overnemen" (into the draft) and "Bespreken" (an answer). */
export function ProposalsPanel({ participantId, overview }: { participantId: string; overview: PlanOverview }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ proposal: Proposal; decision: 'accept' | 'discuss' } | null>(null);
  // Answered here: out of the list in the same render that closes the dialog, not when the new overview lands.
  const [answered, setAnswered] = useState<readonly string[]>([]);
  const proposals = overview.proposals.filter((p) => p.status === 'open' && !answered.includes(p.id));
  // The button that opened the dialog left with its proposal: go on at the next proposal, else at the draft it went
  // into, else at the page title.
  useEffect(() => {
    if (answered.length === 0) return;
    (
      document.querySelector<HTMLElement>('#pop-proposals-list button') ??
      document.getElementById('pop-draft-title') ??
      document.querySelector<HTMLElement>('main h1')
    )?.focus();
  }, [answered]);
  if (proposals.length === 0) return null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pop-proposals">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pop-proposals">
          {t('developmentPlans.proposals.title')}
        </Title>
        <Stack id="pop-proposals-list" component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {proposals.map((p) => (
            <Card key={p.id} component="li" withBorder padding="sm">
              <Stack gap={4}>
                <Text size="xs" fw={700} c="dimmed">
                  {t(`developmentPlans.proposals.kinds.${p.kind}`)}
                </Text>
                {p.kind === 'text' ? (
                  <>
                    <Text size="sm">{t('developmentPlans.proposals.textFor', { section: proposalWhat(t, p) })}</Text>
                    <Text style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                      {p.text}
                    </Text>
                  </>
                ) : (
                  <>
                    <Text fw={700} className="break-anywhere">
                      {p.what}
                    </Text>
                    {p.why && (
                      <Text size="sm" className="break-anywhere">
                        {t('developmentPlans.view.why')}: {p.why}
                      </Text>
                    )}
                    {p.dueDate && (
                      <Text size="sm">{t('developmentPlans.proposals.dueOn', { date: formatDate(p.dueDate) })}</Text>
                    )}
                  </>
                )}
                {p.message && (
                  <Text size="sm" className="break-anywhere">
                    {t('developmentPlans.proposals.message', { message: p.message })}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('developmentPlans.proposals.by', { name: p.createdBy?.name ?? '', date: formatDay(p.createdAt) })}
                </Text>
                {overview.can.resolveProposals && (
                  <Group gap="xs" mt={4}>
                    <Button
                      size="xs"
                      onClick={() => setOpen({ proposal: p, decision: 'accept' })}
                      aria-label={t('developmentPlans.proposals.acceptNamed', { what: proposalWhat(t, p) })}
                    >
                      {t('developmentPlans.proposals.accept')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setOpen({ proposal: p, decision: 'discuss' })}
                      aria-label={t('developmentPlans.proposals.discussNamed', { what: proposalWhat(t, p) })}
                    >
                      {t('developmentPlans.proposals.discuss')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
      {open && (
        <ResolveDialog
          participantId={participantId}
          proposal={open.proposal}
          decision={open.decision}
          onClose={() => setOpen(null)}
          onResolved={() => {
            setAnswered((ids) => [...ids, open.proposal.id]);
            setOpen(null);
          }}
        />
      )}
    </Card>
  );
}

function ResolveDialog({
  participantId,
  proposal,
  decision,
  onClose,
  onResolved,
}: {
  participantId: string;
  proposal: Proposal;
  decision: 'accept' | 'discuss';
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reply, setReply] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const resolve = useMutation({
    mutationFn: () => api.developmentPlans.resolveProposal(participantId, proposal.id, { decision, reply }),
    onSuccess: async (overview) => {
      await storeOverview(queryClient, participantId, overview);
      notify(t(decision === 'accept' ? 'developmentPlans.proposals.accepted' : 'developmentPlans.proposals.discussed'));
      onResolved();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.reply) setFieldError(planFieldText(t, error.fields.reply));
    },
  });
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (decision === 'discuss' && !reply.trim()) {
      setFieldError(t('validation.required'));
      document.getElementById('pop-reply')?.focus();
      return;
    }
    setFieldError(null);
    resolve.mutate();
  };
  return (
    <Dialog
      onClose={onClose}
      title={t(
        decision === 'accept' ? 'developmentPlans.proposals.acceptTitle' : 'developmentPlans.proposals.discussTitle',
      )}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {t(
              decision === 'accept'
                ? 'developmentPlans.proposals.acceptText'
                : 'developmentPlans.proposals.discussText',
            )}
          </Text>
          <Textarea
            id="pop-reply"
            data-autofocus
            label={t(
              decision === 'accept' ? 'developmentPlans.proposals.replyOptional' : 'developmentPlans.proposals.reply',
            )}
            required={decision === 'discuss'}
            autosize
            minRows={2}
            maxLength={1000}
            value={reply}
            onChange={(e) => setReply(e.currentTarget.value)}
            error={fieldError}
          />
          <FormActions
            error={resolve.isError && !fieldError ? errorText(t, resolve.error) : null}
            pending={resolve.isPending}
            onCancel={onClose}
            submitLabel={t(
              decision === 'accept' ? 'developmentPlans.proposals.accept' : 'developmentPlans.proposals.discuss',
            )}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
