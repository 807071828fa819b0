import { queryOptions } from '@tanstack/react-query';
import { api, type UserFilters } from '../../lib/api';

export const usersQuery = (filters: UserFilters = {}) =>
  queryOptions({ queryKey: ['users', filters], queryFn: () => api.users.list(filters) });
