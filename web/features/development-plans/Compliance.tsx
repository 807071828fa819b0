import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplianceState, ComplianceStatus } from '#shared/development-plans';
import { formatDate } from '../participants/dates';
import { complianceColor, reasonText } from './words';

export function ComplianceBadge({ state }: { state: ComplianceState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={complianceColor[state]}
      variant="light"
      style={{ textTransform: 'none', color: 'var(--mantine-color-text)' }}
    >
      {t(`developmentPlans.compliance.states.${state}`)}
    </Badge>
  );
}

/** The state against the maatwerk rules, with every reason in plain words and the date by which to act. */
export function ComplianceSummary({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="sm">
          {t('developmentPlans.compliance.label')}
        </Text>
        <ComplianceBadge state={status.state} />
        {status.deadline && (
          <Text size="sm">{t('developmentPlans.compliance.deadline', { date: formatDate(status.deadline) })}</Text>
        )}
      </Group>
      {status.reasons.length > 0 ? (
        <List size="sm" spacing={2}>
          {status.reasons.map((reason) => (
            <List.Item key={`${reason.code}-${reason.date ?? ''}`}>{reasonText(t, reason)}</List.Item>
          ))}
        </List>
      ) : (
        status.state === 'ok' && <Text size="sm">{t('developmentPlans.compliance.allGood')}</Text>
      )}
    </Stack>
  );
}
