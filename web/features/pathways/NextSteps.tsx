import { Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantPathway } from '#shared/pathways';
import { readinessText } from './PathwayMap';
import { useStepLabel } from './stepLabel';

type Step = ParticipantPathway['nextSteps'][number];

/** Each next step of the current package, with what is already at the required level and what not yet. */
export function NextSteps({ steps, headingOrder = 3 }: { steps: Step[]; headingOrder?: 2 | 3 | 4 | 5 }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  return (
    <Stack gap="sm">
      {steps.map((step) => (
        <Box key={`${step.kind}:${step.targetId}`} component="section" aria-label={stepLabel(step)}>
          <Group gap="xs" wrap="wrap">
            <Title order={headingOrder} size="h5" className="break-anywhere">
              {t('pathways.readiness.title', { name: stepLabel(step) })}
            </Title>
            <Badge variant="light" color={step.readiness.ready ? 'groen.9' : 'orange.9'}>
              {readinessText(t, step.readiness)}
            </Badge>
          </Group>
          <Text size="sm">{t(`pathways.kinds.${step.kind}`)}</Text>
          {step.readiness.items.length > 0 && (
            <Stack component="ul" gap={4} mt={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {step.readiness.items.map((item) => (
                <Group component="li" key={`${item.kind}:${item.key}`} gap="xs" wrap="nowrap" align="flex-start">
                  <Text aria-hidden fw={700} c={item.met ? 'groen.9' : 'orange.9'} w={18}>
                    {item.met ? '✓' : '✗'}
                  </Text>
                  <Text size="sm" className="break-anywhere">
                    <strong>
                      {item.name} ({t(`pathways.readiness.${item.kind}`)}):{' '}
                      {item.met ? t('pathways.readiness.met') : t('pathways.readiness.notMet')}.
                    </strong>{' '}
                    {item.current === null
                      ? t('pathways.readiness.never', { required: item.required })
                      : t('pathways.readiness.levels', { required: item.required, current: item.current })}
                    {item.source ? ` (${t(`pathways.readiness.sources.${item.source}`)})` : ''}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Box>
      ))}
    </Stack>
  );
}
