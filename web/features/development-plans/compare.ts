import type { PlanAction, PlanCompetencies, PlanContent, PlanGoal } from '#shared/development-plans';

/** The parts of a plan that hold one value each; compared as text. */
export const planSections = [
  'summary',
  'jobTarget',
  'escoOccupation',
  'dreams',
  'workMode',
  'workModeReason',
  'support',
  'nextReviewDate',
] as const;
export type PlanSection = (typeof planSections)[number];

export const competencyLists = ['genericCurrent', 'genericFuture', 'technicalCurrent', 'technicalFuture'] as const;
export type CompetencyList = (typeof competencyLists)[number];

export const goalFields = ['what', 'evidence', 'why', 'dueDate', 'competencyKeys', 'skillIds'] as const;
export type GoalField = (typeof goalFields)[number];
export const actionFields = ['what', 'owner', 'ownerName', 'dueDate', 'status', 'goalKey'] as const;
export type ActionField = (typeof actionFields)[number];

export interface SectionChange {
  section: PlanSection;
  before: string;
  after: string;
}

export interface CompetencyChange {
  list: CompetencyList;
  added: string[];
  removed: string[];
}

export type ItemChange<Item, Field extends keyof Item> =
  | { kind: 'added'; key: string; before: null; after: Item; fields: Field[] }
  | { kind: 'removed'; key: string; before: Item; after: null; fields: Field[] }
  | { kind: 'changed'; key: string; before: Item; after: Item; fields: Field[] };

export type GoalChange = ItemChange<PlanGoal, GoalField>;
export type ActionChange = ItemChange<PlanAction, ActionField>;

export interface PlanComparison {
  sections: SectionChange[];
  competencies: CompetencyChange[];
  goals: GoalChange[];
  actions: ActionChange[];
}

/** One section as the text a reader sees; an ESCO occupation by its label and address. */
export function sectionText(content: PlanContent, section: PlanSection): string {
  switch (section) {
    case 'escoOccupation':
      return content.escoOccupation ? `${content.escoOccupation.label} (${content.escoOccupation.uri})` : '';
    case 'workMode':
      return content.workMode ?? '';
    case 'nextReviewDate':
      return content.nextReviewDate ?? '';
    default:
      return content[section];
  }
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

function compareItems<Item extends { key: string }, Field extends keyof Item>(
  before: readonly Item[],
  after: readonly Item[],
  fields: readonly Field[],
): ItemChange<Item, Field>[] {
  const old = new Map(before.map((item) => [item.key, item]));
  const now = new Map(after.map((item) => [item.key, item]));
  const changes: ItemChange<Item, Field>[] = [];
  // In the order of the newer plan, then what was removed in the order of the older one.
  for (const item of after) {
    const was = old.get(item.key);
    if (!was) {
      changes.push({ kind: 'added', key: item.key, before: null, after: item, fields: [...fields] });
      continue;
    }
    const differ = fields.filter((field) => !same(was[field], item[field]));
    if (differ.length) changes.push({ kind: 'changed', key: item.key, before: was, after: item, fields: differ });
  }
  for (const item of before) {
    if (!now.has(item.key))
      changes.push({ kind: 'removed', key: item.key, before: item, after: null, fields: [...fields] });
  }
  return changes;
}

function compareCompetencies(before: PlanCompetencies, after: PlanCompetencies): CompetencyChange[] {
  const changes: CompetencyChange[] = [];
  for (const list of competencyLists) {
    const old = new Set(before[list]);
    const now = new Set(after[list]);
    const added = after[list].filter((k) => !old.has(k));
    const removed = before[list].filter((k) => !now.has(k));
    if (added.length || removed.length) changes.push({ list, added, removed });
  }
  return changes;
}

/**
 * What changed from one plan to the next: per section the text before and after, the competencies chosen or dropped
 * per list, and goals and actions added, removed or changed, matched by their stable key.
 */
export function comparePlans(before: PlanContent, after: PlanContent): PlanComparison {
  const sections: SectionChange[] = [];
  for (const section of planSections) {
    const was = sectionText(before, section);
    const now = sectionText(after, section);
    if (was !== now) sections.push({ section, before: was, after: now });
  }
  return {
    sections,
    competencies: compareCompetencies(before.competencies, after.competencies),
    goals: compareItems(before.goals, after.goals, goalFields),
    actions: compareItems(before.actions, after.actions, actionFields),
  };
}

export const changeCount = (c: PlanComparison) =>
  c.sections.length + c.competencies.length + c.goals.length + c.actions.length;

export const hasChanges = (c: PlanComparison) => changeCount(c) > 0;
