import { z } from 'zod';
import { id, isoDate, shortText } from './common';
import { COVERAGE_LEVEL, isTrainingNeed } from './iluo-levels';
import { pastDate } from './participants';

/**
 * The ILUO matrix: technical skills (tasks) per team and, per person and skill, a level 1–4.
 * I = in training, L = can do it with help, U = can do it alone, O = can train others.
 * Participants and the team's supervisors (staff) are both in the matrix.
 */

// The levels and their words live without zod, so the participant's first load can name them (test/bundle-budget).
export * from './iluo-levels';

export const MAX_SKILLS_PER_TEAM = 120;

const level = z.number().int().min(1).max(4);
const groupName = z.string().trim().max(60);
const description = z.string().trim().max(500).nullish();
const staffUserId = z.string().min(1).max(64);
const note = z.string().trim().max(1000).nullish();

// ---------- skills ----------

export const skill = z.object({
  id,
  teamId: id,
  /** A heading in the matrix, e.g. "Snoeien"; empty for skills without a group. */
  groupName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Critical skills are flagged when nobody, or only one person, covers them. */
  critical: z.boolean(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type Skill = z.infer<typeof skill>;
export const skillList = z.object({ items: z.array(skill) });

export const skillListQuery = z.strictObject({ archived: z.enum(['true', 'false']).default('false') });

export const skillCreateBody = z.strictObject({
  name: shortText(80),
  groupName: groupName.default(''),
  description,
  critical: z.boolean().default(false),
});

export const skillUpdateBody = z
  .strictObject({
    name: shortText(80).optional(),
    groupName: groupName.optional(),
    description,
    critical: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Change at least one field');

/** PUT /teams/:id/skills/order: every current (not archived) skill of the team once, in the new order. */
export const skillOrderBody = z.strictObject({
  skillIds: z
    .array(id)
    .min(1)
    .max(MAX_SKILLS_PER_TEAM)
    .refine((ids) => new Set(ids).size === ids.length, 'Each skill once'),
});

// ---------- levels ----------

/** Exactly one of participantId and userId: the level is about a participant or about a staff member. */
const oneSubject = <T extends { participantId?: string; userId?: string }>(body: T, ctx: z.RefinementCtx) => {
  if ((body.participantId === undefined) === (body.userId === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['participantId'],
      message: 'Give a participantId or a userId (one of them)',
    });
  }
};

export const skillLevelCreateBody = z
  .strictObject({
    skillId: id,
    participantId: id.optional(),
    userId: staffUserId.optional(),
    level,
    /** Not in the future; for a participant not before their first start. */
    assessedOn: pastDate,
    note,
  })
  .superRefine(oneSubject);
export type SkillLevelCreateBody = z.infer<typeof skillLevelCreateBody>;

export const skillHistoryQuery = z
  .strictObject({ participantId: id.optional(), userId: staffUserId.optional() })
  .superRefine(oneSubject);

export const personKinds = ['participant', 'staff'] as const;
export type PersonKind = (typeof personKinds)[number];

/** Someone in the matrix: a participant (id = dossier id) or a supervisor of the team (id = user id). */
export const iluoPerson = z.object({ kind: z.enum(personKinds), id: z.string(), name: z.string() });
export type IluoPerson = z.infer<typeof iluoPerson>;

export const skillLevelEntry = z.object({
  id,
  skillId: id,
  person: iluoPerson,
  level,
  assessedOn: isoDate,
  assessor: z.object({ id: z.string(), name: z.string() }),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type SkillLevelEntry = z.infer<typeof skillLevelEntry>;
export const skillHistory = z.object({ items: z.array(skillLevelEntry) });

// ---------- the matrix ----------

/** The current level of one person for one skill (the latest assessment). */
export const matrixCell = z.object({
  skillId: id,
  personId: z.string(),
  level,
  assessedOn: isoDate,
  assessorName: z.string(),
});
export type MatrixCell = z.infer<typeof matrixCell>;

/** DELETE /skill-levels/:id answers with the person's level for that skill after the delete (or none). */
export const skillLevelDeleted = z.object({ current: matrixCell.nullable() });

export const skillFlags = ['no_coverage', 'single_point_of_failure'] as const;
export type SkillFlag = (typeof skillFlags)[number];

export const matrixSkill = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  critical: z.boolean(),
  position: z.number().int(),
  /** How many people in the matrix are at U or O. */
  coverage: z.number().int(),
  flag: z.enum(skillFlags).nullable(),
});
export type MatrixSkill = z.infer<typeof matrixSkill>;

export const matrixGroup = z.object({ name: z.string(), skills: z.array(matrixSkill) });
export type MatrixGroup = z.infer<typeof matrixGroup>;

/** Someone at I or L for a skill. */
export interface TrainingNeed {
  skillId: string;
  personId: string;
  level: number;
}

export const iluoLabel = z.object({
  level,
  letter: z.enum(['I', 'L', 'U', 'O']),
  label: z.string(),
  meaning: z.string(),
  /** False: the built-in words (the web shows them in the reader's language). */
  custom: z.boolean(),
});
export type IluoLabel = z.infer<typeof iluoLabel>;
export const iluoLabels = z.object({ items: z.array(iluoLabel) });

/** A person's current level for one skill in the matrix; `assessor` is a position in the matrix's `assessors`. */
export const matrixLevel = z.object({ level, assessedOn: isoDate, assessor: z.number().int().nonnegative() });
export type MatrixLevel = z.infer<typeof matrixLevel>;

export const iluoMatrix = z.object({
  team: z.object({ id, name: z.string() }),
  labels: z.array(iluoLabel),
  /** Groups in the order of their first skill; skills by position. */
  groups: z.array(matrixGroup),
  /** Active participants of the team (by name), then its supervisors (by name). */
  people: z.array(iluoPerson),
  /** The names of those who assessed the levels, each once. */
  assessors: z.array(z.string()),
  /**
   * The current levels as a grid: a row per person in the order of `people`, a column per skill in the order of the
   * groups' skills, null where nobody has a level. No ids per cell: a busy team has 15,000 cells, and repeating two
   * ids and a name in each made the answer a megabyte. `matrixCells` gives the cells with their ids.
   */
  levels: z.array(z.array(matrixLevel.nullable())),
  /** What the caller may do here: define skills (admin or a supervisor of the team), set levels. */
  canManage: z.boolean(),
  canAssess: z.boolean(),
});
export type IluoMatrix = z.infer<typeof iluoMatrix>;

export const pdfSizes = ['A4', 'A3'] as const;
export type PdfSize = (typeof pdfSizes)[number];
export const matrixPdfQuery = z.strictObject({ size: z.enum(pdfSizes).default('A4') });

/** PUT /iluo-labels: the organisation's words for all four levels, I first. */
export const iluoLabelsBody = z.strictObject({
  items: z
    .array(z.strictObject({ level, label: shortText(40), meaning: shortText(300) }))
    .length(4)
    .refine((items) => items.every((item, i) => item.level === i + 1), 'Give the levels 1, 2, 3 and 4 in order'),
});

// ---------- rules (pure, shared by the server, the web and the tests) ----------

interface LevelOf {
  skillId: string;
  personId: string;
  level: number;
}

/** Per skill: how many of `people` are at U or O. Cells of people outside the matrix do not count. */
export function coverageBySkill(
  skillIds: readonly string[],
  personIds: readonly string[],
  cells: readonly LevelOf[],
): Map<string, number> {
  const inMatrix = new Set(personIds);
  const coverage = new Map(skillIds.map((skillId) => [skillId, 0]));
  for (const cell of cells) {
    const count = coverage.get(cell.skillId);
    if (count === undefined || !inMatrix.has(cell.personId) || cell.level < COVERAGE_LEVEL) continue;
    coverage.set(cell.skillId, count + 1);
  }
  return coverage;
}

/** Only critical skills are flagged: nobody can do it alone, or only one person can. */
export function skillFlag(critical: boolean, coverage: number): SkillFlag | null {
  if (!critical) return null;
  if (coverage === 0) return 'no_coverage';
  if (coverage === 1) return 'single_point_of_failure';
  return null;
}

/** People at I or L, in skill order and then in the matrix's order of people. */
export function trainingNeedsOf(
  skillIds: readonly string[],
  personIds: readonly string[],
  cells: readonly LevelOf[],
): TrainingNeed[] {
  // Per skill a map of people: no composite string key per cell (a team of 220 × 40 skills made 11,000 of them).
  const bySkill = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    let people = bySkill.get(cell.skillId);
    if (!people) {
      people = new Map();
      bySkill.set(cell.skillId, people);
    }
    people.set(cell.personId, cell.level);
  }
  const needs: TrainingNeed[] = [];
  for (const skillId of skillIds) {
    const people = bySkill.get(skillId);
    if (!people) continue;
    for (const personId of personIds) {
      const found = people.get(personId);
      if (found !== undefined && isTrainingNeed(found)) needs.push({ skillId, personId, level: found });
    }
  }
  return needs;
}

/** Every level in a matrix as a cell with its skill and person, skill by skill, people in the matrix's order. */
export function matrixCells(matrix: Pick<IluoMatrix, 'groups' | 'people' | 'assessors' | 'levels'>): MatrixCell[] {
  const skills = matrix.groups.flatMap((g) => g.skills);
  const cells: MatrixCell[] = [];
  skills.forEach((skill, col) => {
    matrix.people.forEach((person, row) => {
      const found = matrix.levels[row]?.[col];
      if (!found) return;
      cells.push({
        skillId: skill.id,
        personId: person.id,
        level: found.level,
        assessedOn: found.assessedOn,
        assessorName: matrix.assessors[found.assessor] ?? '',
      });
    });
  });
  return cells;
}

/** One person's current level for one skill in a matrix, or null. */
export function levelAt(
  matrix: Pick<IluoMatrix, 'groups' | 'people' | 'levels'>,
  skillId: string,
  personId: string,
): MatrixLevel | null {
  const col = matrix.groups.flatMap((g) => g.skills).findIndex((s) => s.id === skillId);
  const row = matrix.people.findIndex((p) => p.id === personId);
  return matrix.levels[row]?.[col] ?? null;
}

/** The training needs of a matrix: skill by skill, people in the matrix's order. */
export const matrixTrainingNeeds = (matrix: Pick<IluoMatrix, 'groups' | 'people' | 'assessors' | 'levels'>) =>
  trainingNeedsOf(
    matrix.groups.flatMap((g) => g.skills.map((s) => s.id)),
    matrix.people.map((p) => p.id),
    matrixCells(matrix),
  );

/** The latest assessment of a history: by the date it is about, then by when it was recorded. */
export function latestAssessment<T extends { assessedOn: string; createdAt: string }>(history: readonly T[]) {
  let latest: T | undefined;
  for (const entry of history) {
    if (
      !latest ||
      entry.assessedOn > latest.assessedOn ||
      (entry.assessedOn === latest.assessedOn && entry.createdAt > latest.createdAt)
    ) {
      latest = entry;
    }
  }
  return latest;
}

/**
 * The four-quarter ILUO symbol: a circle cut in quarters, one quarter filled per level, clockwise from 12 o'clock
 * (I = one quarter, L = the right half, U = three quarters, O = the whole circle). The filled part as one polygon
 * (the centre, then points on the arc), so the web's SVG and the PDF's vector canvas draw exactly the same shape.
 */
export function iluoFilledPolygon(level: number, cx: number, cy: number, r: number, stepsPerQuarter = 8) {
  const quarters = Math.max(0, Math.min(4, Math.trunc(level)));
  if (quarters === 0) return [];
  const points = [{ x: cx, y: cy }];
  const steps = quarters * stepsPerQuarter;
  for (let i = 0; i <= steps; i++) {
    // 0 rad is 12 o'clock; angles grow clockwise (y grows downwards on screen and in the PDF canvas).
    const angle = ((i / stepsPerQuarter) * Math.PI) / 2;
    points.push({ x: round(cx + r * Math.sin(angle)), y: round(cy - r * Math.cos(angle)) });
  }
  return points;
}

const round = (n: number) => Math.round(n * 100) / 100;
