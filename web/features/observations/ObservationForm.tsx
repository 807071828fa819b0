import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion, RateableParticipant } from '../../lib/api';
import { today } from '../participants/dates';
import { newClientKey } from './clientKey';
import { draftKey, useDraft } from './drafts';
import { saveErrors } from './fieldErrors';
import type { Outbox } from './outbox';
import { ScoreForm } from './ScoreForm';
import { commonBody, emptyValues, fitToVersion, noFieldErrors, type ScoreFieldErrors } from './scores';

/** How a save ended: stored on the server, or waiting in the outbox for a connection. */
export type SaveResult = { kind: 'saved' | 'offline' | 'failed'; participant: RateableParticipant };

interface Props {
  userId: string;
  participant: RateableParticipant;
  version: FrameworkVersion;
  outbox: Outbox;
  onDone: (result: SaveResult) => void;
}

/**
 * A supervisor's or coach's observation of one participant. Every save goes through the outbox with a new clientKey:
 * when the connection is gone it simply stays there (and the draft is emptied, the outbox has it now); when the
 * server refuses it, it comes back here with the errors on the fields.
 */
export function ObservationForm({ userId, participant, version, outbox, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useDraft(
    draftKey(userId, participant.id),
    version.id,
    () => emptyValues(today(), 'werkvloer'),
    (values) => fitToVersion(values, version),
  );
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<ScoreFieldErrors>(noFieldErrors);
  const [formError, setFormError] = useState<string | null>(null);
  const name = `${participant.firstName} ${participant.lastName}`;

  async function save() {
    setFieldErrors(noFieldErrors);
    setFormError(null);
    const clientKey = newClientKey();
    const body = { participantId: participant.id, context: draft.values.context, ...commonBody(draft.values, version) };
    outbox.add({ clientKey, path: '/observations', label: name, body: { ...body, clientKey } });
    setPending(true);
    const outcome = await outbox.send(clientKey);
    setPending(false);
    if (outcome.kind === 'refused') {
      // The form still holds everything: fixing it here is easier than in the outbox list.
      outbox.remove(clientKey);
      const errors = saveErrors(t, outcome.refusal, body.ratings);
      setFieldErrors(errors.fields);
      setFormError(errors.message);
      return;
    }
    draft.reset();
    if (outcome.kind === 'sent' || outcome.kind === 'missing') {
      await queryClient.invalidateQueries({ queryKey: ['observations'] });
      onDone({ kind: 'saved', participant });
    } else {
      onDone({ kind: outcome.kind === 'offline' ? 'offline' : 'failed', participant });
    }
  }

  return (
    <>
      {draft.restored && (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('observations.newPage.restored')}</Text>
            <Button size="xs" variant="default" onClick={draft.reset}>
              {t('observations.newPage.discardDraft')}
            </Button>
          </Group>
        </Alert>
      )}
      <ScoreForm
        version={version}
        values={draft.values}
        onChange={draft.setValues}
        onSubmit={() => void save()}
        audience="staff"
        withContext
        today={today()}
        serverErrors={fieldErrors}
        formError={formError}
        pending={pending}
        submitLabel={t('observations.newPage.submit')}
      />
    </>
  );
}
