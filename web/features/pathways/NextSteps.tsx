import { Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantPathway } from '#shared/pathways';
import { useStepLabel } from './stepLabel';
import { type Audience, kindText, levelsText, readinessColor, readinessText } from './words';

type Step = ParticipantPathway['nextSteps'][number];

/** Each next step of the current package, with what is already at the required level and what not yet. */
export function NextSteps({
  steps,
  headingOrder = 3,
  audience = 'staff',
}: {
  steps: Step[];
  headingOrder?: 2 | 3 | 4 | 5;
  audience?: Audience;
}) {
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
            <Badge variant="light" color={readinessColor(step.readiness)}>
              {readinessText(t, step.readiness, audience)}
            </Badge>
          </Group>
          <Text size="sm">{kindText(t, step.kind, audience)}</Text>
          {step.readiness.items.length > 0 && (
            <Stack component="ul" gap={4} mt={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {step.readiness.items.map((item) => (
                <Group component="li" key={`${item.kind}:${item.key}`} gap="xs" wrap="nowrap" align="flex-start">
                  <Text
                    aria-hidden
                    fw={700}
                    c={item.met ? 'groen.9' : 'var(--mantine-color-orange-light-color)'}
                    w={18}
                  >
                    {item.met ? '✓' : '✗'}
                  </Text>
                  <Text size="sm" className="break-anywhere">
                    <strong>
                      {audience === 'staff' ? `${item.name} (${t(`pathways.readiness.${item.kind}`)})` : item.name}:{' '}
                      {item.met ? t('pathways.readiness.met') : t('pathways.readiness.notMet')}.
                    </strong>{' '}
                    {levelsText(t, item, audience)}
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
