import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_LEVEL,
  coverageBySkill,
  iluoFilledPolygon,
  latestAssessment,
  skillFlag,
  trainingNeedsOf,
} from '#shared/iluo';

/** A random matrix: skill and person ids, and at most one level per skill × person (plus some strays). */
const matrixArb = fc
  .record({
    skills: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
    people: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 10 }),
    strangers: fc.uniqueArray(fc.string({ minLength: 5, maxLength: 6 }), { maxLength: 3 }),
  })
  .chain(({ skills, people, strangers }) =>
    fc.record({
      skills: fc.constant(skills),
      people: fc.constant(people),
      cells: fc
        .uniqueArray(
          fc.record({
            skillId: fc.constantFrom(...skills),
            personId: fc.constantFrom(...people, ...strangers, 'x-left-the-team'),
            level: fc.integer({ min: 1, max: 4 }),
          }),
          { selector: (c) => `${c.skillId}\n${c.personId}`, maxLength: 60 },
        )
        .map((cells) => cells),
    }),
  );

describe('coverage per skill', () => {
  it('counts exactly the people in the matrix at U or O, never more than the people there are', () => {
    fc.assert(
      fc.property(matrixArb, ({ skills, people, cells }) => {
        const coverage = coverageBySkill(skills, people, cells);
        expect([...coverage.keys()].sort()).toEqual([...skills].sort());
        for (const skillId of skills) {
          const expected = cells.filter(
            (c) => c.skillId === skillId && people.includes(c.personId) && c.level >= COVERAGE_LEVEL,
          ).length;
          expect(coverage.get(skillId)).toBe(expected);
          expect(coverage.get(skillId)).toBeLessThanOrEqual(people.length);
        }
      }),
    );
  });

  it('only grows when someone moves up to U or O, and shrinks when someone drops below U', () => {
    fc.assert(
      fc.property(matrixArb, fc.nat(), fc.integer({ min: 1, max: 4 }), ({ skills, people, cells }, pick, level) => {
        fc.pre(cells.length > 0);
        const index = pick % cells.length;
        const before = cells[index] as (typeof cells)[number];
        const changed = cells.map((c, i) => (i === index ? { ...c, level } : c));
        const a = coverageBySkill(skills, people, cells).get(before.skillId) ?? 0;
        const b = coverageBySkill(skills, people, changed).get(before.skillId) ?? 0;
        const wasCovered = before.level >= COVERAGE_LEVEL;
        const isCovered = level >= COVERAGE_LEVEL;
        const counts = people.includes(before.personId);
        expect(b - a).toBe(counts ? Number(isCovered) - Number(wasCovered) : 0);
      }),
    );
  });
});

describe('flags', () => {
  it('flag only critical skills: none covered → no_coverage, exactly one → single_point_of_failure', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat({ max: 50 }), (critical, coverage) => {
        const flag = skillFlag(critical, coverage);
        if (!critical) expect(flag).toBeNull();
        else if (coverage === 0) expect(flag).toBe('no_coverage');
        else if (coverage === 1) expect(flag).toBe('single_point_of_failure');
        else expect(flag).toBeNull();
      }),
    );
  });
});

describe('training needs', () => {
  it('lists every person of the matrix at I or L once per skill, in skill order then person order', () => {
    fc.assert(
      fc.property(matrixArb, ({ skills, people, cells }) => {
        const needs = trainingNeedsOf(skills, people, cells);
        const expected = skills.flatMap((skillId) =>
          people.flatMap((personId) => {
            const cell = cells.find((c) => c.skillId === skillId && c.personId === personId);
            return cell && cell.level < COVERAGE_LEVEL ? [{ skillId, personId, level: cell.level }] : [];
          }),
        );
        expect(needs).toEqual(expected);
        expect(needs.every((n) => n.level === 1 || n.level === 2)).toBe(true);
      }),
    );
  });

  it('and a skill is never both covered by someone and a training need for that same person', () => {
    fc.assert(
      fc.property(matrixArb, ({ skills, people, cells }) => {
        const needs = new Set(trainingNeedsOf(skills, people, cells).map((n) => `${n.skillId}\n${n.personId}`));
        for (const c of cells) {
          if (c.level >= COVERAGE_LEVEL) expect(needs.has(`${c.skillId}\n${c.personId}`)).toBe(false);
        }
      }),
    );
  });
});

describe('latest assessment', () => {
  const entryArb = fc.record({
    assessedOn: fc.constantFrom('2024-01-01', '2024-06-15', '2025-03-10'),
    createdAt: fc.integer({ min: 0, max: 1e6 }).map((ms) => new Date(1.7e12 + ms).toISOString()),
    level: fc.integer({ min: 1, max: 4 }),
  });

  it('is the entry with the latest date, then the latest recording, whatever the order of the history', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), (history) => {
        const latest = latestAssessment(history);
        if (!history.length) {
          expect(latest).toBeUndefined();
          return;
        }
        const sorted = [...history].sort(
          (a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.createdAt.localeCompare(b.createdAt),
        );
        const last = sorted[sorted.length - 1];
        expect(latest?.assessedOn).toBe(last?.assessedOn);
        expect(latest?.createdAt).toBe(last?.createdAt);
        expect(latestAssessment([...history].reverse())?.createdAt).toBe(latest?.createdAt);
      }),
    );
  });
});

describe('the four-quarter symbol', () => {
  it('fills one quarter per level, clockwise from 12 o’clock, inside the circle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 4, max: 40 }), (level, r) => {
        const points = iluoFilledPolygon(level, 50, 50, r);
        if (level === 0) {
          expect(points).toEqual([]);
          return;
        }
        expect(points[0]).toEqual({ x: 50, y: 50 });
        // Starts at 12 o'clock and ends where the level's last quarter ends.
        expect(points[1]).toEqual({ x: 50, y: 50 - r });
        const end = points[points.length - 1];
        const expectedEnd = [
          { x: 50 + r, y: 50 },
          { x: 50, y: 50 + r },
          { x: 50 - r, y: 50 },
          { x: 50, y: 50 - r },
        ][level - 1];
        expect(end?.x).toBeCloseTo(expectedEnd?.x ?? 0, 1);
        expect(end?.y).toBeCloseTo(expectedEnd?.y ?? 0, 1);
        for (const p of points) expect(Math.hypot(p.x - 50, p.y - 50)).toBeLessThanOrEqual(r + 0.01);
      }),
    );
  });

  it('I covers only the top-right quarter', () => {
    for (const p of iluoFilledPolygon(1, 0, 0, 10)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(0);
    }
  });
});
