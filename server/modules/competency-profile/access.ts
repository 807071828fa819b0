import type { Tx } from '../../db/client';
import { notFound } from '../../lib/errors';
import { type Actor, can } from '../../policy';
import { resolveAccess } from '../participants/access';

/**
 * The radar and the evolution belong to the dossier: whoever reaches the dossier may read them
 * (observation.read). A participant out of reach answers 404, so its existence is not revealed.
 */
export async function openParticipantRatings(tx: Tx, actor: Actor, participantId: string) {
  const access = await resolveAccess(tx, actor, participantId);
  if (!can(actor, 'observation.read', access.target)) throw notFound('Participant');
  return access;
}
