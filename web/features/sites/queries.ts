import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const sitesQuery = (includeArchived: boolean) =>
  queryOptions({ queryKey: ['sites', { includeArchived }], queryFn: () => api.sites.list(includeArchived) });
