import { Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Skill } from '#shared/iluo';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { iluoFieldError } from './field-errors';
import { teamSkillsQuery } from './queries';

interface Props {
  team: { id: string; name: string };
  onClose: () => void;
}

/** A save that failed: the field it concerns (name, say) gets the message, anything else the whole form. */
function failure(t: Parameters<typeof iluoFieldError>[0], error: unknown) {
  const fields = error instanceof ApiError ? error.fields : {};
  return {
    name: fields.name ? iluoFieldError(t, fields.name) : undefined,
    form: fields.name ? null : fields.skillIds ? iluoFieldError(t, fields.skillIds) : errorText(t, error),
  };
}

/**
 * The team's skills for the admin or the team's supervisor: add, rename, group, mark critical, archive, and move
 * up or down with buttons (so the keyboard can reorder too). Each change is saved at once.
 */
export function SkillsDialog({ team, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(teamSkillsQuery(team.id));
  const skills = query.data?.items ?? [];
  const [orderError, setOrderError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['iluo'] });

  // A moved skill's button keeps the focus, so pressing it again keeps moving the same skill.
  useEffect(() => {
    if (!focusNext) return;
    const [id, direction] = focusNext.split(':');
    const wanted = buttons.current.get(focusNext);
    const other = buttons.current.get(`${id}:${direction === 'up' ? 'down' : 'up'}`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const reorder = useMutation({
    mutationFn: (move: { ids: string[]; focus: string }) => api.iluo.reorderSkills(team.id, move.ids),
    onSuccess: async (result, move) => {
      queryClient.setQueryData(teamSkillsQuery(team.id).queryKey, result);
      setFocusNext(move.focus);
      setOrderError(null);
      await refresh();
    },
    onError: (error) => setOrderError(failure(t, error).form),
  });

  const move = (index: number, direction: 'up' | 'down') => {
    // One move at a time: the next one starts from the order the server confirmed.
    if (reorder.isPending) return;
    const ids = skills.map((s) => s.id);
    const target = direction === 'up' ? index - 1 : index + 1;
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(target, 0, id);
    reorder.mutate({ ids, focus: `${id}:${direction}` });
  };

  return (
    <Dialog title={t('iluo.skills.title', { team: team.name })} onClose={onClose} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('iluo.skills.intro')}</Text>
        <NewSkillForm teamId={team.id} groups={[...new Set(skills.map((s) => s.groupName).filter(Boolean))]} />
        {query.isPending && <Loading />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        <FormError message={orderError} />
        {query.data && skills.length === 0 && <Text size="sm">{t('iluo.skills.none')}</Text>}
        {skills.length > 0 && (
          <Stack
            component="ol"
            gap="sm"
            aria-label={t('iluo.skills.list')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {skills.map((skill, index) => (
              <SkillRow
                key={skill.id}
                skill={skill}
                position={index + 1}
                first={index === 0}
                last={index === skills.length - 1}
                onMove={(direction) => move(index, direction)}
                buttonRef={(direction) => (element) => {
                  const key = `${skill.id}:${direction}`;
                  if (element) buttons.current.set(key, element);
                  else buttons.current.delete(key);
                }}
              />
            ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function NewSkillForm({ teamId, groups }: { teamId: string; groups: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [groupName, setGroupName] = useState('');
  const [critical, setCritical] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; form: string | null }>({ form: null });
  const nameInput = useRef<HTMLInputElement>(null);
  const listId = `iluo-groups-${teamId}`;

  const add = useMutation({
    mutationFn: () => api.iluo.addSkill(teamId, { name: name.trim(), groupName: groupName.trim(), critical }),
    onSuccess: async (skill) => {
      await queryClient.invalidateQueries({ queryKey: ['iluo'] });
      notify(t('iluo.skills.added', { name: skill.name }));
      setName('');
      setCritical(false);
      setErrors({ form: null });
      nameInput.current?.focus();
    },
    onError: (error) => setErrors(failure(t, error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: t('validation.required'), form: null });
    setErrors({ form: null });
    add.mutate();
  };

  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          ref={nameInput}
          label={t('iluo.skills.name')}
          required
          maxLength={80}
          value={name}
          error={errors.name}
          data-autofocus
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('iluo.skills.group')}
          description={t('iluo.skills.groupHint')}
          maxLength={60}
          value={groupName}
          list={listId}
          onChange={(event) => setGroupName(event.currentTarget.value)}
        />
        <datalist id={listId}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <Checkbox
          label={t('iluo.skills.critical')}
          checked={critical}
          onChange={(event) => setCritical(event.currentTarget.checked)}
        />
        <FormError message={errors.form} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('iluo.skills.add')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

interface RowProps {
  skill: Skill;
  position: number;
  first: boolean;
  last: boolean;
  onMove: (direction: 'up' | 'down') => void;
  buttonRef: (direction: 'up' | 'down') => (element: HTMLButtonElement | null) => void;
}

function SkillRow({ skill, position, first, last, onMove, buttonRef }: RowProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(skill.name);
  const [groupName, setGroupName] = useState(skill.groupName);
  const [critical, setCritical] = useState(skill.critical);
  const [errors, setErrors] = useState<{ name?: string; form: string | null }>({ form: null });
  const dirty = name.trim() !== skill.name || groupName.trim() !== skill.groupName || critical !== skill.critical;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['iluo'] });

  const save = useMutation({
    mutationFn: () => api.iluo.updateSkill(skill.id, { name: name.trim(), groupName: groupName.trim(), critical }),
    onSuccess: async (saved) => {
      await refresh();
      setName(saved.name);
      setGroupName(saved.groupName);
      setErrors({ form: null });
      notify(t('common.savedNamed', { name: saved.name }));
    },
    onError: (error) => setErrors(failure(t, error)),
  });

  const archive = useMutation({
    mutationFn: () => api.iluo.archiveSkill(skill.id),
    onSuccess: async () => {
      await refresh();
      notify(t('iluo.skills.archived', { name: skill.name }));
    },
    onError: (error) => setErrors({ form: errorText(t, error) }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: t('validation.required'), form: null });
    save.mutate();
  };

  return (
    <Card component="li" withBorder padding="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <TextInput
            label={t('iluo.skills.position', { position })}
            required
            maxLength={80}
            value={name}
            error={errors.name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <TextInput
            label={t('iluo.skills.group')}
            maxLength={60}
            value={groupName}
            onChange={(event) => setGroupName(event.currentTarget.value)}
          />
          <Checkbox
            label={t('iluo.skills.critical')}
            checked={critical}
            onChange={(event) => setCritical(event.currentTarget.checked)}
          />
          <FormError message={errors.form} />
          <Group gap="xs" wrap="wrap">
            <Button
              type="submit"
              size="xs"
              disabled={!dirty}
              loading={save.isPending}
              aria-label={t('iluo.skills.saveNamed', { name: skill.name })}
            >
              {t('iluo.skills.save')}
            </Button>
            <Button
              ref={buttonRef('up')}
              size="xs"
              variant="default"
              disabled={first}
              aria-label={t('iluo.skills.upNamed', { name: skill.name })}
              onClick={() => onMove('up')}
            >
              {t('iluo.skills.up')}
            </Button>
            <Button
              ref={buttonRef('down')}
              size="xs"
              variant="default"
              disabled={last}
              aria-label={t('iluo.skills.downNamed', { name: skill.name })}
              onClick={() => onMove('down')}
            >
              {t('iluo.skills.down')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={archive.isPending}
              aria-label={t('iluo.skills.archiveNamed', { name: skill.name })}
              onClick={() => archive.mutate()}
            >
              {t('common.archive')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
