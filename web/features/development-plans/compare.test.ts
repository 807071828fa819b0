import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PlanAction,
  type PlanContent,
  type PlanGoal,
  planAction,
  planContent,
  planGoal,
} from '#shared/development-plans';
import { actionFields, changeCount, comparePlans, competencyLists, goalFields, sectionText } from './compare';

const keys: [string, string, string, string] = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
  '00000000-0000-4000-8000-000000000004',
];
const empty = (): PlanContent => planContent.parse({});

const goal = (key: string, what: string, extra: Partial<PlanGoal> = {}): PlanGoal => ({
  key,
  what,
  evidence: '',
  why: '',
  dueDate: '2026-09-01',
  competencyKeys: [],
  skillIds: [],
  ...extra,
});
const action = (key: string, what: string, extra: Partial<PlanAction> = {}): PlanAction => ({
  key,
  what,
  owner: 'participant',
  ownerName: '',
  dueDate: '2026-08-01',
  status: 'open',
  goalKey: null,
  ...extra,
});

describe('comparePlans', () => {
  it('finds nothing between two empty plans', () => {
    expect(changeCount(comparePlans(empty(), empty()))).toBe(0);
  });

  it('names the changed text of a section with its text before and after', () => {
    const after = { ...empty(), summary: 'Ik ben Yusuf.', workMode: 'uitvoerend' as const };
    const result = comparePlans(empty(), after);
    expect(result.sections).toEqual([
      { section: 'summary', before: '', after: 'Ik ben Yusuf.' },
      { section: 'workMode', before: '', after: 'uitvoerend' },
    ]);
  });

  it('matches goals and actions by key: added, removed and changed, with the fields that changed', () => {
    const before = {
      ...empty(),
      goals: [goal(keys[0], 'Heftruckbrevet'), goal(keys[1], 'Op tijd komen')],
      actions: [action(keys[2], 'Cursus zoeken')],
    };
    const after = {
      ...empty(),
      goals: [goal(keys[1], 'Elke dag op tijd komen', { dueDate: '2026-10-01' }), goal(keys[3], 'Rijbewijs B')],
      actions: [action(keys[2], 'Cursus zoeken', { status: 'done' })],
    };
    const result = comparePlans(before, after);
    expect(result.goals.map((g) => [g.kind, g.key])).toEqual([
      ['changed', keys[1]],
      ['added', keys[3]],
      ['removed', keys[0]],
    ]);
    expect(result.goals[0]?.fields).toEqual(['what', 'dueDate']);
    expect(result.actions).toEqual([
      { kind: 'changed', key: keys[2], before: before.actions[0], after: after.actions[0], fields: ['status'] },
    ]);
  });

  it('lists the competencies chosen and dropped per list', () => {
    const before = {
      ...empty(),
      competencies: { ...empty().competencies, genericCurrent: ['stiptheid', 'samenwerken'] },
    };
    const after = {
      ...empty(),
      competencies: { ...empty().competencies, genericCurrent: ['samenwerken', 'initiatief'] },
    };
    expect(comparePlans(before, after).competencies).toEqual([
      { list: 'genericCurrent', added: ['initiatief'], removed: ['stiptheid'] },
    ]);
  });
});

// ---------- properties ----------

const date = fc.constantFrom('2026-01-15', '2026-06-30', '2027-02-01');
const word = fc.constantFrom('', 'a', 'b', 'Ik werk graag buiten.');
const arbGoal = fc.record({
  key: fc.constantFrom(...keys),
  what: fc.constantFrom('doel 1', 'doel 2'),
  evidence: word,
  why: word,
  dueDate: date,
  competencyKeys: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }),
  skillIds: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 2 }),
});
const arbAction = fc.record({
  key: fc.constantFrom(...keys),
  what: fc.constantFrom('actie 1', 'actie 2'),
  owner: fc.constantFrom('participant', 'coach', 'supervisor', 'other'),
  ownerName: word,
  dueDate: date,
  status: fc.constantFrom('open', 'busy', 'done'),
  goalKey: fc.option(fc.constantFrom(...keys), { nil: null }),
});
const list = fc.uniqueArray(fc.constantFrom<string>('x', 'y', 'z', keys[0], keys[1]), { maxLength: 4 });
const arbPlan: fc.Arbitrary<PlanContent> = fc.record({
  summary: word,
  jobTarget: word,
  escoOccupation: fc.option(
    fc.record({
      uri: fc.constantFrom('http://data.europa.eu/esco/occupation/1'),
      label: fc.constantFrom('Kok', 'Bakker'),
    }),
    { nil: null },
  ),
  dreams: word,
  workMode: fc.constantFrom(null, 'uitvoerend', 'inzichtelijk'),
  workModeReason: word,
  competencies: fc.record({ genericCurrent: list, genericFuture: list, technicalCurrent: list, technicalFuture: list }),
  goals: fc.uniqueArray(arbGoal, { selector: (g) => g.key, maxLength: 3 }),
  actions: fc.uniqueArray(arbAction, { selector: (a) => a.key, maxLength: 3 }),
  support: word,
  nextReviewDate: fc.option(date, { nil: null }),
});

/** A plan with its lists in one order: what a comparison by key does not look at. */
const normal = (p: PlanContent) => ({
  ...p,
  competencies: Object.fromEntries(competencyLists.map((l) => [l, [...p.competencies[l]].sort()])),
  goals: [...p.goals].sort((a, b) => a.key.localeCompare(b.key)),
  actions: [...p.actions].sort((a, b) => a.key.localeCompare(b.key)),
});

describe('comparePlans, for any two plans', () => {
  it('finds no change between a plan and itself', () => {
    fc.assert(
      fc.property(arbPlan, (a) => {
        expect(changeCount(comparePlans(a, structuredClone(a)))).toBe(0);
      }),
    );
  });

  it('reports only real differences', () => {
    fc.assert(
      fc.property(arbPlan, arbPlan, (a, b) => {
        const result = comparePlans(a, b);
        for (const change of result.sections) {
          expect(change.before).toBe(sectionText(a, change.section));
          expect(change.after).toBe(sectionText(b, change.section));
          expect(change.before).not.toBe(change.after);
        }
        for (const change of result.competencies) {
          for (const k of change.added) {
            expect(b.competencies[change.list]).toContain(k);
            expect(a.competencies[change.list]).not.toContain(k);
          }
          for (const k of change.removed) {
            expect(a.competencies[change.list]).toContain(k);
            expect(b.competencies[change.list]).not.toContain(k);
          }
        }
        const check = <Item extends { key: string }>(
          changes: { kind: string; key: string; fields: readonly (keyof Item)[] }[],
          before: Item[],
          after: Item[],
        ) => {
          for (const change of changes) {
            const was = before.find((i) => i.key === change.key);
            const now = after.find((i) => i.key === change.key);
            if (change.kind === 'added') expect([was, now !== undefined]).toEqual([undefined, true]);
            if (change.kind === 'removed') expect([was !== undefined, now]).toEqual([true, undefined]);
            if (change.kind === 'changed') {
              expect(change.fields.length).toBeGreaterThan(0);
              for (const field of change.fields) expect(was?.[field]).not.toEqual(now?.[field]);
            }
          }
        };
        check(result.goals, a.goals, b.goals);
        check(result.actions, a.actions, b.actions);
      }),
    );
  });

  it('misses nothing: no change found means the same plan, up to the order of lists', () => {
    // Half of the pairs are a plan and a copy with its lists reversed, so "no change" is reached often.
    const reversed = (p: PlanContent): PlanContent => ({
      ...p,
      goals: [...p.goals].reverse(),
      actions: [...p.actions].reverse(),
      competencies: {
        genericCurrent: [...p.competencies.genericCurrent].reverse(),
        genericFuture: [...p.competencies.genericFuture].reverse(),
        technicalCurrent: [...p.competencies.technicalCurrent].reverse(),
        technicalFuture: [...p.competencies.technicalFuture].reverse(),
      },
    });
    const pair = arbPlan.chain((a) => fc.tuple(fc.constant(a), fc.oneof(arbPlan, fc.constant(reversed(a)))));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        if (changeCount(comparePlans(a, b)) === 0) expect(normal(a)).toEqual(normal(b));
        else expect(normal(a)).not.toEqual(normal(b));
      }),
    );
  });

  it('compares every field of goals and actions', () => {
    expect([...goalFields, 'key'].sort()).toEqual(Object.keys(planGoal.shape).sort());
    expect([...actionFields, 'key'].sort()).toEqual(Object.keys(planAction.shape).sort());
  });
});
