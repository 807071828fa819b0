import { Button, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IluoMatrix, iluoLevels, levelAt, skillLevelCreateBody } from '#shared/iluo';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate, today } from '../participants/dates';
import { iluoFieldError } from './field-errors';
import { IluoIcon } from './IluoIcon';
import type { CellChoice } from './MatrixTable';
import { skillHistoryQuery } from './queries';
import { levelName, levelWords } from './words';

interface Props {
  matrix: IluoMatrix;
  choice: CellChoice;
  onClose: () => void;
}

/** One person × one skill: the level now, a form to set a new one (for those who may), and the history. */
export function LevelDialog({ matrix, choice, onClose }: Props) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const { skill, person } = choice;
  // From the matrix as it is now: after a level is taken back, "now" shows the one before it.
  const cell = levelAt(matrix, skill.id, person.id);
  const history = useQuery(skillHistoryQuery(skill.id, person));
  const [level, setLevel] = useState<string>(cell ? String(cell.level) : '');
  const [assessedOn, setAssessedOn] = useState(today());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['iluo'] });

  const body = () => ({
    skillId: skill.id,
    ...(person.kind === 'participant' ? { participantId: person.id } : { userId: person.id }),
    level: Number(level),
    assessedOn,
    note: note.trim() ? note.trim() : undefined,
  });

  const save = useMutation({
    mutationFn: () => api.iluo.setLevel(body()),
    onSuccess: async () => {
      await refresh();
      notify(t('iluo.level.saved'));
      onClose();
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      const onForm = Object.entries(fields).filter(([field]) => ['level', 'assessedOn', 'note'].includes(field));
      setErrors(Object.fromEntries(onForm.map(([field, code]) => [field, iluoFieldError(t, code)])));
      const other = Object.entries(fields).find(([field]) => !['level', 'assessedOn', 'note'].includes(field));
      setFormError(other ? iluoFieldError(t, other[1]) : onForm.length ? null : errorText(t, error));
    },
  });

  const remove = useMutation({
    mutationFn: (id: string) => api.iluo.removeLevel(id),
    onSuccess: async () => {
      await refresh();
      notify(t('iluo.level.removed'));
    },
    onError: (error) => notify(errorText(t, error), { error: true }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = skillLevelCreateBody.safeParse(body());
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0]);
        found[field] ??= field === 'level' ? t('validation.required') : t('fieldErrors.invalid');
      }
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate();
  };

  const canRemove = (assessorId: string) => user.role === 'admin' || assessorId === user.id;

  return (
    <Dialog title={t('iluo.level.title', { person: person.name, skill: skill.name })} onClose={onClose} size="lg">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          {cell && <IluoIcon level={cell.level} size={36} />}
          <Text>
            {cell ? t('iluo.level.current', { level: levelName(t, cell.level, matrix.labels) }) : t('iluo.level.none')}
          </Text>
        </Group>

        {matrix.canAssess ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Radio.Group
                label={t('iluo.level.choose')}
                value={level}
                onChange={setLevel}
                error={errors.level}
                required
                withAsterisk={false}
              >
                <Stack gap="xs" mt="xs">
                  {iluoLevels.map((value) => {
                    const words = levelWords(t, value, matrix.labels);
                    return (
                      <Radio
                        key={value}
                        value={String(value)}
                        data-autofocus={String(value) === level || (!level && value === 1) ? true : undefined}
                        label={
                          <Group gap="xs" wrap="nowrap">
                            <IluoIcon level={value} size={24} />
                            <span>{t('iluo.levelWithLetter', { letter: words.letter, label: words.label })}</span>
                          </Group>
                        }
                        description={words.meaning}
                      />
                    );
                  })}
                </Stack>
              </Radio.Group>
              <TextInput
                type="date"
                label={t('iluo.level.date')}
                description={t('iluo.level.dateHint')}
                required
                max={today()}
                value={assessedOn}
                error={errors.assessedOn}
                onChange={(event) => setAssessedOn(event.currentTarget.value)}
              />
              <Textarea
                label={t('iluo.level.note')}
                autosize
                minRows={2}
                maxRows={5}
                maxLength={1000}
                value={note}
                error={errors.note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <FormActions
                error={formError}
                pending={save.isPending}
                onCancel={onClose}
                submitLabel={t('iluo.level.save')}
              />
            </Stack>
          </form>
        ) : (
          <Text size="sm">{t('iluo.level.readOnly')}</Text>
        )}

        <Title order={2} size="h4">
          {t('iluo.level.history')}
        </Title>
        {history.isPending && <Loading />}
        {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && history.data.items.length === 0 && <Text size="sm">{t('iluo.level.historyEmpty')}</Text>}
        {history.data && history.data.items.length > 0 && (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {history.data.items.map((entry) => (
              <Group key={entry.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
                <IluoIcon level={entry.level} size={24} />
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" className="break-anywhere">
                    {t('iluo.level.historyItem', {
                      level: levelName(t, entry.level, matrix.labels),
                      date: formatDate(entry.assessedOn),
                      assessor: entry.assessor.name,
                    })}
                  </Text>
                  {entry.note && (
                    <Text size="sm" c="dimmed" className="break-anywhere">
                      {entry.note}
                    </Text>
                  )}
                </Stack>
                {canRemove(entry.assessor.id) && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('iluo.level.removeNamed', { date: formatDate(entry.assessedOn) })}
                    loading={remove.isPending && remove.variables === entry.id}
                    onClick={() => remove.mutate(entry.id)}
                  >
                    {t('iluo.level.remove')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Dialog>
  );
}
