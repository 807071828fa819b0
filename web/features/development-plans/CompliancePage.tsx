import { Anchor, Button, Group, List, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ComplianceListItem,
  type ComplianceRegime,
  type ComplianceState,
  complianceRegimes,
  complianceStates,
} from '#shared/development-plans';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate } from '../participants/dates';
import { coachOptionsQuery } from '../participants/queries';
import { teamsQuery } from '../teams/queries';
import { ComplianceBadge } from './Compliance';
import { planFieldText } from './fieldErrors';
import { complianceQuery, popSettingsQuery, refreshPlans } from './queries';
import { reasonText } from './words';

const PAGE = 50;

/**
 * /pop-opvolging: who has no POP, a late or an incomplete one, and why. A coach sees their caseload; admins and
 * managers everyone, with a filter per coach. The admin sets the renewal rule here too.
 */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const wide = me.role === 'admin' || me.role === 'manager';
  const [state, setState] = useState<ComplianceState | ''>('');
  const [coachId, setCoachId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [page, setPage] = useState(1);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const query = useQuery(
    complianceQuery({
      state: state || undefined,
      coachId: coachId || undefined,
      teamId: teamId || undefined,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    }),
  );
  const teams = useQuery(teamsQuery(false));
  const coaches = useQuery({ ...coachOptionsQuery, enabled: wide });
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPage(1);
  };

  const columns: Column<ComplianceListItem>[] = [
    {
      header: t('developmentPlans.complianceList.participant'),
      cell: (row) => (
        <Stack gap={0}>
          <Anchor
            fw={700}
            className="break-anywhere"
            renderRoot={(props) => (
              <Link to="/deelnemers/$id/pop" params={{ id: row.participant.id }} search={{}} {...props} />
            )}
          >
            {row.participant.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {row.team?.name ?? t('developmentPlans.complianceList.noTeam')}
            {row.coaches.length > 0 && ` · ${row.coaches.map((c) => c.name).join(', ')}`}
          </Text>
        </Stack>
      ),
    },
    { header: t('developmentPlans.complianceList.state'), cell: (row) => <ComplianceBadge state={row.status.state} /> },
    {
      header: t('developmentPlans.complianceList.reasons'),
      cell: (row) =>
        row.status.reasons.length === 0 ? (
          '—'
        ) : (
          <List size="sm" spacing={2}>
            {row.status.reasons.map((r) => (
              <List.Item key={`${r.code}-${r.date ?? ''}`}>{reasonText(t, r)}</List.Item>
            ))}
          </List>
        ),
    },
    {
      header: t('developmentPlans.complianceList.deadline'),
      cell: (row) =>
        row.status.deadline ? formatDate(row.status.deadline) : t('developmentPlans.complianceList.noDeadline'),
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle>{t('developmentPlans.complianceList.title')}</PageTitle>
      <Group justify="space-between" gap="xs">
        <Text>{t('developmentPlans.complianceList.intro')}</Text>
        {me.role === 'admin' && (
          <Button variant="default" size="sm" onClick={() => setSettingsOpen(true)}>
            {t('developmentPlans.complianceList.settings')}
          </Button>
        )}
      </Group>
      {query.data && (
        <Group
          gap="xs"
          component="ul"
          aria-label={t('developmentPlans.complianceList.counts')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {complianceStates.map((s) => (
            <li key={s}>
              <Button
                size="xs"
                variant={state === s ? 'filled' : 'default'}
                aria-pressed={state === s}
                onClick={() => filter((v) => setState(v as ComplianceState | ''))(state === s ? '' : s)}
              >
                {t(`developmentPlans.compliance.states.${s}`)}: {query.data.counts[s] ?? 0}
              </Button>
            </li>
          ))}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: wide ? 3 : 2 }} spacing="sm">
        <NativeSelect
          label={t('developmentPlans.complianceList.state')}
          value={state}
          onChange={(e) => filter((v) => setState(complianceStates.find((s) => s === v) ?? ''))(e.currentTarget.value)}
          data={[
            { value: '', label: t('developmentPlans.complianceList.allStates') },
            ...complianceStates.map((s) => ({ value: s, label: t(`developmentPlans.compliance.states.${s}`) })),
          ]}
        />
        {wide && (
          <NativeSelect
            label={t('developmentPlans.complianceList.coach')}
            value={coachId}
            onChange={(e) => filter(setCoachId)(e.currentTarget.value)}
            data={[
              { value: '', label: t('developmentPlans.complianceList.allCoaches') },
              ...(coaches.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        )}
        <NativeSelect
          label={t('developmentPlans.complianceList.team')}
          value={teamId}
          onChange={(e) => filter(setTeamId)(e.currentTarget.value)}
          data={[
            { value: '', label: t('developmentPlans.complianceList.allTeams') },
            ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
      </SimpleGrid>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <ResponsiveTable
            caption={t('developmentPlans.complianceList.caption')}
            rows={query.data.items}
            rowKey={(row) => row.participant.id}
            columns={columns}
            empty={t('developmentPlans.complianceList.empty')}
          />
          {query.data.total > PAGE && (
            <Pager
              label={t('developmentPlans.complianceList.pages')}
              page={page}
              pages={Math.ceil(query.data.total / PAGE)}
              onPage={setPage}
            />
          )}
        </>
      )}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </Stack>
  );
}

/** The admin's renewal rule: before every evaluation (so many days before), or at least yearly. */
function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(popSettingsQuery);
  return (
    <Dialog onClose={onClose} title={t('developmentPlans.settings.title')}>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <SettingsForm regime={query.data.regime} days={query.data.daysBeforeEvaluation} onClose={onClose} />
      )}
    </Dialog>
  );
}

function SettingsForm({
  regime: initialRegime,
  days: initialDays,
  onClose,
}: {
  regime: ComplianceRegime;
  days: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [regime, setRegime] = useState<ComplianceRegime>(initialRegime);
  const [days, setDays] = useState<number | string>(initialDays);
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => api.developmentPlans.saveSettings({ regime, daysBeforeEvaluation: Number(days) }),
    onSuccess: async () => {
      await refreshPlans(queryClient);
      notify(t('developmentPlans.settings.saved'));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setFields(Object.fromEntries(Object.entries(error.fields).map(([k, code]) => [k, planFieldText(t, code)])));
    },
  });
  const daysValid = typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 90;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (regime === 'evaluation' && !daysValid) {
          setFields({ daysBeforeEvaluation: t('validation.format') });
          return;
        }
        setFields({});
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="md">
        <Radio.Group
          label={t('developmentPlans.settings.regime')}
          value={regime}
          onChange={(v) => setRegime(complianceRegimes.find((r) => r === v) ?? 'evaluation')}
          error={fields.regime}
        >
          <Stack gap="xs" mt="xs">
            {complianceRegimes.map((r) => (
              <Radio key={r} value={r} label={t(`developmentPlans.settings.regimes.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {regime === 'evaluation' && (
          <NumberInput
            label={t('developmentPlans.settings.days')}
            description={t('developmentPlans.settings.daysHint')}
            min={0}
            max={90}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={setDays}
            error={fields.daysBeforeEvaluation}
          />
        )}
        <FormActions
          error={save.isError && Object.keys(fields).length === 0 ? errorText(t, save.error) : null}
          pending={save.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
