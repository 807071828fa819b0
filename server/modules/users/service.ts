import { hashPassword } from 'better-auth/crypto';
import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Page, teamLeadRoles } from '#shared/common';
import type { participantAccountBody, staffCreateBody, User, userListQuery, userUpdateBody } from '#shared/users';
import type { Db, Tx } from '../../db/client';
import { account, session, teamSupervisors, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { changedFields, type RequestContext, recordAudit } from '../audit/record';
import { assertAcceptablePassword } from '../auth/passwords';

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  username: user.username,
  role: user.role,
  deactivatedAt: user.deactivatedAt,
  createdAt: user.createdAt,
};

async function loadUsers(tx: Tx, where: SQL | undefined, page: Page): Promise<User[]> {
  const rows = await tx
    .select(userColumns)
    .from(user)
    .where(where)
    // The id settles equal names, so a page boundary never shows one person twice or skips one.
    .orderBy(asc(user.name), asc(user.id))
    .limit(page.limit)
    .offset(page.offset);
  const memberships = rows.length
    ? await tx
        .select({ userId: teamSupervisors.userId, teamId: teamSupervisors.teamId })
        .from(teamSupervisors)
        .where(
          inArray(
            teamSupervisors.userId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.role === 'participant' ? null : r.email,
    username: r.username,
    role: r.role,
    active: r.deactivatedAt === null,
    teamIds: memberships.filter((m) => m.userId === r.id).map((m) => m.teamId),
    createdAt: r.createdAt.toISOString(),
  }));
}

async function loadUser(tx: Tx, id: string): Promise<User> {
  const [found] = await loadUsers(tx, eq(user.id, id), { limit: 1, offset: 0 });
  if (!found) throw notFound('User');
  return found;
}

export function listUsers(db: Db, ctx: RequestContext, query: z.infer<typeof userListQuery>) {
  const filters: SQL[] = [];
  if (query.role) filters.push(inArray(user.role, query.role));
  if (query.active === 'true') filters.push(isNull(user.deactivatedAt));
  if (query.active === 'false') filters.push(isNotNull(user.deactivatedAt));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A participant's e-mail is a hidden placeholder: searching it would list every participant.
    const match = or(
      ilike(user.name, like),
      and(ne(user.role, 'participant'), ilike(user.email, like)),
      ilike(user.username, like),
    );
    if (match) filters.push(match);
  }
  const where = and(...filters);
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const items = await loadUsers(tx, where, query);
    const [counted] = await tx.select({ total: count() }).from(user).where(where);
    return { items, total: counted?.total ?? 0 };
  });
}

/** Writes the user and its credential in one transaction: never a user who cannot log in, never half. */
async function insertUserWithPassword(
  tx: Tx,
  ctx: RequestContext,
  values: { name: string; email: string; username?: string; role: User['role'] },
  passwordHash: string,
) {
  const id = crypto.randomUUID();
  await tx.insert(user).values({ id, organisationId: ctx.actor.organisationId, ...values });
  await tx.insert(account).values({
    id: crypto.randomUUID(),
    organisationId: ctx.actor.organisationId,
    userId: id,
    accountId: id,
    providerId: 'credential',
    password: passwordHash,
  });
  await recordAudit(tx, ctx, {
    action: 'user.created',
    targetType: 'user',
    targetId: id,
    details: { role: values.role },
  });
  return loadUser(tx, id);
}

export async function createStaff(db: Db, ctx: RequestContext, body: z.infer<typeof staffCreateBody>) {
  if (body.password) assertAcceptablePassword(body.password);
  // Invited colleagues get a random password nobody knows, then choose their own through the mailed link.
  const hash = await hashPassword(body.password ?? crypto.randomUUID() + crypto.randomUUID());
  return withTenant(db, ctx.actor.organisationId, (tx) =>
    insertUserWithPassword(tx, ctx, { name: body.name, email: body.email, role: body.role }, hash),
  );
}

/**
 * Participants have no e-mail: the unroutable placeholder satisfies the auth library and is never shown.
 * Also used when a coach creates the login from the dossier (participants/account.ts), in that transaction.
 */
export function insertParticipantUser(tx: Tx, ctx: RequestContext, name: string, username: string, hash: string) {
  return insertUserWithPassword(
    tx,
    ctx,
    { name, username, email: `${crypto.randomUUID()}@deelnemer.invalid`, role: 'participant' },
    hash,
  );
}

export async function createParticipantAccount(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof participantAccountBody>,
) {
  assertAcceptablePassword(body.password);
  const hash = await hashPassword(body.password);
  return withTenant(db, ctx.actor.organisationId, (tx) =>
    insertParticipantUser(tx, ctx, body.name, body.username, hash),
  );
}

function refuseSelf(ctx: RequestContext, id: string, what: string) {
  if (ctx.actor.id === id) throw new AppError('conflict', `You cannot ${what} your own account`);
}

export function updateUser(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof userUpdateBody>) {
  if (body.role) refuseSelf(ctx, id, 'change the role of');
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const current = await loadUser(tx, id);
    if (body.role && current.role === 'participant') {
      throw new AppError('validation_failed', 'A participant account keeps its role', { role: 'not_allowed' });
    }
    await tx
      .update(user)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(user.id, id));
    // A role that cannot lead a team no longer supervises one.
    if (body.role && !(teamLeadRoles as readonly string[]).includes(body.role)) {
      await tx.delete(teamSupervisors).where(eq(teamSupervisors.userId, id));
    }
    await recordAudit(tx, ctx, {
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      details: { fields: changedFields(body) },
    });
    return loadUser(tx, id);
  });
}

/** Deactivation ends every session of the user at once, in the same transaction. */
export function setUserActive(db: Db, ctx: RequestContext, id: string, active: boolean) {
  if (!active) refuseSelf(ctx, id, 'deactivate');
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await loadUser(tx, id);
    await tx
      .update(user)
      .set({ deactivatedAt: active ? null : new Date(), updatedAt: new Date() })
      .where(eq(user.id, id));
    if (!active) await tx.delete(session).where(eq(session.userId, id));
    if (!active) await tx.delete(teamSupervisors).where(eq(teamSupervisors.userId, id));
    await recordAudit(tx, ctx, {
      action: active ? 'user.reactivated' : 'user.deactivated',
      targetType: 'user',
      targetId: id,
    });
    return loadUser(tx, id);
  });
}

/** An admin sets a new password (participants without e-mail forget theirs); their sessions end. */
export async function setUserPassword(db: Db, ctx: RequestContext, id: string, password: string) {
  assertAcceptablePassword(password);
  const hash = await hashPassword(password);
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await loadUser(tx, id);
    await tx
      .update(account)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(account.userId, id), eq(account.providerId, 'credential')));
    await tx.delete(session).where(eq(session.userId, id));
    await recordAudit(tx, ctx, { action: 'user.password_set', targetType: 'user', targetId: id });
    return loadUser(tx, id);
  });
}
