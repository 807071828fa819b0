import { Badge, Button, Card, CopyButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanContent } from '#shared/development-plans';
import { formatDate } from '../participants/dates';
import { type ActionChange, comparePlans, type GoalChange, type PlanSection } from './compare';
import { competencyName, type Names, skillName } from './words';

const sectionTitle = (t: TFunction, section: PlanSection) =>
  section === 'workModeReason'
    ? t('developmentPlans.sections.workModeReason')
    : t(`developmentPlans.sections.${section}`);

/** Section values as a reader sees them: the work mode by its name, a date written out. */
function shown(t: TFunction, section: PlanSection, value: string): string {
  if (!value) return t('developmentPlans.compare.emptyText');
  if (section === 'workMode') return t(`competencies.workModes.${value as 'uitvoerend' | 'inzichtelijk'}`);
  if (section === 'nextReviewDate') return formatDate(value);
  return value;
}

interface Props {
  before: PlanContent;
  after: PlanContent;
  names: Names;
  /** Offers to copy the newer text of each changed section (after a save conflict). */
  copyAfter?: boolean;
  level?: 3 | 4;
}

/** What changed between two versions of a plan, section by section, goals and actions by their key. */
export function CompareView({ before, after, names, copyAfter = false, level = 3 }: Props) {
  const { t } = useTranslation();
  const result = comparePlans(before, after);
  const nothing =
    result.sections.length + result.competencies.length + result.goals.length + result.actions.length === 0;
  if (nothing) return <Text>{t('developmentPlans.compare.none')}</Text>;

  const named = (list: string, keys: string[]) =>
    keys.map((k) => (list.startsWith('generic') ? competencyName(t, names, k) : skillName(t, names, k))).join(', ');

  return (
    <Stack gap="sm">
      {result.sections.map((change) => (
        <Card
          key={change.section}
          withBorder
          padding="sm"
          component="section"
          aria-label={sectionTitle(t, change.section)}
        >
          <Title order={level} size="h5" mb={4}>
            {sectionTitle(t, change.section)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <div>
              <Text size="xs" fw={700} c="dimmed">
                {t('developmentPlans.compare.before')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                {shown(t, change.section, change.before)}
              </Text>
            </div>
            <div>
              <Text size="xs" fw={700} c="dimmed">
                {t('developmentPlans.compare.after')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                {shown(t, change.section, change.after)}
              </Text>
              {copyAfter && change.after && (
                <CopyButton value={change.after}>
                  {({ copied, copy }) => (
                    <Button
                      size="xs"
                      variant="default"
                      mt={4}
                      onClick={copy}
                      aria-label={t('developmentPlans.conflict.copyNamed', {
                        section: sectionTitle(t, change.section),
                      })}
                    >
                      {copied ? t('developmentPlans.conflict.copied') : t('developmentPlans.conflict.copy')}
                    </Button>
                  )}
                </CopyButton>
              )}
            </div>
          </SimpleGrid>
        </Card>
      ))}
      {result.competencies.map((change) => (
        <Card
          key={change.list}
          withBorder
          padding="sm"
          component="section"
          aria-label={t(`developmentPlans.lists.${change.list}`)}
        >
          <Title order={level} size="h5" mb={4}>
            {t(`developmentPlans.lists.${change.list}`)}
          </Title>
          {change.added.length > 0 && (
            <Text size="sm">
              {t('developmentPlans.compare.addedItems', { names: named(change.list, change.added) })}
            </Text>
          )}
          {change.removed.length > 0 && (
            <Text size="sm">
              {t('developmentPlans.compare.removedItems', { names: named(change.list, change.removed) })}
            </Text>
          )}
        </Card>
      ))}
      {result.goals.length > 0 && (
        <ItemChanges title={t('developmentPlans.sections.goals')} level={level} changes={result.goals} kind="goal" />
      )}
      {result.actions.length > 0 && (
        <ItemChanges
          title={t('developmentPlans.sections.actions')}
          level={level}
          changes={result.actions}
          kind="action"
        />
      )}
    </Stack>
  );
}

function ItemChanges({
  title,
  level,
  changes,
  kind,
}: {
  title: string;
  level: 3 | 4;
  changes: GoalChange[] | ActionChange[];
  kind: 'goal' | 'action';
}) {
  const { t } = useTranslation();
  const color = { added: 'groen', removed: 'red', changed: 'blue' } as const;
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Title order={level} size="h5" mb={4}>
        {title}
      </Title>
      <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {changes.map((change) => {
          const item = change.after ?? change.before;
          const fields = change.fields
            .map((f) =>
              kind === 'goal'
                ? t(`developmentPlans.compare.goalFields.${f as GoalChange['fields'][number]}`)
                : t(`developmentPlans.compare.actionFields.${f as ActionChange['fields'][number]}`),
            )
            .join(', ');
          return (
            <li key={change.key}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge
                  color={color[change.kind]}
                  variant="light"
                  style={{ textTransform: 'none', flexShrink: 0, color: 'var(--mantine-color-text)' }}
                >
                  {t(`developmentPlans.compare.${change.kind}`)}
                </Badge>
                <Stack gap={0}>
                  <Text size="sm" fw={700} className="break-anywhere">
                    {item?.what}
                  </Text>
                  {change.kind === 'changed' && change.before.what !== change.after.what && (
                    <Text size="sm" c="dimmed" className="break-anywhere">
                      {t('developmentPlans.compare.before')}: {change.before.what}
                    </Text>
                  )}
                  {change.kind === 'changed' && (
                    <Text size="sm" c="dimmed">
                      {t('developmentPlans.compare.fields', { fields })}
                    </Text>
                  )}
                </Stack>
              </Group>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
