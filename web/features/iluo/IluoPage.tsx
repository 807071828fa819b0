import './iluo.css';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IluoMatrix, matrixTrainingNeeds } from '#shared/iluo';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useSessionUser } from '../auth/useSessionUser';
import { teamsQuery } from '../teams/queries';
import { FlagIcon } from './FlagIcon';
import { IluoIcon } from './IluoIcon';
import { LabelsEditor } from './LabelsEditor';
import { LevelDialog } from './LevelDialog';
import { type CellChoice, MatrixTable } from './MatrixTable';
import { iluoMatrixQuery, matrixPdfUrl } from './queries';
import { SkillsDialog } from './SkillsDialog';
import { levelWords } from './words';

const route = getRouteApi('/app/iluo');

/** The ILUO matrix of one team: who can do which task, where the team is fragile, and who is still learning. */
export function IluoPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const teams = useQuery(teamsQuery(false));
  const items = teams.data?.items ?? [];
  // Without a choice in the URL: the first team the user supervises, else the first team.
  const teamId = search.ploeg ?? (items.find((team) => team.supervisors.some((s) => s.id === user.id)) ?? items[0])?.id;

  return (
    <Stack gap="md" className="iluo-page">
      <PageTitle>{t('iluo.title')}</PageTitle>
      <Text className="iluo-no-print">{t('iluo.intro')}</Text>
      {teams.isPending && <Loading />}
      {teams.isError && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && items.length === 0 && <Text>{t('iluo.noTeams')}</Text>}
      {items.length > 0 && (
        <NativeSelect
          className="iluo-no-print"
          label={t('iluo.team')}
          value={teamId ?? ''}
          onChange={(event) => navigate({ search: { ploeg: event.currentTarget.value }, replace: true })}
          data={items.map((team) => ({ value: team.id, label: `${team.name} (${team.siteName})` }))}
          maw={420}
        />
      )}
      {teamId && <TeamMatrix key={teamId} teamId={teamId} />}
      {user.role === 'admin' && <LabelsEditor />}
    </Stack>
  );
}

function TeamMatrix({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const query = useQuery(iluoMatrixQuery(teamId));
  const [open, setOpen] = useState<CellChoice | null>(null);
  const [managing, setManaging] = useState(false);
  const printId = useId();

  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const matrix = query.data;
  const skillCount = matrix.groups.reduce((n, g) => n + g.skills.length, 0);

  return (
    <Stack gap="md">
      <Group gap="xs" className="iluo-no-print" wrap="wrap">
        {matrix.canManage && (
          <Button variant="default" onClick={() => setManaging(true)}>
            {t('iluo.skills.manage')}
          </Button>
        )}
        <Group gap="xs" role="group" aria-labelledby={printId} wrap="wrap">
          <Text id={printId} size="sm">
            {t('iluo.print.title')}
          </Text>
          {(['A4', 'A3'] as const).map((size) => (
            <Button
              key={size}
              component="a"
              href={matrixPdfUrl(teamId, size)}
              download
              variant="default"
              size="sm"
              aria-label={t(size === 'A4' ? 'iluo.print.a4Label' : 'iluo.print.a3Label')}
            >
              {t(size === 'A4' ? 'iluo.print.a4' : 'iluo.print.a3')}
            </Button>
          ))}
        </Group>
      </Group>

      <Legend matrix={matrix} />

      {skillCount === 0 ? (
        <Text>{t(matrix.canManage ? 'iluo.matrix.emptyManage' : 'iluo.matrix.empty')}</Text>
      ) : matrix.people.length === 0 ? (
        <Text>{t('iluo.matrix.noPeople')}</Text>
      ) : (
        <MatrixTable matrix={matrix} onOpen={setOpen} />
      )}

      {skillCount > 0 && <Flags matrix={matrix} />}
      {skillCount > 0 && <TrainingNeeds matrix={matrix} />}

      {open && <LevelDialog matrix={matrix} choice={open} onClose={() => setOpen(null)} />}
      {managing && <SkillsDialog team={matrix.team} onClose={() => setManaging(false)} />}
    </Stack>
  );
}

function Legend({ matrix }: { matrix: IluoMatrix }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('iluo.legend')}
      </Title>
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 4 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {matrix.labels.map((label) => {
          const words = levelWords(t, label.level, matrix.labels);
          return (
            <Group key={label.level} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <IluoIcon level={label.level} size={28} />
              <div>
                <Text fw={700} size="sm">
                  {t('iluo.levelWithLetter', { letter: words.letter, label: words.label })}
                </Text>
                <Text size="sm">{words.meaning}</Text>
              </div>
            </Group>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

function Flags({ matrix }: { matrix: IluoMatrix }) {
  const { t } = useTranslation();
  const titleId = useId();
  const flagged = matrix.groups.flatMap((g) => g.skills).filter((s) => s.flag !== null);
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('iluo.flags.title')}
      </Title>
      {flagged.length === 0 ? (
        <Text size="sm">{t('iluo.flags.none')}</Text>
      ) : (
        <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {flagged.map((skill) =>
            skill.flag ? (
              <Group key={skill.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
                <FlagIcon flag={skill.flag} />
                <Text size="sm" className="break-anywhere">
                  {t('iluo.flags.item', { skill: skill.name, text: t(`iluo.flags.${skill.flag}`) })}
                </Text>
              </Group>
            ) : null,
          )}
        </Stack>
      )}
    </section>
  );
}

function TrainingNeeds({ matrix }: { matrix: IluoMatrix }) {
  const { t } = useTranslation();
  const titleId = useId();
  const people = new Map(matrix.people.map((p) => [p.id, p.name]));
  const skills = matrix.groups.flatMap((g) => g.skills);
  const needs = useMemo(() => matrixTrainingNeeds(matrix), [matrix]);
  const bySkill = skills
    .map((skill) => ({ skill, needs: needs.filter((n) => n.skillId === skill.id) }))
    .filter((entry) => entry.needs.length > 0);
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('iluo.needs.title')}
      </Title>
      {bySkill.length === 0 ? (
        <Text size="sm">{t('iluo.needs.none')}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('iluo.needs.intro')}
          </Text>
          <Stack component="ul" gap={6} pl="md" m={0}>
            {bySkill.map(({ skill, needs }) => (
              <Text key={skill.id} component="li" size="sm" className="break-anywhere">
                <strong>{skill.name}</strong>:{' '}
                {needs
                  .map((n) =>
                    t('iluo.needs.person', {
                      name: people.get(n.personId) ?? '',
                      letter: levelWords(t, n.level, matrix.labels).letter,
                    }),
                  )
                  .join(', ')}
              </Text>
            ))}
          </Stack>
        </>
      )}
    </section>
  );
}
