import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  type InstrumentDefinition,
  type InstrumentKind,
  instrumentDefinitionBody,
  instrumentKinds,
} from '#shared/instruments';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ApiError, api } from '../../lib/api';
import { translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import {
  emptyRow,
  type FieldRow,
  fieldErrorPath,
  keyFromLabel,
  moveRow,
  rowsOf,
  toDefinitionBody,
} from './definitionForm';
import { FieldRowEditor } from './FieldRowEditor';
import { splitError } from './fieldErrors';
import { refreshInstruments } from './queries';
import { parseNumber } from './values';
import './messages';

type Row = FieldRow & { uid: string };

/** Creating or changing an instrument: its name and kind, and the typed fields its form will ask. */
export function DefinitionDialog({ existing, onClose }: { existing?: InstrumentDefinition; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId();
  const nextUid = useRef(0);
  const withUid = (row: FieldRow): Row => ({ ...row, uid: String(nextUid.current++) });
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<InstrumentKind>(existing?.kind ?? 'custom');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [rows, setRows] = useState<Row[]>(() => (existing ? rowsOf(existing) : [emptyRow()]).map(withUid));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const locked = (existing?.resultCount ?? 0) > 0;

  const change = (uid: string, patch: Partial<FieldRow>) =>
    setRows((all) =>
      all.map((row) => {
        if (row.uid !== uid) return row;
        const next = { ...row, ...patch };
        // A new field's key follows its label until someone types a key of their own.
        if (patch.label !== undefined && !row.saved && (row.key === '' || row.key === keyFromLabel(row.label)))
          next.key = keyFromLabel(patch.label);
        return next;
      }),
    );

  const move = (uid: string, index: number, step: -1 | 1) => {
    // Errors are kept by row number: after a move they would sit on the wrong row.
    flushSync(() => {
      setRows((all) => moveRow(all, index, step));
      setErrors({});
    });
    // The row moved with its buttons; at the top or bottom the pressed one is now disabled: use the other.
    const card = document.querySelector(`[id="${formId}"] [data-row="${uid}"]`);
    const pressed = card?.querySelector<HTMLButtonElement>(`[data-move="${step < 0 ? 'up' : 'down'}"]`);
    const other = card?.querySelector<HTMLButtonElement>(`[data-move="${step < 0 ? 'down' : 'up'}"]`);
    (pressed && !pressed.disabled ? pressed : other)?.focus();
  };

  const showErrors = (next: Record<string, string>) => {
    flushSync(() => setErrors(next));
    document.querySelector<HTMLElement>(`[id="${formId}"] [aria-invalid="true"]`)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = toDefinitionBody({ name, kind, description }, rows);
    const parsed = instrumentDefinitionBody.safeParse(body);
    if (!parsed.success) {
      const issues = translatedIssues(t, parsed.error.issues, body);
      // A bound that does not read as a number reaches the schema as NaN: say so, not "required".
      rows.forEach((row, i) => {
        for (const bound of ['min', 'max'] as const)
          if (row[bound].trim() && Number.isNaN(parseNumber(row[bound])))
            issues[`fields.${i}.${bound}`] = t('instruments.fieldErrors.not_a_number');
      });
      showErrors(Object.fromEntries(Object.entries(issues).map(([path, text]) => [fieldErrorPath(path), text])));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const saved = existing
        ? await api.instruments.updateDefinition(existing.id, parsed.data)
        : await api.instruments.createDefinition(parsed.data);
      await refreshInstruments(queryClient);
      notify(t('instruments.admin.saved', { name: saved.name }));
      onClose();
    } catch (err) {
      const known = (path: string) => /^(name|kind|description|fields(\.\d+(\.\w+)?)?)$/.test(path);
      const split = splitError(t, err, known);
      const fields = Object.fromEntries(
        Object.entries(split.fields).map(([path, text]) => [fieldErrorPath(path), text]),
      );
      // A conflict names the field it concerns; say which one in the message too, as the row may be far down.
      const concerned =
        err instanceof ApiError && err.status === 409
          ? Object.entries(err.fields)
              .map(([path, code]) =>
                path === 'fields'
                  ? (existing?.fields.find((f) => `field_removed:${f.key}` === code)?.label ?? code.split(':')[1])
                  : rows[Number(path.split('.')[1])]?.label,
              )
              .filter(Boolean)
              .join(', ')
          : '';
      const conflict = concerned ? t('instruments.admin.conflict', { fields: concerned }) : null;
      setError(conflict ?? split.message);
      if (Object.keys(fields).length) showErrors(fields);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog
      title={existing ? t('instruments.admin.editTitle', { name: existing.name }) : t('instruments.admin.new')}
      onClose={onClose}
      size="xl"
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('instruments.admin.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <NativeSelect
            label={t('instruments.admin.kind')}
            data={instrumentKinds.map((k) => ({ value: k, label: t(`instruments.kinds.${k}`) }))}
            value={kind}
            onChange={(e) => setKind(instrumentKinds.find((k) => k === e.currentTarget.value) ?? 'custom')}
            error={errors.kind}
          />
          <Textarea
            label={t('instruments.admin.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('instruments.editor.title')}
            </Title>
            {locked && (
              <Text size="sm">{t('instruments.editor.lockedInfo', { count: existing?.resultCount ?? 0 })}</Text>
            )}
            {errors.fields && (
              <Text size="sm" c="red" role="alert">
                {errors.fields}
              </Text>
            )}
            <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {rows.map((row, index) => (
                <FieldRowEditor
                  key={row.uid}
                  rowId={row.uid}
                  row={row}
                  index={index}
                  count={rows.length}
                  locked={locked}
                  errors={errors}
                  onChange={(patch) => change(row.uid, patch)}
                  onMove={(step) => move(row.uid, index, step)}
                  onRemove={() => {
                    setRows((all) => all.filter((r) => r.uid !== row.uid));
                    setErrors({});
                  }}
                />
              ))}
            </Stack>
            <Group>
              <Button size="xs" variant="default" onClick={() => setRows((all) => [...all, withUid(emptyRow())])}>
                {t('instruments.editor.add')}
              </Button>
            </Group>
          </Stack>
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
