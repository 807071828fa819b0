import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MentorInvitation, mentorInvitationInput } from '#shared/observations';
import { todayIso } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { mentorInvitations, observations, organisations } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import type { Mailer } from '../mail/mailer';
import { resolveAccess } from '../participants/access';
import { mentorInvitationMail } from './mentor-mail';
import { invitationStatus } from './mentor-status';
import { generateMentorToken, hashMentorToken } from './mentor-token';
import { qualified } from './sql';

/**
 * External mentors (stagebegeleiders): a coach of the participant (or the admin) invites one by e-mail for a
 * period; the mentor then scores through the link (mentor-links.ts) without an account. Only the token's keyed
 * hash is stored and the token is never answered: it exists only in the mail.
 */

export interface MentorLinkSettings {
  secret: string;
  publicUrl: string;
  mailer: Mailer;
}

/** Per participant first, so the count reads observations_participant_idx, not every observation of the organisation. */
const observationCount = sql<number>`(select count(*) from ${observations}
  where ${qualified(observations.participantId)} = ${qualified(mentorInvitations.participantId)}
  and ${qualified(observations.mentorInvitationId)} = ${qualified(mentorInvitations.id)})`.mapWith(Number);

async function invitationsWhere(tx: Tx, where: SQL): Promise<MentorInvitation[]> {
  const today = todayIso();
  const rows = await tx
    .select({ invitation: mentorInvitations, observationCount })
    .from(mentorInvitations)
    .where(where)
    .orderBy(desc(mentorInvitations.createdAt), desc(mentorInvitations.id));
  return rows.map(({ invitation: i, observationCount: n }) => ({
    id: i.id,
    participantId: i.participantId,
    mentorName: i.mentorName,
    mentorEmail: i.mentorEmail,
    hostOrganisation: i.hostOrganisation,
    validFrom: i.validFrom,
    validUntil: i.validUntil,
    status: invitationStatus(i, today),
    lastUsedAt: i.lastUsedAt?.toISOString() ?? null,
    observationCount: n,
    createdAt: i.createdAt.toISOString(),
  }));
}

async function oneInvitation(tx: Tx, id: string) {
  const [found] = await invitationsWhere(tx, eq(mentorInvitations.id, id));
  if (!found) throw notFound('Mentor invitation');
  return found;
}

/** The dossier, reached by the actor and open to mentor.invite; whoever may not gets 404 (existence not revealed). */
async function participantForMentors(tx: Tx, ctx: RequestContext, participantId: string, lock = false) {
  const access = await resolveAccess(tx, ctx.actor, participantId, lock);
  if (!can(ctx.actor, 'mentor.invite', access.target)) throw notFound('Participant');
  return access.row;
}

export async function inviteMentor(
  db: Db,
  settings: MentorLinkSettings,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof mentorInvitationInput>,
): Promise<MentorInvitation> {
  const { actor } = ctx;
  const token = generateMentorToken();
  const { invitation, mail } = await withTenant(db, actor.organisationId, async (tx) => {
    const participant = await participantForMentors(tx, ctx, participantId, true);
    if (participant.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
    if (body.validUntil < todayIso()) throw fieldError('validUntil', 'in_the_past');
    const [row] = await tx
      .insert(mentorInvitations)
      .values({
        organisationId: actor.organisationId,
        participantId,
        mentorName: body.mentorName,
        mentorEmail: body.mentorEmail,
        hostOrganisation: body.hostOrganisation || null,
        tokenHash: hashMentorToken(settings.secret, token),
        validFrom: body.validFrom,
        validUntil: body.validUntil,
        createdBy: actor.id,
      })
      .returning({ id: mentorInvitations.id });
    if (!row) throw new Error('invitation not stored');
    // The mentor's name and address are personal data: the audit keeps the period only.
    await recordAudit(tx, ctx, {
      action: 'mentor.invited',
      targetType: 'participant',
      targetId: participantId,
      details: { invitationId: row.id, validFrom: body.validFrom, validUntil: body.validUntil },
    });
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId));
    return {
      invitation: await oneInvitation(tx, row.id),
      mail: mentorInvitationMail({
        mentorName: body.mentorName,
        organisationName: org?.name ?? '',
        participantName: `${participant.firstName} ${participant.lastName}`,
        validFrom: body.validFrom,
        validUntil: body.validUntil,
        link: `${settings.publicUrl}/mentor/${token}`,
      }),
    };
  });
  // After the commit: the mailer writes the outbox in a transaction of its own (and on PGlite there is one
  // connection, so it cannot run inside ours).
  await settings.mailer.send({ organisationId: actor.organisationId, to: body.mentorEmail, ...mail });
  return invitation;
}

export function listMentorInvitations(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await participantForMentors(tx, ctx, participantId);
    return invitationsWhere(tx, eq(mentorInvitations.participantId, participantId));
  });
}

/** Revoking is final and idempotent: a second revoke answers the invitation as it is, without a new record. */
export function revokeMentorInvitation(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [found] = await tx
      .select({ participantId: mentorInvitations.participantId, revokedAt: mentorInvitations.revokedAt })
      .from(mentorInvitations)
      .where(eq(mentorInvitations.id, id))
      .for('update');
    if (!found) throw notFound('Mentor invitation');
    await participantForMentors(tx, ctx, found.participantId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'not_found' ? notFound('Mentor invitation') : err;
    });
    if (!found.revokedAt) {
      await tx.update(mentorInvitations).set({ revokedAt: new Date() }).where(eq(mentorInvitations.id, id));
      await recordAudit(tx, ctx, {
        action: 'mentor.revoked',
        targetType: 'participant',
        targetId: found.participantId,
        details: { invitationId: id },
      });
    }
    return oneInvitation(tx, id);
  });
}
