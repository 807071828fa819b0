import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { complianceListQuery, PlanOverview } from '#shared/development-plans';
import { api } from '../../lib/api';

export const planQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['pop', 'overview', participantId],
    queryFn: () => api.developmentPlans.overview(participantId),
    // 404: out of reach; asking again will not change that.
    retry: false,
  });

export const planVersionQuery = (participantId: string, number: number) =>
  queryOptions({
    queryKey: ['pop', 'version', participantId, number],
    queryFn: () => api.developmentPlans.version(participantId, number),
    retry: false,
  });

export const complianceQuery = (query: z.input<typeof complianceListQuery>) =>
  queryOptions({ queryKey: ['pop', 'compliance', query], queryFn: () => api.developmentPlans.compliance(query) });

export const popSettingsQuery = queryOptions({
  queryKey: ['pop', 'settings'],
  queryFn: () => api.developmentPlans.settings(),
});

/** Anything written to a POP changes its overview, its versions and the compliance list. */
export const refreshPlans = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['pop'] });

/** An answer that carries the whole overview: put it in the cache at once, then refresh the rest. */
export async function storeOverview(queryClient: QueryClient, participantId: string, overview: PlanOverview) {
  queryClient.setQueryData(planQuery(participantId).queryKey, overview);
  await queryClient.invalidateQueries({
    queryKey: ['pop'],
    predicate: (q) => !(q.queryKey[1] === 'overview' && q.queryKey[2] === participantId),
  });
}
