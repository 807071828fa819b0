import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IluoMatrix, levelAt, type MatrixGroup, matrixCells, matrixTrainingNeeds } from '#shared/iluo';
import { type CellRow, levelGrid } from './matrix';

/** Random skills (in groups), people, assessors and at most one current level per skill × person. */
const teamArb = fc
  .record({
    skills: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }),
    people: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 10 }),
    assessors: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 4 }),
    groupSize: fc.integer({ min: 1, max: 4 }),
  })
  .chain((team) =>
    fc.record({
      team: fc.constant(team),
      rows: fc.uniqueArray(
        fc.record({
          skill_id: fc.constantFrom(...team.skills),
          subject: fc.constantFrom(...team.people),
          level: fc.integer({ min: 1, max: 4 }),
          assessed_on: fc.constantFrom('2024-02-29', '2025-01-01', '2026-11-23'),
          assessor_id: fc.constantFrom(...team.assessors),
        }),
        { selector: (r) => `${r.skill_id}\n${r.subject}`, maxLength: 80 },
      ),
    }),
  );

const groupsOf = (skillIds: readonly string[], size: number): MatrixGroup[] => {
  const groups: MatrixGroup[] = [];
  skillIds.forEach((id, i) => {
    const skill = { id, name: id, description: null, critical: false, position: i, coverage: 0, flag: null };
    if (i % size === 0) groups.push({ name: `g${i}`, skills: [skill] });
    else groups.at(-1)?.skills.push(skill);
  });
  return groups;
};

/** What the server answers, built from the cache rows the way loadMatrix builds it. */
function matrixOf(skills: readonly string[], people: readonly string[], groupSize: number, rows: CellRow[]) {
  const { levels, assessorIds } = levelGrid(skills, people, rows);
  const matrix: Pick<IluoMatrix, 'groups' | 'people' | 'assessors' | 'levels'> = {
    groups: groupsOf(skills, groupSize),
    people: people.map((id) => ({ kind: 'participant' as const, id, name: id })),
    assessors: assessorIds.map((id) => `name of ${id}`),
    levels,
  };
  return matrix;
}

describe('the matrix grid', () => {
  it('holds every cache row once, at its person and skill, with its assessor, and nothing else', () => {
    fc.assert(
      fc.property(teamArb, ({ team, rows }) => {
        const matrix = matrixOf(team.skills, team.people, team.groupSize, rows);
        expect(matrix.levels).toHaveLength(team.people.length);
        expect(matrix.levels.every((line) => line.length === team.skills.length)).toBe(true);
        expect(new Set(matrix.assessors).size).toBe(matrix.assessors.length);
        const expected = team.skills.flatMap((skillId) =>
          team.people.flatMap((personId) => {
            const r = rows.find((row) => row.skill_id === skillId && row.subject === personId);
            return r
              ? [
                  {
                    skillId,
                    personId,
                    level: r.level,
                    assessedOn: r.assessed_on,
                    assessorName: `name of ${r.assessor_id}`,
                  },
                ]
              : [];
          }),
        );
        expect(matrixCells(matrix)).toEqual(expected);
        for (const cell of expected) {
          expect(levelAt(matrix, cell.skillId, cell.personId)).toMatchObject({ level: cell.level });
        }
        expect(matrixTrainingNeeds(matrix)).toEqual(
          expected.filter((c) => c.level < 3).map(({ skillId, personId, level }) => ({ skillId, personId, level })),
        );
      }),
    );
  });

  it('has no level where the cache has none', () => {
    fc.assert(
      fc.property(teamArb, ({ team, rows }) => {
        const matrix = matrixOf(team.skills, team.people, team.groupSize, rows);
        for (const skillId of team.skills) {
          for (const personId of team.people) {
            const stored = rows.some((r) => r.skill_id === skillId && r.subject === personId);
            expect(levelAt(matrix, skillId, personId) !== null).toBe(stored);
          }
        }
      }),
    );
  });
});
