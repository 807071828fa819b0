import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { ActionPlan } from '#shared/action-plans';
import type { SensitiveAccess } from '#shared/sensitive';
import { api } from '../../lib/api';

// 403 and 404 answer the same on a second try: none of these queries retries.

/** Asked first on every visit: whether the compartment opens, and how (caseload, grant, break-the-glass). */
export const sensitiveAccessQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['sensitive', 'access', participantId],
    queryFn: () => api.sensitive.access(participantId),
    retry: false,
  });

export const actionPlanQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['sensitive', 'pap', participantId],
    queryFn: () => api.actionPlans.get(participantId),
    retry: false,
  });

export const grantCandidatesQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['sensitive', 'candidates', participantId],
    queryFn: () => api.sensitive.grantCandidates(participantId),
    retry: false,
  });

export const sensitiveLogQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['sensitive', 'log', participantId],
    queryFn: () => api.sensitive.log(participantId),
    retry: false,
  });

export const myActionPlanQuery = queryOptions({
  queryKey: ['sensitive', 'mine'],
  queryFn: () => api.actionPlans.mine(),
  retry: false,
});

/** An answer that carries the access: store it, and refresh the log (every change is a line in it). */
export async function storeAccess(queryClient: QueryClient, access: SensitiveAccess) {
  queryClient.setQueryData(sensitiveAccessQuery(access.participantId).queryKey, access);
  await queryClient.invalidateQueries({ queryKey: ['sensitive', 'log', access.participantId] });
}

/** An answer that carries the whole PAP: store it, and refresh the log. */
export async function storePlan(queryClient: QueryClient, plan: ActionPlan) {
  queryClient.setQueryData(actionPlanQuery(plan.participantId).queryKey, plan);
  await queryClient.invalidateQueries({ queryKey: ['sensitive', 'log', plan.participantId] });
}
