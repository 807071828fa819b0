import {
  type FrameworkDetail,
  type FrameworkInput,
  type FrameworkVersion,
  type Pictogram,
  type ScaleLevel,
  sameVersionContent,
} from '#shared/competencies';

/**
 * The editor's working copy of a framework. Every level and competency carries a `uid` for React and for focus
 * after a move; `isNew` marks competencies added in this session (their key may still be typed). Both are left
 * out of the request body.
 */
export type LevelDraft = {
  uid: string;
  label: string;
  meaning: string;
  pictogram: Pictogram;
};

export type CompetencyDraft = {
  uid: string;
  isNew: boolean;
  key: string;
  name: string;
  description: string;
  indicators: string[];
  escoUri: string | null;
  escoLabel: string | null;
};

export type FrameworkDraft = {
  name: string;
  description: string;
  scale: LevelDraft[];
  competencies: CompetencyDraft[];
};

let uidCounter = 0;
export const newUid = () => `d${++uidCounter}`;

const defaultPictograms: Pictogram[] = ['seed', 'sprout', 'plant', 'tree', 'star', 'thumb_up', 'check', 'flag'];

export const newLevel = (index: number): LevelDraft => ({
  uid: newUid(),
  label: '',
  meaning: '',
  pictogram: defaultPictograms[index % defaultPictograms.length] ?? 'check',
});

export const newCompetency = (levels: number): CompetencyDraft => ({
  uid: newUid(),
  isNew: true,
  key: '',
  name: '',
  description: '',
  indicators: Array.from({ length: levels }, () => ''),
  escoUri: null,
  escoLabel: null,
});

export function draftOf(name: string, description: string | null, version: FrameworkVersion): FrameworkDraft {
  return {
    name,
    description: description ?? '',
    scale: version.scale.map((l) => ({ uid: newUid(), label: l.label, meaning: l.meaning, pictogram: l.pictogram })),
    competencies: version.competencies.map((c) => ({
      uid: newUid(),
      isNew: false,
      key: c.key,
      name: c.name,
      description: c.description,
      indicators: [...c.indicators],
      escoUri: c.escoUri,
      escoLabel: c.escoLabel,
    })),
  };
}

/** A new framework starts from four empty levels and one empty competency. */
export const blankDraft = (): FrameworkDraft => ({
  name: '',
  description: '',
  scale: [0, 1, 2, 3].map(newLevel),
  competencies: [newCompetency(4)],
});

/** "Omgaan met feedback" → "omgaan_met_feedback": the code rules of shared/lists.ts (a letter first, at most 40). */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug.length >= 2 ? slug : '';
}

export function toBody(draft: FrameworkDraft): FrameworkInput {
  const scale: ScaleLevel[] = draft.scale.map((l, i) => ({
    value: i + 1,
    label: l.label.trim(),
    meaning: l.meaning.trim(),
    pictogram: l.pictogram,
  }));
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    scale,
    competencies: draft.competencies.map((c) => ({
      key: c.key.trim() || keyFromName(c.name),
      name: c.name.trim(),
      description: c.description.trim(),
      indicators: c.indicators.map((text) => text.trim()),
      escoUri: c.escoUri,
      escoLabel: c.escoLabel,
    })),
  };
}

/**
 * The number of the version this save would create, or null when it changes the current one in place (no ratings
 * yet) or changes nothing a version holds (the name and description are the framework's). The server decides the
 * same way (server/modules/competencies/save.ts); a rating given meanwhile is not seen here.
 */
export function versionCreatedBy(framework: FrameworkDetail, body: FrameworkInput): number | null {
  const rated = (framework.versions.find((v) => v.id === framework.current.id)?.ratingCount ?? 0) > 0;
  return rated && !sameVersionContent(framework.current, body) ? framework.currentVersion + 1 : null;
}
