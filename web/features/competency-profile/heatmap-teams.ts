import type { Role } from '#shared/common';

interface TeamWithSupervisors {
  id: string;
  supervisors: readonly { id: string }[];
}

/**
 * The teams the heat map offers (server/policy: competency.teamView). A supervisor reads only the teams they
 * supervise; the others see every team: a coach's caseload can sit in any team, the admin and manager read them all.
 */
export function heatmapTeams<T extends TeamWithSupervisors>(teams: readonly T[], me: { id: string; role: Role }): T[] {
  return me.role === 'supervisor' ? teams.filter((team) => team.supervisors.some((s) => s.id === me.id)) : [...teams];
}

/** Where the page starts: a team the user supervises (a coach or admin may supervise none), else the first one. */
export function firstTeam<T extends TeamWithSupervisors>(teams: readonly T[], me: { id: string }): T | undefined {
  return teams.find((team) => team.supervisors.some((s) => s.id === me.id)) ?? teams[0];
}
