import { Badge, Button, Card, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessGrant, SensitiveAccess } from '#shared/sensitive';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { actionLabel } from '../audit/labels';
import { today } from '../participants/dates';
import { grantCandidatesQuery, sensitiveLogQuery, storeAccess } from './queries';
import { type GrantValues, grantBody, grantIssues, grantUntilMax, splitError } from './rules';

/** "Toegang": who holds a grant or broke the glass, a coach of the caseload grants and revokes, and the access log. */
export function AccessPanel({ access }: { access: SensitiveAccess }) {
  return (
    <Stack gap="md">
      <Grants access={access} />
      {access.canGrant && <GrantForm participantId={access.participantId} />}
      <AccessLog participantId={access.participantId} />
    </Stack>
  );
}

const grantState = (grant: AccessGrant) => (grant.active ? 'active' : grant.revokedAt ? 'revoked' : 'ended');

function Grants({ access }: { access: SensitiveAccess }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (grantId: string) => api.sensitive.revokeGrant(access.participantId, grantId),
    onSuccess: async (next) => {
      notify(t('actionPlans.access.revokeDone'));
      await storeAccess(queryClient, next);
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="access-grants">
      <Stack gap="sm">
        <Title order={2} size="h4" id="access-grants">
          {t('actionPlans.access.grantsTitle')}
        </Title>
        <FormError message={revoke.isError ? errorText(t, revoke.error) : null} />
        <ResponsiveTable
          caption={t('actionPlans.access.grantsTitle')}
          rows={access.grants}
          rowKey={(g) => g.id}
          empty={t('actionPlans.access.noGrants')}
          columns={[
            { header: t('actionPlans.access.columns.user'), cell: (g) => g.userName },
            { header: t('actionPlans.access.columns.kind'), cell: (g) => t(`actionPlans.access.kind.${g.kind}`) },
            {
              header: t('actionPlans.access.columns.reason'),
              cell: (g) => (
                <>
                  {g.reason}
                  {g.grantedByName && (
                    <Text size="sm" c="dimmed">
                      {t('actionPlans.access.grantedBy', { name: g.grantedByName })}
                    </Text>
                  )}
                </>
              ),
            },
            {
              header: t('actionPlans.access.columns.period'),
              cell: (g) =>
                t('actionPlans.access.period', {
                  from: formatDateTime(g.startsAt),
                  to: formatDateTime(g.revokedAt ?? g.expiresAt),
                }),
            },
            {
              header: t('actionPlans.access.columns.state'),
              cell: (g) => (
                <Badge
                  variant="light"
                  color={g.active ? 'groen' : 'gray'}
                  style={{ color: 'var(--mantine-color-text)' }}
                >
                  {t(`actionPlans.access.${grantState(g)}`)}
                </Badge>
              ),
            },
          ]}
          actions={
            access.canGrant
              ? (g) =>
                  g.active ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={revoke.isPending && revoke.variables === g.id}
                      onClick={() => revoke.mutate(g.id)}
                      aria-label={t('actionPlans.access.revokeNamed', { name: g.userName })}
                    >
                      {t('actionPlans.access.revoke')}
                    </Button>
                  ) : null
              : undefined
          }
        />
      </Stack>
    </Card>
  );
}

function GrantForm({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const candidates = useQuery(grantCandidatesQuery(participantId));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const day = today();
  const form = useForm<GrantValues>({
    initialValues: { userId: '', reason: '', until: '' },
    validate: (values) => grantIssues(t, values, day),
  });
  const focusInvalid = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#grant-form [aria-invalid="true"]')?.focus());

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      const access = await api.sensitive.grant(participantId, grantBody(values));
      const name = candidates.data?.items.find((c) => c.id === values.userId)?.name ?? '';
      notify(t('actionPlans.access.grantDone', { name }));
      form.reset();
      await Promise.all([
        storeAccess(queryClient, access),
        queryClient.invalidateQueries({ queryKey: grantCandidatesQuery(participantId).queryKey }),
      ]);
    } catch (err) {
      const { fields, message } = splitError(t, err, (path) => path in values);
      form.setErrors(fields);
      if (Object.keys(fields).length) focusInvalid();
      setError(message);
    } finally {
      setPending(false);
    }
  }, focusInvalid);

  const items = candidates.data?.items ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="grant-title">
      <form id="grant-form" onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="grant-title">
            {t('actionPlans.access.grantTitle')}
          </Title>
          <Text size="sm">{t('actionPlans.access.grantExplain')}</Text>
          {candidates.isPending && <Loading />}
          {candidates.isError && <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />}
          {candidates.data && items.length === 0 && <Text>{t('actionPlans.access.noCandidates')}</Text>}
          {items.length > 0 && (
            <>
              <NativeSelect
                label={t('actionPlans.access.user')}
                required
                data={[
                  { value: '', label: '—' },
                  ...items.map((c) => ({ value: c.id, label: `${c.name} (${t(`roles.${c.role}`)})` })),
                ]}
                {...form.getInputProps('userId')}
              />
              <Textarea
                label={t('actionPlans.access.grantReason')}
                description={t('actionPlans.breakGlass.reasonHint')}
                required
                autosize
                minRows={2}
                maxRows={6}
                maxLength={500}
                {...form.getInputProps('reason')}
              />
              <TextInput
                type="date"
                label={t('actionPlans.access.until')}
                required
                min={day}
                max={grantUntilMax(day)}
                {...form.getInputProps('until')}
              />
              <FormError message={error} />
              <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
                {t('actionPlans.access.grant')}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** The access log, for those who may read it (a coach of the caseload, an admin); anyone else sees no section. */
function AccessLog({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const query = useQuery(sensitiveLogQuery(participantId));
  if (query.error instanceof ApiError && query.error.status === 403) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="access-log">
      <Stack gap="sm">
        <Title order={2} size="h4" id="access-log">
          {t('actionPlans.access.logTitle')}
        </Title>
        {query.isPending && <Loading />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && (
          <ResponsiveTable
            caption={t('actionPlans.access.logTitle')}
            // Two lines may share time, person and action: the position keeps them apart.
            rows={query.data.items.map((entry, index) => ({ ...entry, index }))}
            rowKey={(entry) => String(entry.index)}
            empty={t('actionPlans.access.logEmpty')}
            columns={[
              { header: t('actionPlans.access.columns.when'), cell: (e) => formatDateTime(e.at) },
              {
                header: t('actionPlans.access.columns.who'),
                cell: (e) =>
                  `${e.actorName ?? t('actionPlans.access.someone')}${e.via ? ` (${t(`actionPlans.access.logVia.${e.via}`)})` : ''}`,
              },
              { header: t('actionPlans.access.columns.what'), cell: (e) => actionLabel(t, e.action) },
              {
                header: t('actionPlans.access.columns.reason'),
                cell: (e) => e.reason || t('actionPlans.access.noReasonNeeded'),
              },
            ]}
          />
        )}
      </Stack>
    </Card>
  );
}
