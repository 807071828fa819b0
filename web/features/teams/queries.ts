import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const teamsQuery = (includeArchived: boolean) =>
  queryOptions({ queryKey: ['teams', { includeArchived }], queryFn: () => api.teams.list(includeArchived) });
