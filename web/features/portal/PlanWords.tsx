import { Card, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContent, PlanTextSection } from '#shared/development-plans';
import { formatDate } from '../participants/dates';

/** The free-text parts in the order a participant reads them: their own words first. */
export const textSections: readonly PlanTextSection[] = ['summary', 'jobTarget', 'dreams', 'workModeReason', 'support'];

function Part({ id, title, level = 3, children }: { id: string; title: string; level?: 2 | 3; children: ReactNode }) {
  return (
    <Stack gap={4} component="section" aria-labelledby={id}>
      <Title order={level} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export const Words = ({ text }: { text: string }) => (
  <Text size="lg" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
    {text}
  </Text>
);

/** The participant's words of a plan: only the parts that have text. */
export function PlanTexts({ content, idPrefix, level }: { content: PlanContent; idPrefix: string; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const parts = textSections.filter((section) => content[section]);
  return (
    <>
      {parts.map((section) => (
        <Part key={section} id={`${idPrefix}-${section}`} title={t(`portal.goals.${section}`)} level={level}>
          <Words text={content[section]} />
        </Part>
      ))}
      {content.nextReviewDate && (
        <Text size="lg">{t('portal.goals.nextReview', { date: formatDate(content.nextReviewDate) })}</Text>
      )}
    </>
  );
}

/** One goal in plain words: what, how we see it, why, by when. `children` adds the notes under it. */
export function GoalCard({ goal, children }: { goal: PlanContent['goals'][number]; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Title order={3} size="h4" className="break-anywhere">
          {goal.what}
        </Title>
        <Text fw={700}>{t('portal.goals.due', { date: formatDate(goal.dueDate) })}</Text>
        {goal.evidence && (
          <div>
            <Text fw={700}>{t('portal.goals.evidence')}</Text>
            <Words text={goal.evidence} />
          </div>
        )}
        {goal.why && (
          <div>
            <Text fw={700}>{t('portal.goals.why')}</Text>
            <Words text={goal.why} />
          </div>
        )}
        {children}
      </Stack>
    </Card>
  );
}

/** A plan read only (the draft to agree with): texts, goals and actions in plain words. */
export function PlanReadOnly({ content, idPrefix }: { content: PlanContent; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PlanTexts content={content} idPrefix={idPrefix} />
      <Part id={`${idPrefix}-goals`} title={t('portal.goals.goalsTitle')}>
        {content.goals.length === 0 ? (
          <Text>{t('portal.goals.noGoals')}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {content.goals.map((goal) => (
              <GoalCard key={goal.key} goal={goal} />
            ))}
          </Stack>
        )}
      </Part>
      <Part id={`${idPrefix}-actions`} title={t('portal.goals.actionsTitle')}>
        {content.actions.length === 0 ? (
          <Text>{t('portal.goals.noActions')}</Text>
        ) : (
          <Stack component="ul" gap={4} m={0} pl="md">
            {content.actions.map((a) => (
              <Text component="li" key={a.key} size="lg" className="break-anywhere">
                {a.what} — {t('portal.goals.doneBy', { who: ownerName(t, a) })},{' '}
                {t('portal.goals.due', { date: formatDate(a.dueDate) })}
              </Text>
            ))}
          </Stack>
        )}
      </Part>
    </Stack>
  );
}

export const ownerName = (t: TFunction, action: PlanContent['actions'][number]) =>
  action.ownerName || t(`portal.goals.owner.${action.owner}`);
