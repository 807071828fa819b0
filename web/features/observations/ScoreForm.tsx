import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type CSSProperties, type FormEvent, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { observationContexts } from '#shared/observations';
import { FormError } from '../../components/FormError';
import { Pictogram } from '../competencies/Pictogram';
import { formatDate } from '../participants/dates';
import { ReadAloudButton } from './ReadAloudButton';
import classes from './ScoreForm.module.css';
import {
  checkValues,
  type FormVersion,
  noFieldErrors,
  pictogramKey,
  ratingsOf,
  type ScoreFieldErrors,
  type ScoreValues,
} from './scores';
import type { ReadAloud } from './useReadAloud';

/** Who fills in the form: the words change, the form stays the same. */
export type Audience = 'staff' | 'self' | 'mentor';

type Competency = FormVersion['competencies'][number];

interface Props {
  version: FormVersion;
  values: ScoreValues;
  onChange: (values: ScoreValues) => void;
  /** Called when the browser's own checks pass; the page sends the values. */
  onSubmit: () => void;
  audience: Audience;
  /** Staff choose where they saw it; a self-assessment is about the workfloor, a mentor's about the internship. */
  withContext?: boolean;
  today: string;
  /** Earliest date a score may carry (the participant's start, a mentor link's first day), when known. */
  earliestDate?: string | null;
  /** Errors the server gave on the last try. */
  serverErrors?: ScoreFieldErrors;
  /** A failure that belongs to no field. */
  formError?: string | null;
  pending: boolean;
  submitLabel: string;
  /** The self-assessment reads each competency aloud. */
  reader?: ReadAloud;
  /** Texts as the audience reads them: the self-assessment puts descriptions and indicators in the first person. */
  phrase?: (text: string) => string;
}

function focusFirstProblem(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid], [data-first-radio="true"]')?.focus();
  });
}

/**
 * The score form of observations, self-assessments and mentors: per competency a row of big tiles, one per scale
 * level (a native radio group: arrow keys move, a second tap on the chosen tile clears it), an optional note that
 * opens on demand; then the overall note, the context and the date. Only the competencies with a level are sent.
 */
export function ScoreForm(props: Props) {
  const { version, values, onChange, audience, today, earliestDate, serverErrors = noFieldErrors } = props;
  const { t } = useTranslation();
  const formId = useId();
  const [local, setLocal] = useState<ScoreFieldErrors>(noFieldErrors);
  const [form, setForm] = useState<HTMLFormElement | null>(null);

  const errors: ScoreFieldErrors = {
    observedOn: local.observedOn ?? serverErrors.observedOn,
    note: serverErrors.note,
    ratings: local.ratings ?? serverErrors.ratings,
    scores: serverErrors.scores,
    notes: serverErrors.notes,
  };
  const scored = ratingsOf(values, version).length;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = checkValues(values, version, { today, earliest: earliestDate });
    const next: ScoreFieldErrors = { scores: {}, notes: {} };
    if (problems.observedOn === 'required') next.observedOn = t('validation.required');
    if (problems.observedOn === 'future') next.observedOn = t('observations.form.dateFuture');
    if (problems.observedOn === 'too_early')
      next.observedOn = t('observations.form.dateTooEarly', { date: formatDate(earliestDate ?? today) });
    if (problems.ratings) next.ratings = t(`observations.form.${audience}.noScores`);
    flushSync(() => setLocal(next));
    if (next.observedOn || next.ratings) {
      focusFirstProblem(form);
      return;
    }
    props.onSubmit();
  }

  const setScore = (competencyId: string, score: number | undefined) => {
    const scores = { ...values.scores };
    if (score === undefined) delete scores[competencyId];
    else scores[competencyId] = score;
    if (local.ratings && score !== undefined) setLocal({ ...local, ratings: undefined });
    onChange({ ...values, scores });
  };

  return (
    <form ref={setForm} onSubmit={submit} noValidate aria-describedby={errors.ratings ? `${formId}-none` : undefined}>
      <Stack gap="md">
        {version.scale.map((level) => (
          <span key={level.value} id={`${formId}-meaning-${level.value}`} hidden>
            {level.meaning}
          </span>
        ))}
        {errors.ratings && (
          <Text id={`${formId}-none`} c="red.9" fw={700} role="alert">
            {errors.ratings}
          </Text>
        )}
        {version.competencies.map((competency, index) => (
          <CompetencyRow
            key={competency.id}
            formId={formId}
            first={index === 0 && !!errors.ratings}
            competency={competency}
            version={version}
            audience={audience}
            score={values.scores[competency.id]}
            note={values.notes[competency.id] ?? ''}
            scoreError={errors.scores[competency.id]}
            noteError={errors.notes[competency.id]}
            onScore={(score) => setScore(competency.id, score)}
            onNote={(note) => onChange({ ...values, notes: { ...values.notes, [competency.id]: note } })}
            reader={props.reader}
            phrase={props.phrase ?? ((text) => text)}
          />
        ))}

        <Card withBorder padding="sm">
          <Stack gap="md">
            <Textarea
              label={t(`observations.form.${audience}.overallNote`)}
              autosize
              minRows={2}
              maxLength={2000}
              value={values.note}
              error={errors.note}
              onChange={(event) => onChange({ ...values, note: event.currentTarget.value })}
            />
            {props.withContext && (
              <NativeSelect
                label={t('observations.form.context')}
                data={observationContexts.map((context) => ({
                  value: context,
                  label: t(`observations.contexts.${context}`),
                }))}
                value={values.context}
                onChange={(event) =>
                  onChange({ ...values, context: event.currentTarget.value as ScoreValues['context'] })
                }
              />
            )}
            <TextInput
              type="date"
              label={t(`observations.form.${audience}.date`)}
              required
              max={today}
              min={earliestDate ?? undefined}
              value={values.observedOn}
              error={errors.observedOn}
              onChange={(event) => {
                if (local.observedOn) setLocal({ ...local, observedOn: undefined });
                onChange({ ...values, observedOn: event.currentTarget.value });
              }}
            />
          </Stack>
        </Card>

        <Text size="sm" aria-live="polite">
          {t('observations.form.scoredCount', { count: scored, total: version.competencies.length })}
        </Text>
        <FormError message={props.formError ?? null} />
        <Button type="submit" size="lg" loading={props.pending} fullWidth>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

interface RowProps {
  formId: string;
  /** Gets the focus when the form was sent without any score. */
  first: boolean;
  competency: Competency;
  version: FormVersion;
  audience: Audience;
  score: number | undefined;
  note: string;
  scoreError?: string;
  noteError?: string;
  onScore: (score: number | undefined) => void;
  onNote: (note: string) => void;
  reader?: ReadAloud;
  phrase: (text: string) => string;
}

function CompetencyRow({ formId, first, competency, version, audience, score, note, ...row }: RowProps) {
  const { t } = useTranslation();
  // Open from the start when there is something to show; opened by the button, it takes the focus.
  const [noteOpen, setNoteOpen] = useState<'shown' | 'opened' | false>(note !== '' || row.noteError ? 'shown' : false);
  const base = `${formId}-${competency.id}`;
  const chosen = version.scale.find((level) => level.value === score);
  const indicator = score ? competency.indicators[score - 1] : undefined;
  const description = row.phrase(competency.description);
  const question = t(`observations.form.${audience}.question`);
  const spoken = [
    competency.name,
    description,
    question,
    t('observations.readAloud.choices', { choices: version.scale.map((l) => `${l.label}: ${l.meaning}`).join(' ') }),
  ].join(' ');

  return (
    <Card withBorder padding="sm" data-competency={competency.key}>
      <fieldset
        className={classes.competency}
        aria-describedby={[`${base}-description`, row.scoreError ? `${base}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend className={classes.legend}>{competency.name}</legend>
        <Stack gap="xs">
          <Text size="sm" id={`${base}-description`}>
            {description}
          </Text>
          {(audience === 'self' || row.reader) && (
            <Group justify="space-between" gap="xs">
              {audience === 'self' && <Text fw={700}>{question}</Text>}
              {row.reader && (
                <ReadAloudButton reader={row.reader} id={competency.id} text={spoken} subject={competency.name} />
              )}
            </Group>
          )}
          <div className={classes.scale}>
            <div
              className={classes.levels}
              style={{ '--levels-per-row': Math.min(version.scale.length, 5) } as CSSProperties}
            >
              {version.scale.map((level, index) => (
                <label key={level.value} className={classes.level}>
                  <input
                    type="radio"
                    className={classes.input}
                    name={base}
                    value={level.value}
                    checked={score === level.value}
                    aria-describedby={`${formId}-meaning-${level.value}`}
                    data-first-radio={first && index === 0 ? 'true' : undefined}
                    onChange={() => row.onScore(level.value)}
                    // A tap on the chosen level takes it back: "not scored" must stay reachable.
                    onClick={() => {
                      if (score === level.value) row.onScore(undefined);
                    }}
                  />
                  <Pictogram name={pictogramKey(level.pictogram)} size={28} />
                  <span>{level.label}</span>
                  <span className={classes.mark} aria-hidden="true">
                    ✓
                  </span>
                </label>
              ))}
            </div>
          </div>
          {chosen && (
            <Text size="sm" c="dimmed">
              {indicator ? row.phrase(indicator) : chosen.meaning}
            </Text>
          )}
          {row.scoreError && (
            <Text size="sm" c="red.9" id={`${base}-error`}>
              {row.scoreError}
            </Text>
          )}
          {noteOpen ? (
            <Textarea
              label={t(`observations.form.${audience}.noteFor`, { name: competency.name })}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              error={row.noteError}
              autoFocus={noteOpen === 'opened'}
              onChange={(event) => row.onNote(event.currentTarget.value)}
            />
          ) : (
            <Button
              variant="subtle"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              aria-label={t('observations.form.addNoteFor', { name: competency.name })}
              onClick={() => setNoteOpen('opened')}
            >
              {t('observations.form.addNote')}
            </Button>
          )}
        </Stack>
      </fieldset>
    </Card>
  );
}
