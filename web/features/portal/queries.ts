import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** GET /participants/me: the same key as /mijn-dossier and /zelfevaluatie, so one request serves them all. */
export const myDossierQuery = queryOptions({
  queryKey: ['participants', 'me'],
  queryFn: () => api.participantAccounts.me(),
  // 404: no dossier linked to this login; asking again will not change that.
  retry: false,
});
