import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { account, activationCodes, session, user } from '../../db/schema';
import { asPlatform, withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import { recordPlatformAudit } from '../audit/platform';
import { recordAudit } from '../audit/record';
import { hashActivationCode, sameHash } from './activation-codes';

export interface ActivatedLogin {
  id: string;
  name: string;
  organisationId: string;
}

/** One answer for every failure: the caller must not learn whether the username exists or the code expired. */
export const invalidActivation = () =>
  new AppError('invalid_token', 'This code is not correct or no longer valid. Ask your coach for a new one.', {
    code: 'invalid_code',
  });

/** Before login, so across tenants: the login behind a username and its waiting code, if any. */
export async function findActivation(db: Db, username: string) {
  return asPlatform(db, async (tx) => {
    const [row] = await tx
      .select({
        id: user.id,
        name: user.name,
        organisationId: user.organisationId,
        role: user.role,
        deactivatedAt: user.deactivatedAt,
        codeHash: activationCodes.codeHash,
        expiresAt: activationCodes.expiresAt,
      })
      .from(user)
      .leftJoin(activationCodes, eq(activationCodes.userId, user.id))
      .where(eq(user.username, username));
    return row;
  });
}

/**
 * Checks the paper code and sets the participant's own password. The code row is deleted by the same statement
 * that proves it matched, so two requests racing with one code cannot both succeed (single use).
 * Existing sessions of the login end: whoever used an earlier password is logged out.
 */
export async function activateLogin(
  db: Db,
  secret: string,
  input: { username: string; code: string; password: string },
  ip: string,
): Promise<ActivatedLogin | undefined> {
  const found = await findActivation(db, input.username);
  const given = hashActivationCode(secret, input.code);
  // Compare against something even when there is no code, so the timing does not tell the difference.
  const matches = sameHash(given, found?.codeHash ?? hashActivationCode(secret, 'no-code-waiting'));
  const usable =
    matches &&
    found?.role === 'participant' &&
    !found.deactivatedAt &&
    found.expiresAt !== null &&
    found.expiresAt.getTime() > Date.now();
  if (!found || !usable) {
    await recordFailure(db, found, ip);
    return undefined;
  }

  const hash = await hashPassword(input.password);
  const ctx = {
    actor: { id: found.id, name: found.name, role: 'participant' as const, organisationId: found.organisationId },
    ip,
  };
  const consumed = await withTenant(db, found.organisationId, async (tx) => {
    const [used] = await tx
      .delete(activationCodes)
      .where(and(eq(activationCodes.userId, found.id), eq(activationCodes.codeHash, given)))
      .returning({ userId: activationCodes.userId });
    if (!used) return false;
    await tx
      .update(account)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(account.userId, found.id), eq(account.providerId, 'credential')));
    await tx.delete(session).where(eq(session.userId, found.id));
    await recordAudit(tx, ctx, { action: 'participant.activated', targetType: 'user', targetId: found.id });
    return true;
  });
  if (!consumed) {
    await recordFailure(db, found, ip);
    return undefined;
  }
  return { id: found.id, name: found.name, organisationId: found.organisationId };
}

/** Recorded for the organisation of the login when the username exists; the code itself never. */
function recordFailure(db: Db, found: ActivatedLogin | undefined, ip: string) {
  return recordPlatformAudit(db, {
    organisationId: found?.organisationId ?? null,
    actorId: found?.id,
    actorName: found?.name,
    action: 'participant.activation_failed',
    targetType: 'user',
    targetId: found?.id,
    ip,
  });
}
