import { queryOptions } from '@tanstack/react-query';
import type { IluoPerson } from '#shared/iluo';
import { api } from '../../lib/api';

export const iluoMatrixQuery = (teamId: string) =>
  queryOptions({ queryKey: ['iluo', 'matrix', teamId], queryFn: () => api.iluo.matrix(teamId) });

export const teamSkillsQuery = (teamId: string) =>
  queryOptions({ queryKey: ['iluo', 'skills', teamId], queryFn: () => api.iluo.skills(teamId) });

/** The levels one person got for one skill, newest first. */
export const skillHistoryQuery = (skillId: string, person: IluoPerson) =>
  queryOptions({
    queryKey: ['iluo', 'history', skillId, person.id],
    queryFn: () =>
      api.iluo.history(skillId, person.kind === 'participant' ? { participantId: person.id } : { userId: person.id }),
  });

export const iluoLabelsQuery = queryOptions({ queryKey: ['iluo', 'labels'], queryFn: () => api.iluo.labels() });

/** The wall chart: a plain link, so the browser sends the session cookie and saves the file under its name. */
export const matrixPdfUrl = (teamId: string, size: 'A4' | 'A3') =>
  `/api/v1/teams/${teamId}/iluo-matrix.pdf?size=${size}`;
