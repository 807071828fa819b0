import { Accordion, Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_MAX_COMPETENCIES, type FrameworkInput } from '#shared/competencies';
import { type FrameworkDraft, keyFromName, newCompetency } from './draft';
import { Pictogram } from './Pictogram';

type Form = UseFormReturnType<FrameworkDraft, FrameworkInput>;

interface Props {
  form: Form;
  /** Uids of the competencies whose panel is open. */
  open: string[];
  onOpenChange: (open: string[]) => void;
}

const hasErrorUnder = (errors: Record<string, unknown>, prefix: string) =>
  Object.keys(errors).some((path) => path === prefix || path.startsWith(`${prefix}.`));

/**
 * The competencies, one panel each. Order, add and remove work with buttons, so a keyboard does it all; after a
 * move the focus stays on the button that was pressed.
 */
export function CompetencyList({ form, open, onOpenChange }: Props) {
  const { t } = useTranslation();
  const { scale, competencies } = form.getValues();

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  /** At the top or bottom the pressed button turns disabled: the focus goes to the other one then. */
  const move = (from: number, to: number, uid: string, direction: 'up' | 'down') => {
    form.reorderListItem('competencies', { from, to });
    requestAnimationFrame(() => {
      const pressed = document.getElementById(`${direction}-${uid}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${direction === 'up' ? 'down' : 'up'}-${uid}`);
      (pressed?.disabled ? other : pressed)?.focus();
    });
  };
  const remove = (index: number) => {
    form.removeListItem('competencies', index);
    focusLater('add-competency');
  };
  const add = () => {
    const added = newCompetency(scale.length);
    form.insertListItem('competencies', added);
    onOpenChange([...open, added.uid]);
    focusLater(`competency-name-${added.uid}`);
  };

  return (
    <Stack gap="sm">
      <Accordion multiple value={open} onChange={onOpenChange} variant="separated">
        {competencies.map((c, i) => {
          const at = `competencies.${i}`;
          const name = c.name.trim() || t('competencies.editor.unnamed');
          return (
            <Accordion.Item key={c.uid} value={c.uid}>
              <Accordion.Control>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={600} className="break-anywhere">
                    {i + 1}. {name}
                  </Text>
                  {hasErrorUnder(form.errors, at) && (
                    <Text size="sm" c="red">
                      {t('competencies.editor.hasErrors')}
                    </Text>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {c.isNew ? (
                    <TextInput
                      label={t('competencies.editor.key')}
                      description={t('competencies.editor.keyHint')}
                      placeholder={keyFromName(c.name)}
                      {...form.getInputProps(`${at}.key`)}
                    />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('competencies.editor.keyFixed', { key: c.key })}
                    </Text>
                  )}
                  <TextInput
                    id={`competency-name-${c.uid}`}
                    label={t('competencies.editor.name')}
                    required
                    {...form.getInputProps(`${at}.name`)}
                  />
                  <Textarea
                    label={t('competencies.editor.description')}
                    description={t('competencies.editor.descriptionHint')}
                    required
                    autosize
                    minRows={2}
                    {...form.getInputProps(`${at}.description`)}
                  />
                  {scale.map((level, j) => (
                    <Textarea
                      key={level.uid}
                      label={
                        <Group gap={6} component="span" wrap="nowrap">
                          <Pictogram name={level.pictogram} size={18} />
                          <span>{t('competencies.editor.indicatorFor', { n: j + 1, label: level.label || '…' })}</span>
                        </Group>
                      }
                      required
                      autosize
                      minRows={1}
                      {...form.getInputProps(`${at}.indicators.${j}`)}
                    />
                  ))}
                  {typeof form.errors[`${at}.indicators`] === 'string' && (
                    <Text size="sm" c="red">
                      {form.errors[`${at}.indicators`]}
                    </Text>
                  )}
                  {c.escoUri && (
                    <Text size="sm">
                      {t('competencies.editor.esco')}{' '}
                      <Anchor href={c.escoUri} target="_blank" rel="noreferrer">
                        {c.escoLabel ?? c.escoUri}
                      </Anchor>
                    </Text>
                  )}
                  <Group gap="xs">
                    <Button
                      id={`up-${c.uid}`}
                      size="xs"
                      variant="default"
                      disabled={i === 0}
                      onClick={() => move(i, i - 1, c.uid, 'up')}
                      aria-label={t('competencies.editor.moveUpNamed', { name })}
                    >
                      {t('competencies.editor.moveUp')}
                    </Button>
                    <Button
                      id={`down-${c.uid}`}
                      size="xs"
                      variant="default"
                      disabled={i === competencies.length - 1}
                      onClick={() => move(i, i + 1, c.uid, 'down')}
                      aria-label={t('competencies.editor.moveDownNamed', { name })}
                    >
                      {t('competencies.editor.moveDown')}
                    </Button>
                    {competencies.length > 1 && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove(i)}
                        aria-label={t('competencies.editor.removeNamed', { name })}
                      >
                        {t('competencies.editor.remove')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {competencies.length < FRAMEWORK_MAX_COMPETENCIES && (
        <Group>
          <Button id="add-competency" variant="default" size="sm" onClick={add}>
            {t('competencies.editor.addCompetency')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
