import { Alert, Button, Card, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type FrameworkInput, SCALE_MAX_LEVELS, SCALE_MIN_LEVELS } from '#shared/competencies';
import type { FrameworkDraft } from './draft';
import { newLevel } from './draft';
import { Pictogram } from './Pictogram';
import { PictogramSelect } from './PictogramSelect';

type Form = UseFormReturnType<FrameworkDraft, FrameworkInput>;

/**
 * The rating scale: levels 1..n, lowest first. Adding or removing a level adds or removes that level's indicator
 * in every competency, so the two always match.
 */
export function ScaleFields({ form, scaleError }: { form: Form; scaleError?: string }) {
  const { t } = useTranslation();
  const { scale, competencies } = form.getValues();

  const addLevel = () => {
    form.setValues({
      scale: [...scale, newLevel(scale.length)],
      competencies: competencies.map((c) => ({ ...c, indicators: [...c.indicators, ''] })),
    });
  };
  const removeLevel = (index: number) => {
    form.setValues({
      scale: scale.filter((_, i) => i !== index),
      competencies: competencies.map((c) => ({ ...c, indicators: c.indicators.filter((_, i) => i !== index) })),
    });
    requestAnimationFrame(() => document.getElementById('add-level')?.focus());
  };

  return (
    <Fieldset legend={t('competencies.editor.scale')}>
      <Stack gap="sm">
        <Text size="sm">{t('competencies.editor.scaleHint')}</Text>
        {scaleError && (
          <Alert color="red" variant="light" role="alert">
            {scaleError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {scale.map((level, i) => (
            <Card
              key={level.uid}
              withBorder
              padding="sm"
              component="section"
              aria-label={t('competencies.editor.levelN', { n: i + 1 })}
            >
              <Stack gap="xs">
                <Group gap="xs">
                  <Pictogram name={level.pictogram} size={28} />
                  <Text fw={700}>{t('competencies.editor.levelN', { n: i + 1 })}</Text>
                </Group>
                <TextInput
                  label={t('competencies.editor.levelLabel')}
                  required
                  {...form.getInputProps(`scale.${i}.label`)}
                />
                <Textarea
                  label={t('competencies.editor.levelMeaning')}
                  description={t('competencies.editor.levelMeaningHint')}
                  required
                  autosize
                  minRows={2}
                  {...form.getInputProps(`scale.${i}.meaning`)}
                />
                <PictogramSelect
                  label={t('competencies.editor.pictogram')}
                  value={level.pictogram}
                  onChange={(value) => form.setFieldValue(`scale.${i}.pictogram`, value)}
                />
                {scale.length > SCALE_MIN_LEVELS && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => removeLevel(i)}
                    aria-label={t('competencies.editor.removeLevelN', { n: i + 1 })}
                  >
                    {t('competencies.editor.removeLevel')}
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        {scale.length < SCALE_MAX_LEVELS && (
          <Group>
            <Button id="add-level" variant="default" size="sm" onClick={addLevel}>
              {t('competencies.editor.addLevel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
