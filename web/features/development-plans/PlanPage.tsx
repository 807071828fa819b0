import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOverview, PlanVersion } from '#shared/development-plans';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { focusWhenShown } from '../../lib/focus';
import { notify } from '../../lib/notify';
import { AgreementPanel } from './AgreementPanel';
import { CompareView } from './CompareView';
import { ComplianceSummary } from './Compliance';
import { DraftEditor } from './DraftEditor';
import { PlanView } from './PlanView';
import { PresentationsPanel } from './PresentationsPanel';
import { ProposalsPanel } from './ProposalsPanel';
import { planQuery, planVersionQuery, refreshPlans } from './queries';
import { type PlanTab, planTabs } from './search';
import { formatDay, type Names, namesFrom } from './words';

const route = getRouteApi('/app/deelnemers/$id/pop');

/** The agreed version that came before `number`, if any. */
const previousAgreed = (overview: PlanOverview, number: number) =>
  overview.versions
    .filter((v) => v.number < number && v.status !== 'draft')
    .reduce<number | null>((best, v) => (best === null || v.number > best ? v.number : best), null);

/** /deelnemers/$id/pop: the agreed version and the draft side by side in tabs, and every version. */
export function PlanPage() {
  const { id } = route.useParams();
  const { t } = useTranslation();
  const query = useQuery(planQuery(id));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const gone = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Stack gap="md">
        <PageTitle>{t('developmentPlans.page.title', { name: '' }).trim()}</PageTitle>
        {gone ? (
          <Text>{t('developmentPlans.page404')}</Text>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  return <Plan participantId={id} overview={query.data} />;
}

type Open = { kind: 'compare'; from: number; to: PlanVersion | number } | { kind: 'view'; number: number } | null;

function Plan({ participantId, overview }: { participantId: string; overview: PlanOverview }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [discarding, setDiscarding] = useState(false);
  const { current, draft, can } = overview;
  const tab: PlanTab = search.tab ?? (draft && can.edit ? 'ontwerp' : current ? 'afgesproken' : 'ontwerp');
  const setTab = async (value: string | null) => {
    const next = planTabs.find((p) => p === value);
    if (next)
      await navigate({
        to: '/deelnemers/$id/pop',
        params: { id: participantId },
        search: { tab: next },
        replace: true,
      });
  };
  // Agreeing ends the draft tab, and the button with it: the keyboard goes on at the version that now applies.
  const showAgreed = async () => {
    await setTab('afgesproken');
    focusWhenShown('pop-agreed-title');
  };
  const names = namesFrom(overview.candidates, current?.evidence, draft?.evidence);
  const start = useMutation({
    mutationFn: () => api.developmentPlans.startDraft(participantId),
    onSuccess: async () => {
      await refreshPlans(queryClient);
      void setTab('ontwerp');
    },
  });
  const previous = current ? previousAgreed(overview, current.number) : null;

  return (
    <Stack gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link to="/deelnemers/$id" params={{ id: participantId }} {...props} />}>
        {t('developmentPlans.page.back')}
      </Anchor>
      <PageTitle>{t('developmentPlans.page.title', { name: overview.participant.name })}</PageTitle>
      <ComplianceSummary status={overview.compliance} />
      <ProposalsPanel participantId={participantId} overview={overview} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('developmentPlans.page.tabs')}>
          <Tabs.Tab value="afgesproken">{t('developmentPlans.page.tabAgreed')}</Tabs.Tab>
          <Tabs.Tab value="ontwerp">{t('developmentPlans.page.tabDraft')}</Tabs.Tab>
          <Tabs.Tab value="versies">{t('developmentPlans.page.tabHistory')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="afgesproken" pt="md">
          {!current ? (
            <Text>{t('developmentPlans.page.noAgreed')}</Text>
          ) : (
            <Stack gap="md">
              <Title order={2} size="h3" id="pop-agreed-title" tabIndex={-1}>
                {t('developmentPlans.page.agreedOn', {
                  number: current.number,
                  date: current.agreedAt ? formatDay(current.agreedAt) : '',
                })}
              </Title>
              <Group gap="xs">
                <Button
                  component="a"
                  href={api.developmentPlans.pdfUrl(participantId, current.number)}
                  download
                  size="xs"
                  variant="default"
                  aria-label={t('developmentPlans.page.pdfNamed', { number: current.number })}
                >
                  {t('developmentPlans.page.pdf')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  renderRoot={(props) => (
                    <Link
                      to="/deelnemers/$id/pop/presentatie"
                      params={{ id: participantId }}
                      search={{ versie: current.number }}
                      {...props}
                    />
                  )}
                >
                  {t('developmentPlans.page.present')}
                </Button>
                {previous !== null && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpen({ kind: 'compare', from: previous, to: current })}
                  >
                    {t('developmentPlans.page.compare')}
                  </Button>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t('developmentPlans.page.evidenceAsOf', { date: formatDay(current.evidence.asOf) })}
              </Text>
              <PlanView
                content={current.content}
                names={names}
                progress={overview.actionProgress}
                notes={overview.goalNotes}
              />
              <PresentationsPanel participantId={participantId} overview={overview} />
            </Stack>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="ontwerp" pt="md">
          {!draft ? (
            <Stack gap="sm" align="flex-start">
              <Text>{t('developmentPlans.page.noDraft')}</Text>
              {can.edit && (
                <>
                  {current && <Text size="sm">{t('developmentPlans.page.startDraftHint')}</Text>}
                  <Button loading={start.isPending} onClick={() => start.mutate()}>
                    {t('developmentPlans.page.startDraft')}
                  </Button>
                  <FormError message={start.isError ? errorText(t, start.error) : null} />
                </>
              )}
            </Stack>
          ) : (
            <Stack gap="md">
              <Title order={2} size="h3" id="pop-draft-title" tabIndex={-1}>
                {t('developmentPlans.page.draftOf', { number: draft.number })}
              </Title>
              <Group gap="xs">
                {current && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpen({ kind: 'compare', from: current.number, to: draft.number })}
                  >
                    {t('developmentPlans.page.compareAgreed')}
                  </Button>
                )}
                {can.edit && (
                  <Button size="xs" variant="default" color="red" onClick={() => setDiscarding(true)}>
                    {t('developmentPlans.page.discard')}
                  </Button>
                )}
              </Group>
              {can.edit ? (
                <DraftEditor
                  key={draft.number}
                  participantId={participantId}
                  overview={overview}
                  draft={draft}
                  onAgreed={showAgreed}
                />
              ) : (
                <>
                  <PlanView content={draft.content} names={names} />
                  <AgreementPanel
                    participantId={participantId}
                    draft={draft}
                    revision={draft.revision}
                    canAgree={can.agree}
                    blocked={false}
                    onAgreed={showAgreed}
                  />
                </>
              )}
            </Stack>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="versies" pt="md">
          <History
            participantId={participantId}
            overview={overview}
            onView={(number) => setOpen({ kind: 'view', number })}
            onCompare={(from, to) => setOpen({ kind: 'compare', from, to })}
          />
        </Tabs.Panel>
      </Tabs>

      {open?.kind === 'compare' && (
        <CompareDialog
          participantId={participantId}
          from={open.from}
          to={open.to}
          names={names}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'view' && (
        <VersionDialog participantId={participantId} number={open.number} names={names} onClose={() => setOpen(null)} />
      )}
      {discarding && draft && (
        <DiscardDialog participantId={participantId} draft={draft} onClose={() => setDiscarding(false)} />
      )}
    </Stack>
  );
}

function History({
  participantId,
  overview,
  onView,
  onCompare,
}: {
  participantId: string;
  overview: PlanOverview;
  onView: (number: number) => void;
  onCompare: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const versions = [...overview.versions].sort((a, b) => b.number - a.number);
  if (versions.length === 0) return <Text>{t('developmentPlans.history.empty')}</Text>;
  return (
    <Stack
      component="ol"
      gap="sm"
      aria-label={t('developmentPlans.history.label')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {versions.map((v) => {
        const previous = previousAgreed(overview, v.number);
        const agreed = v.status !== 'draft';
        return (
          <Card key={v.number} component="li" withBorder padding="sm">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0}>
                <Group gap="xs">
                  <Text fw={700}>{t('developmentPlans.history.version', { number: v.number })}</Text>
                  <Badge
                    variant="light"
                    color={v.status === 'agreed' ? 'groen' : v.status === 'draft' ? 'blue' : 'gray'}
                    style={{ textTransform: 'none', color: 'var(--mantine-color-text)' }}
                  >
                    {t(`developmentPlans.status.${v.status}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {v.agreedAt
                    ? t('developmentPlans.history.agreedOn', { date: formatDay(v.agreedAt) })
                    : t('developmentPlans.history.updatedOn', { date: formatDay(v.updatedAt) })}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onView(v.number)}
                  aria-label={t('developmentPlans.history.viewNamed', { number: v.number })}
                >
                  {t('developmentPlans.history.view')}
                </Button>
                {previous !== null && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onCompare(previous, v.number)}
                    aria-label={t('developmentPlans.history.compareNamed', { number: v.number })}
                  >
                    {t('developmentPlans.page.compare')}
                  </Button>
                )}
                {agreed && (
                  <Button
                    component="a"
                    href={api.developmentPlans.pdfUrl(participantId, v.number)}
                    download
                    size="xs"
                    variant="default"
                    aria-label={t('developmentPlans.page.pdfNamed', { number: v.number })}
                  >
                    {t('developmentPlans.page.pdf')}
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

function CompareDialog({
  participantId,
  from,
  to,
  names,
  onClose,
}: {
  participantId: string;
  from: number;
  to: PlanVersion | number;
  names: Names;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toNumber = typeof to === 'number' ? to : to.number;
  const before = useQuery(planVersionQuery(participantId, from));
  const afterQuery = useQuery({ ...planVersionQuery(participantId, toNumber), enabled: typeof to === 'number' });
  const after = typeof to === 'number' ? afterQuery.data : to;
  const error = before.error ?? afterQuery.error;
  const isDraft = after?.status === 'draft';
  const all = namesFrom(before.data?.evidence, after?.evidence);
  for (const [k, v] of names.competencies) if (!all.competencies.has(k)) all.competencies.set(k, v);
  for (const [k, v] of names.skills) if (!all.skills.has(k)) all.skills.set(k, v);
  return (
    <Dialog
      onClose={onClose}
      size="xl"
      title={
        isDraft
          ? t('developmentPlans.compare.titleDraft', { from })
          : t('developmentPlans.compare.titleVersions', { from, to: toNumber })
      }
    >
      <Stack gap="md">
        {error && (
          <QueryError error={error} onRetry={() => void Promise.all([before.refetch(), afterQuery.refetch()])} />
        )}
        {!error && (!before.data || !after) && <Loading />}
        {before.data && after && (
          <>
            <Title order={2} size="h4">
              {t('developmentPlans.compare.title')}
            </Title>
            <CompareView before={before.data.content} after={after.content} names={all} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function VersionDialog({
  participantId,
  number,
  names,
  onClose,
}: {
  participantId: string;
  number: number;
  names: Names;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useQuery(planVersionQuery(participantId, number));
  const all = namesFrom(query.data?.evidence);
  for (const [k, v] of names.competencies) if (!all.competencies.has(k)) all.competencies.set(k, v);
  for (const [k, v] of names.skills) if (!all.skills.has(k)) all.skills.set(k, v);
  return (
    <Dialog onClose={onClose} size="xl" title={t('developmentPlans.history.version', { number })}>
      <Stack gap="md">
        {query.isPending && <Loading />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && (
          <>
            {query.data.agreedAt && (
              <Text size="sm">{t('developmentPlans.history.agreedOn', { date: formatDay(query.data.agreedAt) })}</Text>
            )}
            <PlanView content={query.data.content} names={all} level={2} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function DiscardDialog({
  participantId,
  draft,
  onClose,
}: {
  participantId: string;
  draft: PlanVersion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const discard = useMutation({
    mutationFn: () => api.developmentPlans.discardDraft(participantId, draft.number),
    onSuccess: async () => {
      await refreshPlans(queryClient);
      notify(t('developmentPlans.page.discarded'));
      onClose();
    },
  });
  return (
    <Dialog onClose={onClose} title={t('developmentPlans.page.discardTitle')}>
      <Stack gap="md">
        <Text>{t('developmentPlans.page.discardText')}</Text>
        <FormError message={discard.isError ? errorText(t, discard.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={discard.isPending} onClick={() => discard.mutate()}>
            {t('developmentPlans.page.discardConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
