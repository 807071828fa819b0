import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** A 404 means "not there or not yours": asking again will not change that. */
const once = { retry: false } as const;

export const competencyProfileQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['competency-profile', participantId],
    queryFn: () => api.competencyProfile.profile(participantId),
    ...once,
  });

export const competencyEvolutionQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['competency-evolution', participantId],
    queryFn: () => api.competencyProfile.evolution(participantId),
    ...once,
  });

export const competencyHeatmapQuery = (teamId: string, status: 'active' | 'all') =>
  queryOptions({
    queryKey: ['competency-heatmap', teamId, status],
    queryFn: () => api.competencyProfile.heatmap(teamId, status),
    ...once,
  });
