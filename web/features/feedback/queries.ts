import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dueListQuery } from '#shared/feedback';
import { api } from '../../lib/api';

export const participantFeedbackQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['feedback', 'participant', participantId],
    queryFn: () => api.feedback.ofParticipant(participantId),
    retry: false,
  });

export const dueQuery = (query: z.input<typeof dueListQuery>) =>
  queryOptions({ queryKey: ['feedback', 'due', query], queryFn: () => api.feedback.due(query) });

export const myFeedbackQuery = queryOptions({
  queryKey: ['feedback', 'mine'],
  queryFn: () => api.feedback.mine(),
  // 404: no dossier linked to this login; asking again will not change that.
  retry: false,
});

export const feedbackRulesQuery = queryOptions({
  queryKey: ['feedback', 'rules'],
  queryFn: () => api.feedback.rules(),
});

/** A conversation recorded, changed or deleted moves the dossier's due date and the due lists. */
export const refreshFeedback = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['feedback'] });
