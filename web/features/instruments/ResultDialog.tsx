import { Fieldset, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition, InstrumentResult } from '#shared/instruments';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { notify } from '../../lib/notify';
import { today } from '../participants/dates';
import { FieldInput } from './FieldInput';
import { instrumentFieldText, splitError } from './fieldErrors';
import { refreshInstruments } from './queries';
import { checkValues, type FormValue, type FormValues, groupFields, initialFormValues, toApiValues } from './values';
import './messages';

interface Props {
  participantId: string;
  definitions: InstrumentDefinition[];
  /** The result to edit; a new one when left out. */
  existing?: InstrumentResult;
  onClose: () => void;
}

/** Recording a result: pick the instrument, then fill in the form its fields make. */
export function ResultDialog({ participantId, definitions, existing, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId();
  const choosable = definitions.filter((d) => !d.archived || d.id === existing?.definitionId);
  const [definitionId, setDefinitionId] = useState(existing?.definitionId ?? '');
  const definition = definitions.find((d) => d.id === definitionId);
  const fields = definition?.fields ?? [];
  const [values, setValues] = useState<FormValues>(() => initialFormValues(fields, existing?.values));
  const [takenOn, setTakenOn] = useState(existing?.takenOn ?? today());
  const [note, setNote] = useState(existing?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const choose = (id: string) => {
    setDefinitionId(id);
    setValues(initialFormValues(definitions.find((d) => d.id === id)?.fields ?? []));
    setErrors({});
  };
  const setValue = (key: string, value: FormValue) => setValues((all) => ({ ...all, [key]: value }));

  const showErrors = (next: Record<string, string>) => {
    flushSync(() => setErrors(next));
    document.querySelector<HTMLElement>(`[id="${formId}"] [aria-invalid="true"]`)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const local: Record<string, string> = {};
    if (!definition) local.definitionId = t('instruments.fieldErrors.required');
    if (!takenOn) local.takenOn = t('instruments.fieldErrors.required');
    else if (takenOn > today()) local.takenOn = t('instruments.fieldErrors.in_the_future');
    for (const [path, code] of Object.entries(checkValues(fields, values))) local[path] = instrumentFieldText(t, code);
    if (!definition || Object.keys(local).length > 0) {
      showErrors(local);
      return;
    }
    setErrors({});
    setPending(true);
    const body = { takenOn, values: toApiValues(fields, values), note };
    try {
      if (existing) await api.instruments.updateResult(participantId, existing.id, body);
      else await api.instruments.addResult(participantId, { definitionId: definition.id, ...body });
      await refreshInstruments(queryClient);
      notify(t('instruments.results.saved', { name: definition.name }));
      onClose();
    } catch (err) {
      const known = (path: string) =>
        ['definitionId', 'takenOn', 'note'].includes(path) || fields.some((f) => path === `values.${f.key}`);
      const split = splitError(t, err, known);
      setError(split.message);
      if (Object.keys(split.fields).length) showErrors(split.fields);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog
      title={
        existing ? t('instruments.results.editTitle', { name: existing.definitionName }) : t('instruments.results.new')
      }
      onClose={onClose}
      size="lg"
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {existing ? (
            <Text fw={700}>{existing.definitionName}</Text>
          ) : (
            <NativeSelect
              label={t('instruments.results.instrument')}
              required
              data-autofocus
              data={[
                { value: '', label: t('instruments.results.choose') },
                ...choosable.map((d) => ({ value: d.id, label: d.name })),
              ]}
              value={definitionId}
              onChange={(e) => choose(e.currentTarget.value)}
              error={errors.definitionId}
            />
          )}
          {definition?.description && <Text size="sm">{definition.description}</Text>}
          <TextInput
            type="date"
            label={t('instruments.results.takenOn')}
            required
            max={today()}
            value={takenOn}
            onChange={(e) => setTakenOn(e.currentTarget.value)}
            error={errors.takenOn}
            maw={220}
          />
          {definition &&
            groupFields(fields).map(({ group, fields: inGroup }) => {
              const inputs = inGroup.map((field) => (
                <FieldInput
                  key={field.key}
                  field={field}
                  value={values[field.key] ?? ''}
                  onChange={(value) => setValue(field.key, value)}
                  error={errors[`values.${field.key}`]}
                />
              ));
              return group ? (
                <Fieldset
                  key={group}
                  legend={
                    <Title order={3} size="h5">
                      {group}
                    </Title>
                  }
                >
                  <Stack gap="sm">{inputs}</Stack>
                </Fieldset>
              ) : (
                <Stack key="" gap="sm">
                  {inputs}
                </Stack>
              );
            })}
          {definition && (
            <Textarea
              label={t('instruments.results.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
          )}
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
