import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** Under ['sensitive'], so a result or a PAP saved elsewhere makes the counts fresh again. */
export const sensitiveCountsQuery = queryOptions({
  queryKey: ['sensitive', 'counts'],
  queryFn: () => api.sensitive.counts(),
});
