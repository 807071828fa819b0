import type { FrameworkInput, ScaleLevel } from '#shared/competencies';
import { defaultFramework, defaultJobProfiles } from '../../../server/modules/competencies/default-framework';
import { type Random, stableId, timestampOn } from '../random';
import type {
  CompetencyRecord,
  FrameworkRecord,
  FrameworkVersionRecord,
  JobProfileExpectationRecord,
  JobProfileRecord,
  ParticipantJobProfileRecord,
} from '../records';
import type { PathEvent } from './periods';

/**
 * The default framework "11 kerncompetenties" of every organisation, with the job profiles of the career ladder,
 * as rows. An organisation that has used Groeipad for years went through two versions: version 1 had the school-like
 * scale words of the old paper forms, version 2 (the shipped default) the plain words a participant understands.
 * Keys are the same in both, so evolution lines run on across the version marker.
 */

/** The scale of the old paper forms, before the plain-language rewrite. */
const paperFormScale: ScaleLevel[] = [
  { value: 1, label: 'Onvoldoende', meaning: 'Voldoet niet aan de verwachting.', pictogram: 'seed' },
  { value: 2, label: 'Matig', meaning: 'Voldoet soms aan de verwachting.', pictogram: 'sprout' },
  { value: 3, label: 'Goed', meaning: 'Voldoet aan de verwachting.', pictogram: 'plant' },
  { value: 4, label: 'Zeer goed', meaning: 'Doet meer dan verwacht.', pictogram: 'tree' },
];

export interface BuiltVersion {
  version: FrameworkVersionRecord;
  /** By key, in the framework's order. */
  competencies: CompetencyRecord[];
  scaleLength: number;
  /** First day observations use this version. */
  from: string;
}

export interface BuiltFramework {
  framework: FrameworkRecord;
  versions: BuiltVersion[];
  jobProfiles: JobProfileRecord[];
  expectations: JobProfileExpectationRecord[];
  /** Job profile ids by ladder step (1 arbeider … 4 omkadering). */
  profileByStep: Map<number, string>;
}

/**
 * The framework rows of one organisation. `versionDates` gives the first day of each version, oldest first: one
 * date gives only the shipped default; two give the paper-form version 1 and the default as version 2.
 */
export function frameworkRecords(
  seed: number | string,
  organisation: { id: string; index: number },
  versionDates: readonly string[],
): BuiltFramework {
  const organisationId = organisation.id;
  const frameworkId = stableId(seed, 'framework', organisation.index);
  const first = versionDates[0];
  if (!first) throw new Error('a framework needs at least one version');
  const contents: FrameworkInput[] =
    versionDates.length > 1 ? [{ ...defaultFramework, scale: paperFormScale }, defaultFramework] : [defaultFramework];
  const versions = contents.map((content, i): BuiltVersion => {
    const from = versionDates[i] as string;
    const versionId = stableId(seed, 'framework-version', organisation.index, i + 1);
    return {
      from,
      scaleLength: content.scale.length,
      version: {
        id: versionId,
        organisationId,
        frameworkId,
        number: i + 1,
        scale: content.scale,
        createdAt: timestampOn(from, -60),
      },
      competencies: content.competencies.map((c, position) => ({
        id: stableId(seed, 'competency', organisation.index, i + 1, c.key),
        organisationId,
        versionId,
        key: c.key,
        position,
        name: c.name,
        description: c.description,
        indicators: c.indicators,
        escoUri: c.escoUri ?? null,
        escoLabel: c.escoLabel ?? null,
      })),
    };
  });
  const createdAt = timestampOn(first, -120);
  const jobProfiles = defaultJobProfiles.map((p, i) => ({
    id: stableId(seed, 'job-profile', organisation.index, i),
    organisationId,
    frameworkId,
    name: p.name,
    description: p.description ?? null,
    ladderStep: p.ladderStep,
    workMode: p.workMode,
    createdAt,
  }));
  return {
    framework: {
      id: frameworkId,
      organisationId,
      name: defaultFramework.name,
      description: defaultFramework.description ?? null,
      isDefault: true,
      createdAt,
    },
    versions,
    jobProfiles,
    expectations: defaultJobProfiles.flatMap((p, i) =>
      p.expectations.map((e) => ({
        organisationId,
        jobProfileId: (jobProfiles[i] as JobProfileRecord).id,
        competencyKey: e.competencyKey,
        level: e.level,
      })),
    ),
    profileByStep: new Map(jobProfiles.map((p) => [p.ladderStep, p.id])),
  };
}

/** The version in use on a day: the newest that had started by then. */
export function versionOn(framework: BuiltFramework, date: string): BuiltVersion {
  let current = framework.versions[0] as BuiltVersion;
  for (const v of framework.versions) if (v.from <= date) current = v;
  return current;
}

/**
 * Most people at work have a job profile: arbeider, or hulpmeestergast after a promotion; some have the next rung
 * as their target. Set by the first coach, on the day of the last event that made it true.
 */
export function participantJobProfileRecord(
  random: Random,
  input: {
    organisationId: string;
    participantId: string;
    coachId: string | null;
    events: readonly PathEvent[];
    framework: BuiltFramework;
  },
): ParticipantJobProfileRecord | undefined {
  const started = input.events.find((e) => e.kind === 'start');
  if (!started || !random.chance(0.7)) return undefined;
  const promotion = input.events.find((e) => e.kind === 'promotion');
  const currentStep = promotion ? 2 : 1;
  const target = random.chance(promotion ? 0.5 : 0.35) ? currentStep + 1 : undefined;
  return {
    organisationId: input.organisationId,
    participantId: input.participantId,
    currentProfileId: input.framework.profileByStep.get(currentStep) ?? null,
    targetProfileId: target ? (input.framework.profileByStep.get(target) ?? null) : null,
    updatedBy: input.coachId,
    updatedAt: timestampOn((promotion ?? started).date, 240),
  };
}
