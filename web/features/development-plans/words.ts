import type { TFunction } from 'i18next';
import type { ComplianceStatus, LiveCompetency, LiveSkill, PlanEvidence } from '#shared/development-plans';
import { iluoLetters } from '#shared/iluo';
import { raterKinds } from '#shared/observations';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../participants/dates';

/** One compliance reason in plain words, with its date when it has one. */
export function reasonText(t: TFunction, reason: ComplianceStatus['reasons'][number]): string {
  const text = t(`developmentPlans.compliance.reasons.${reason.code}`);
  return reason.date
    ? t('developmentPlans.compliance.reasonOn', { reason: text, date: formatDate(reason.date) })
    : text;
}

export const complianceColor = {
  ok: 'groen',
  due: 'orange',
  late: 'red',
  incomplete: 'yellow',
  not_applicable: 'gray',
} as const;

/** Names of competencies (by key) and skills (by id) from every evidence at hand. */
export function namesFrom(...evidence: (PlanEvidence | null | undefined)[]) {
  const competencies = new Map<string, LiveCompetency>();
  const skills = new Map<string, LiveSkill>();
  for (const e of evidence) {
    for (const c of e?.competencies ?? []) if (!competencies.has(c.key)) competencies.set(c.key, c);
    for (const s of e?.skills ?? []) if (!skills.has(s.id)) skills.set(s.id, s);
  }
  return { competencies, skills };
}
export type Names = ReturnType<typeof namesFrom>;

export const competencyName = (t: TFunction, names: Names, key: string) =>
  names.competencies.get(key)?.name ?? t('developmentPlans.view.unknown', { key });
export const skillName = (t: TFunction, names: Names, id: string) =>
  names.skills.get(id)?.name ?? t('developmentPlans.view.unknown', { key: id.slice(0, 8) });

/** "Werkleider 3/5 · Zelf 4/5 · verwacht: 3": the latest score of each rater, never averaged. */
export function competencyScores(t: TFunction, c: LiveCompetency): string {
  const parts = raterKinds.flatMap((kind) => {
    const latest = c.latest[kind];
    return latest ? [`${t(`competencyProfile.raters.${kind}`)} ${latest.score}/${c.scaleMax}`] : [];
  });
  if (c.currentExpected !== null) parts.push(t('developmentPlans.editor.expected', { level: c.currentExpected }));
  return parts.join(' · ');
}

/** "U · Groendienst" : the ILUO letter now, and the team. */
export function skillLevel(t: TFunction, s: LiveSkill): string {
  const level =
    s.level === null
      ? t('developmentPlans.editor.skillNoLevel')
      : t('developmentPlans.editor.skillLevel', { level: iluoLetters[s.level as 1 | 2 | 3 | 4] });
  return `${level} · ${s.team}`;
}

const locales = { nl: 'nl-BE', en: 'en-GB' } as const;

/** The calendar day of a moment (an ISO date-time), in the reader's time zone: "3 maart 2026". */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'long' }).format(new Date(iso));
}
