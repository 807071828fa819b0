import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParticipantAccountResponse, participantAccountCreateBody } from '#shared/participant-account';
import type { Db, Tx } from '../../db/client';
import { activationCodes, participants, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { assertAcceptablePassword } from '../auth/passwords';
import { insertParticipantUser } from '../users/service';
import { openForWrite } from './access';
import { activationExpiry, generateActivationCode, hashActivationCode } from './activation-codes';
import { loadDossier } from './dossier';

/** Replaces any earlier code of this login: only the newest paper works. */
async function issueCode(tx: Tx, secret: string, organisationId: string, userId: string) {
  const code = generateActivationCode();
  const expiresAt = activationExpiry();
  await tx.delete(activationCodes).where(eq(activationCodes.userId, userId));
  await tx
    .insert(activationCodes)
    .values({ userId, organisationId, codeHash: hashActivationCode(secret, code), expiresAt });
  return { code, expiresAt };
}

/**
 * Creates the participant's own login from the dossier: with an initial password, or with a one-time code for
 * the paper handout (the login then has a random password nobody knows until the participant activates it).
 * The code is in this answer only; the audit keeps the method, never the code or password.
 */
export async function createParticipantLogin(
  db: Db,
  secret: string,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof participantAccountCreateBody>,
): Promise<ParticipantAccountResponse> {
  if (body.method === 'password') assertAcceptablePassword(body.password);
  const hash = await hashPassword(
    body.method === 'password' ? body.password : crypto.randomUUID() + crypto.randomUUID(),
  );
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { row } = await openForWrite(tx, ctx.actor, participantId, 'participant.account');
    if (row.userId) throw new AppError('conflict', 'This participant already has an account');
    const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.username, body.username));
    // Another organisation's login is hidden by row-level security; the unique index answers for those (409 too).
    if (taken) throw new AppError('conflict', 'This username is already in use', { username: 'already_in_use' });

    const created = await insertParticipantUser(tx, ctx, `${row.firstName} ${row.lastName}`, body.username, hash);
    await tx
      .update(participants)
      .set({ userId: created.id, updatedAt: new Date() })
      .where(eq(participants.id, participantId));
    const issued =
      body.method === 'activation_code' ? await issueCode(tx, secret, ctx.actor.organisationId, created.id) : undefined;
    await recordAudit(tx, ctx, {
      action: 'participant.account_created',
      targetType: 'participant',
      targetId: participantId,
      details: { userId: created.id, method: body.method },
    });
    return {
      username: body.username,
      activationCode: issued?.code ?? null,
      activationExpiresAt: issued?.expiresAt.toISOString() ?? null,
    };
  });
}

/** A fresh code for a lost or expired paper; the old code stops working in the same transaction. */
export function issueNewActivationCode(
  db: Db,
  secret: string,
  ctx: RequestContext,
  participantId: string,
): Promise<ParticipantAccountResponse> {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { row } = await openForWrite(tx, ctx.actor, participantId, 'participant.account');
    if (!row.userId) throw new AppError('conflict', 'This participant has no account yet');
    const [login] = await tx
      .select({ username: user.username, deactivatedAt: user.deactivatedAt })
      .from(user)
      .where(eq(user.id, row.userId));
    if (!login?.username) throw notFound('Account');
    if (login.deactivatedAt) throw new AppError('conflict', 'This account is deactivated');
    const issued = await issueCode(tx, secret, ctx.actor.organisationId, row.userId);
    await recordAudit(tx, ctx, {
      action: 'participant.activation_code_issued',
      targetType: 'participant',
      targetId: participantId,
      details: { userId: row.userId },
    });
    return {
      username: login.username,
      activationCode: issued.code,
      activationExpiresAt: issued.expiresAt.toISOString(),
    };
  });
}

/** GET /participants/me: the dossier linked to the participant's login, as the summary; audited like any read. */
export function getOwnDossier(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [own] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.userId, ctx.actor.id));
    if (!own) throw notFound('Participant');
    await recordAudit(tx, ctx, {
      action: 'participant.read',
      targetType: 'participant',
      targetId: own.id,
      details: { view: 'summary', own: true },
    });
    return loadDossier(tx, own.id, 'summary');
  });
}
