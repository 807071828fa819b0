import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContent, PlanOverview } from '#shared/development-plans';
import { formatDate } from '../participants/dates';
import { competencyName, competencyScores, type Names, skillLevel, skillName } from './words';

interface Props {
  content: PlanContent;
  names: Names;
  /** The live status of the actions of the agreed version (ticked off after agreement). */
  progress?: PlanOverview['actionProgress'];
  notes?: PlanOverview['goalNotes'];
  /** Heading level of the sections: 2 on its own page, 3 inside a tab with its own h2. */
  level?: 2 | 3;
}

function Part({ title, level, children }: { title: string; level: 2 | 3; children: ReactNode }) {
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Title order={level} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Words({ text }: { text: string }) {
  const { t } = useTranslation();
  return text ? (
    <Text style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
      {text}
    </Text>
  ) : (
    <Text c="dimmed">{t('developmentPlans.view.empty')}</Text>
  );
}

/** A version of the POP as it reads: the participant's words first, then competencies, goals and actions. */
export function PlanView({ content, names, progress = [], notes = [], level = 3 }: Props) {
  const { t } = useTranslation();
  const status = new Map(progress.map((p) => [p.key, p.status]));
  const goalWhat = new Map(content.goals.map((g) => [g.key, g.what]));
  const chosen = (keys: string[], kind: 'generic' | 'technical') =>
    keys.length === 0 ? (
      <Text c="dimmed" size="sm">
        {t('developmentPlans.view.noCompetencies')}
      </Text>
    ) : (
      <List size="sm" spacing={2}>
        {keys.map((key) => {
          const c = kind === 'generic' ? names.competencies.get(key) : undefined;
          const s = kind === 'technical' ? names.skills.get(key) : undefined;
          return (
            <List.Item key={key}>
              {kind === 'generic' ? competencyName(t, names, key) : skillName(t, names, key)}
              {c && competencyScores(t, c) && ` (${competencyScores(t, c)})`}
              {s && ` (${skillLevel(t, s)})`}
            </List.Item>
          );
        })}
      </List>
    );

  return (
    <Stack gap="md">
      <Part title={t('developmentPlans.sections.summary')} level={level}>
        <Words text={content.summary} />
      </Part>
      <Part title={t('developmentPlans.sections.jobTarget')} level={level}>
        <Words text={content.jobTarget} />
        {content.escoOccupation && (
          <Text size="sm">
            {t('developmentPlans.sections.escoOccupation')}: {content.escoOccupation.label}
          </Text>
        )}
      </Part>
      <Part title={t('developmentPlans.sections.dreams')} level={level}>
        <Words text={content.dreams} />
      </Part>
      <Part title={t('developmentPlans.sections.workMode')} level={level}>
        {content.workMode ? (
          <Text fw={700}>{t(`competencies.workModes.${content.workMode}`)}</Text>
        ) : (
          <Text c="dimmed">{t('developmentPlans.view.empty')}</Text>
        )}
        {content.workModeReason && <Words text={content.workModeReason} />}
      </Part>
      <Part title={t('developmentPlans.sections.competencies')} level={level}>
        <Text size="sm" fw={700}>
          {t('developmentPlans.lists.genericCurrent')}
        </Text>
        {chosen(content.competencies.genericCurrent, 'generic')}
        <Text size="sm" fw={700}>
          {t('developmentPlans.lists.genericFuture')}
        </Text>
        {chosen(content.competencies.genericFuture, 'generic')}
        <Text size="sm" fw={700}>
          {t('developmentPlans.lists.technicalCurrent')}
        </Text>
        {chosen(content.competencies.technicalCurrent, 'technical')}
        <Text size="sm" fw={700}>
          {t('developmentPlans.lists.technicalFuture')}
        </Text>
        {chosen(content.competencies.technicalFuture, 'technical')}
      </Part>
      <Part title={t('developmentPlans.sections.goals')} level={level}>
        {content.goals.length === 0 ? (
          <Text c="dimmed">{t('developmentPlans.view.noGoals')}</Text>
        ) : (
          <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {content.goals.map((goal) => {
              const linked = [
                ...goal.competencyKeys.map((k) => competencyName(t, names, k)),
                ...goal.skillIds.map((id) => skillName(t, names, id)),
              ];
              const goalNotes = notes.filter((n) => n.goalKey === goal.key);
              return (
                <Card key={goal.key} component="li" withBorder padding="sm">
                  <Text fw={700} className="break-anywhere">
                    {goal.what}
                  </Text>
                  <Text size="sm">{t('developmentPlans.view.goalBy', { date: formatDate(goal.dueDate) })}</Text>
                  {goal.evidence && (
                    <Text size="sm" className="break-anywhere">
                      <strong>{t('developmentPlans.view.evidence')}:</strong> {goal.evidence}
                    </Text>
                  )}
                  {goal.why && (
                    <Text size="sm" className="break-anywhere">
                      <strong>{t('developmentPlans.view.why')}:</strong> {goal.why}
                    </Text>
                  )}
                  {linked.length > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('developmentPlans.view.linked', { names: linked.join(', ') })}
                    </Text>
                  )}
                  {goalNotes.length > 0 && (
                    <>
                      <Text size="sm" fw={700} mt={4}>
                        {t('developmentPlans.view.notes')}
                      </Text>
                      <List size="sm" spacing={2}>
                        {goalNotes.map((n) => (
                          <List.Item key={n.id}>
                            {n.text} —{' '}
                            {t('developmentPlans.view.noteBy', {
                              name: n.author?.name ?? '',
                              date: formatDate(n.createdAt.slice(0, 10)),
                            })}
                          </List.Item>
                        ))}
                      </List>
                    </>
                  )}
                </Card>
              );
            })}
          </Stack>
        )}
      </Part>
      <Part title={t('developmentPlans.sections.actions')} level={level}>
        {content.actions.length === 0 ? (
          <Text c="dimmed">{t('developmentPlans.view.noActions')}</Text>
        ) : (
          <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {content.actions.map((action) => {
              const now = status.get(action.key) ?? action.status;
              const who = action.ownerName
                ? `${t(`developmentPlans.owners.${action.owner}`)} (${action.ownerName})`
                : t(`developmentPlans.owners.${action.owner}`);
              return (
                <Card key={action.key} component="li" withBorder padding="sm">
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text fw={700} className="break-anywhere">
                      {action.what}
                    </Text>
                    <Badge
                      variant="light"
                      color={now === 'done' ? 'groen' : now === 'busy' ? 'blue' : 'gray'}
                      style={{ textTransform: 'none', flexShrink: 0, color: 'var(--mantine-color-text)' }}
                    >
                      {t(`developmentPlans.actionStatus.${now}`)}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {t('developmentPlans.view.actionLine', { who, date: formatDate(action.dueDate) })}
                  </Text>
                  {action.goalKey && goalWhat.has(action.goalKey) && (
                    <Text size="sm" c="dimmed" className="break-anywhere">
                      {t('developmentPlans.view.forGoal', { goal: goalWhat.get(action.goalKey) })}
                    </Text>
                  )}
                </Card>
              );
            })}
          </Stack>
        )}
      </Part>
      <Part title={t('developmentPlans.sections.support')} level={level}>
        <Words text={content.support} />
      </Part>
      <Part title={t('developmentPlans.sections.nextReviewDate')} level={level}>
        {content.nextReviewDate ? (
          <Text>{formatDate(content.nextReviewDate)}</Text>
        ) : (
          <Text c="dimmed">{t('developmentPlans.view.empty')}</Text>
        )}
      </Part>
    </Stack>
  );
}
