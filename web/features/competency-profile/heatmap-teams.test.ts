import { describe, expect, it } from 'vitest';
import { firstTeam, heatmapTeams } from './heatmap-teams';

const team = (id: string, ...supervisors: string[]) => ({ id, supervisors: supervisors.map((s) => ({ id: s })) });
const teams = [team('administratie', 'annelies'), team('groen', 'ilse'), team('renovatie', 'dirk', 'ilse')];

describe('heatmapTeams', () => {
  it('offers a supervisor only the teams they supervise', () => {
    expect(heatmapTeams(teams, { id: 'dirk', role: 'supervisor' }).map((t) => t.id)).toEqual(['renovatie']);
    expect(heatmapTeams(teams, { id: 'ilse', role: 'supervisor' }).map((t) => t.id)).toEqual(['groen', 'renovatie']);
    expect(heatmapTeams(teams, { id: 'nobody', role: 'supervisor' })).toEqual([]);
  });

  it('offers every team to the roles that read the map across teams', () => {
    for (const role of ['admin', 'manager', 'coach'] as const) {
      expect(heatmapTeams(teams, { id: 'sofie', role })).toEqual(teams);
    }
  });
});

describe('firstTeam', () => {
  it('starts on a team the user supervises, else on the first team', () => {
    expect(firstTeam(teams, { id: 'dirk' })?.id).toBe('renovatie');
    expect(firstTeam(teams, { id: 'sofie' })?.id).toBe('administratie');
    expect(firstTeam([], { id: 'sofie' })).toBeUndefined();
  });
});
