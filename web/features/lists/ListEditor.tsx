import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListItem, type ListKind, listUpdateBody, type OrganisationLists } from '#shared/lists';
import { FormError } from '../../components/FormError';
import { ApiError, api } from '../../lib/api';
import { errorText, translatedFieldErrors, translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { codeFromLabel } from './codes';
import { listsQuery } from './queries';

/** The most items a list may hold (shared/lists.ts listUpdateBody). */
const MAX_ITEMS = 60;

const bodyOf = (items: ListItem[]) => ({
  items: items.map(({ code, label, active }) => ({ code, label: label.trim(), active })),
});

/**
 * Edits one list as a whole and saves it with one PUT: labels, order (up/down buttons, so the keyboard can do it),
 * own items added from a name, and items switched off or on. Built-in items cannot be removed.
 */
export function ListEditor({ kind, stored }: { kind: ListKind; stored: ListItem[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<ListItem[]>(stored);
  const [newLabel, setNewLabel] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const newLabelInput = useRef<HTMLInputElement>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const listName = t(`listsPage.kinds.${kind}`);
  const dirty = JSON.stringify(bodyOf(items)) !== JSON.stringify(bodyOf(stored));

  // A moved item's button keeps the focus, so pressing it again keeps moving the same item.
  useEffect(() => {
    if (!focusNext) return;
    const [code, direction] = focusNext.split(':');
    const wanted = buttons.current.get(focusNext);
    const other = buttons.current.get(`${code}:${direction === 'up' ? 'down' : 'up'}`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const save = useMutation({
    mutationFn: () => api.lists.replace(kind, bodyOf(items)),
    onSuccess: (result) => {
      queryClient.setQueryData(listsQuery.queryKey, (old: OrganisationLists | undefined) =>
        old ? { ...old, [kind]: result.items } : old,
      );
      void queryClient.invalidateQueries({ queryKey: listsQuery.queryKey });
      setItems(result.items);
      notify(t('listsPage.saved'));
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? translatedFieldErrors(t, error) : {};
      setFieldErrors(fields);
      const itemLevel = Object.keys(fields).some((path) => /^items\.\d+\./.test(path));
      setFormError(fields.items ?? (itemLevel ? null : errorText(t, error)));
    },
  });

  const update = (index: number, change: Partial<ListItem>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const move = (index: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? index - 1 : index + 1;
    setItems((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      if (item) next.splice(target, 0, item);
      return next;
    });
    setFocusNext(`${items[index]?.code}:${direction}`);
  };

  const remove = (index: number) => {
    setItems((current) => current.filter((_, i) => i !== index));
    newLabelInput.current?.focus();
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const label = newLabel.trim();
    if (!label) return setAddError(t('validation.required'));
    if (items.length >= MAX_ITEMS) return setAddError(t('listsPage.full', { count: MAX_ITEMS }));
    if (items.some((item) => item.label.trim().toLowerCase() === label.toLowerCase())) {
      return setAddError(t('listsPage.duplicate'));
    }
    const code = codeFromLabel(label, new Set(items.map((item) => item.code)));
    if (!code) return setAddError(t('listsPage.noCode'));
    setItems((current) => [...current, { code, label, builtIn: false, active: true }]);
    setNewLabel('');
    setAddError(null);
  };

  const submit = () => {
    setFormError(null);
    const body = bodyOf(items);
    const checked = listUpdateBody.safeParse(body);
    if (!checked.success) {
      setFieldErrors(translatedIssues(t, checked.error.issues, body));
      return;
    }
    setFieldErrors({});
    save.mutate();
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h4" className="break-anywhere">
        {listName}
      </Title>
      <Stack
        component="ol"
        gap="sm"
        aria-label={t('listsPage.itemsOf', { list: listName })}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((item, index) => {
          const name = item.label.trim() || item.code;
          const ref = (direction: 'up' | 'down') => (element: HTMLButtonElement | null) => {
            const key = `${item.code}:${direction}`;
            if (element) buttons.current.set(key, element);
            else buttons.current.delete(key);
          };
          return (
            <Card key={item.code} component="li" withBorder padding="sm" opacity={item.active ? 1 : 0.85}>
              <Stack gap="xs">
                <TextInput
                  label={t('listsPage.labelOf', { position: index + 1 })}
                  description={`${t('listsPage.code', { code: item.code })} · ${t(item.builtIn ? 'listsPage.builtIn' : 'listsPage.own')}`}
                  value={item.label}
                  maxLength={80}
                  error={fieldErrors[`items.${index}.label`]}
                  onChange={(event) => update(index, { label: event.currentTarget.value })}
                />
                <Group gap="xs" wrap="wrap">
                  {!item.active && (
                    <Badge color="gray" variant="outline">
                      {t('listsPage.inactive')}
                    </Badge>
                  )}
                  <Button
                    ref={ref('up')}
                    size="xs"
                    variant="default"
                    aria-label={t('listsPage.moveUp', { label: name })}
                    disabled={index === 0}
                    onClick={() => move(index, 'up')}
                  >
                    {t('listsPage.up')}
                  </Button>
                  <Button
                    ref={ref('down')}
                    size="xs"
                    variant="default"
                    aria-label={t('listsPage.moveDown', { label: name })}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 'down')}
                  >
                    {t('listsPage.down')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t(item.active ? 'listsPage.deactivateNamed' : 'listsPage.activateNamed', {
                      label: name,
                    })}
                    onClick={() => update(index, { active: !item.active })}
                  >
                    {t(item.active ? 'listsPage.deactivate' : 'listsPage.activate')}
                  </Button>
                  {!item.builtIn && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('listsPage.removeNamed', { label: name })}
                      onClick={() => remove(index)}
                    >
                      {t('listsPage.remove')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
      </Stack>

      <Card withBorder padding="sm" component="form" onSubmit={add} noValidate>
        <Stack gap="xs">
          <Text fw={700} component="h3" size="md" m={0}>
            {t('listsPage.addLegend')}
          </Text>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              ref={newLabelInput}
              label={t('listsPage.newLabel')}
              description={t('listsPage.newLabelHint')}
              value={newLabel}
              maxLength={80}
              error={addError}
              onChange={(event) => {
                setNewLabel(event.currentTarget.value);
                setAddError(null);
              }}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" variant="default">
              {t('listsPage.add')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <FormError message={formError} />
      {dirty && (
        <Text size="sm" role="status">
          {t('listsPage.unsaved')}
        </Text>
      )}
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
