import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MentorInvitation, MentorInvitationWithLink, mentorInvitationInput } from '#shared/observations';
import { todayIso } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { mailOutbox, mentorInvitations, observations, organisations } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { deliveryOf, type Mailer } from '../mail/mailer';
import { resolveAccess } from '../participants/access';
import { mentorInvitationMail } from './mentor-mail';
import { invitationStatus } from './mentor-status';
import { generateMentorToken, hashMentorToken } from './mentor-token';
import { qualified } from './sql';

/**
 * External mentors (stagebegeleiders): a coach of the participant (or the admin) invites one by e-mail for a
 * period; the mentor then scores through the link (mentor-links.ts) without an account. Only the token's keyed
 * hash is stored: the link is in the mail, and in the answer to the one request that made it (inviting or resending)
 * so the coach can pass it on when the mail does not arrive. No other answer holds it, since it cannot be rebuilt.
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
    .select({
      invitation: mentorInvitations,
      observationCount,
      mail: { createdAt: mailOutbox.createdAt, deliveredAt: mailOutbox.deliveredAt, failedAt: mailOutbox.failedAt },
    })
    .from(mentorInvitations)
    .leftJoin(mailOutbox, eq(mailOutbox.id, mentorInvitations.mailId))
    .where(where)
    .orderBy(desc(mentorInvitations.createdAt), desc(mentorInvitations.id));
  return rows.map(({ invitation: i, observationCount: n, mail }) => ({
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
    mailDelivery: mail ? deliveryOf(mail) : null,
    mailedAt: mail?.createdAt.toISOString() ?? null,
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

type LinkMail = ReturnType<typeof mentorInvitationMail>;

/** The mail with the link, in the words of the organisation and about the participant. */
async function linkMail(
  tx: Tx,
  settings: MentorLinkSettings,
  token: string,
  invitation: { organisationId: string; mentorName: string; validFrom: string; validUntil: string },
  participant: { firstName: string; lastName: string },
): Promise<LinkMail> {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, invitation.organisationId));
  return mentorInvitationMail({
    mentorName: invitation.mentorName,
    organisationName: org?.name ?? '',
    participantName: `${participant.firstName} ${participant.lastName}`,
    validFrom: invitation.validFrom,
    validUntil: invitation.validUntil,
    link: linkOf(settings, token),
  });
}

const linkOf = (settings: MentorLinkSettings, token: string) => `${settings.publicUrl}/mentor/${token}`;

/**
 * Sends the mail after the commit (the mailer writes the outbox in a transaction of its own, and on PGlite there is
 * one connection, so it cannot run inside ours), then points the invitation at its outbox row for the status.
 */
async function mailTheLink(
  db: Db,
  settings: MentorLinkSettings,
  organisationId: string,
  invitationId: string,
  to: string,
  mail: LinkMail,
): Promise<MentorInvitation> {
  const sent = await settings.mailer.send({ organisationId, to, ...mail });
  return withTenant(db, organisationId, async (tx) => {
    await tx.update(mentorInvitations).set({ mailId: sent.id }).where(eq(mentorInvitations.id, invitationId));
    return oneInvitation(tx, invitationId);
  });
}

export async function inviteMentor(
  db: Db,
  settings: MentorLinkSettings,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof mentorInvitationInput>,
): Promise<MentorInvitationWithLink> {
  const { actor } = ctx;
  const token = generateMentorToken();
  const { id, mail } = await withTenant(db, actor.organisationId, async (tx) => {
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
    return {
      id: row.id,
      mail: await linkMail(tx, settings, token, { ...body, organisationId: actor.organisationId }, participant),
    };
  });
  const invitation = await mailTheLink(db, settings, actor.organisationId, id, body.mentorEmail, mail);
  return { ...invitation, link: linkOf(settings, token) };
}

export function listMentorInvitations(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    await participantForMentors(tx, ctx, participantId);
    return invitationsWhere(tx, eq(mentorInvitations.participantId, participantId));
  });
}

/** The invitation, locked, once the actor may reach its dossier; whoever may not gets 404 for the invitation. */
async function invitationForMentors(tx: Tx, ctx: RequestContext, id: string) {
  const [found] = await tx.select().from(mentorInvitations).where(eq(mentorInvitations.id, id)).for('update');
  if (!found) throw notFound('Mentor invitation');
  const participant = await participantForMentors(tx, ctx, found.participantId).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'not_found' ? notFound('Mentor invitation') : err;
  });
  return { invitation: found, participant };
}

/**
 * Resending: a fresh link in a fresh mail, for when the first did not arrive or got lost. The old token cannot be
 * mailed again (only its hash is stored), so the invitation gets a new one and the old link stops working at once
 * (it is then unknown, like any guess). A link that is revoked or over is not brought back this way: the coach
 * invites again, with a period chosen anew.
 */
export async function resendMentorInvitation(
  db: Db,
  settings: MentorLinkSettings,
  ctx: RequestContext,
  id: string,
): Promise<MentorInvitationWithLink> {
  const { actor } = ctx;
  const token = generateMentorToken();
  const { invitation, mail } = await withTenant(db, actor.organisationId, async (tx) => {
    const { invitation, participant } = await invitationForMentors(tx, ctx, id);
    if (participant.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
    const status = invitationStatus(invitation, todayIso());
    if (status === 'revoked') throw new AppError('link_revoked', 'This link was revoked: invite the mentor again');
    if (status === 'expired') throw new AppError('link_expired', 'This link’s period is over: invite the mentor again');
    await tx
      .update(mentorInvitations)
      .set({ tokenHash: hashMentorToken(settings.secret, token) })
      .where(eq(mentorInvitations.id, id));
    await recordAudit(tx, ctx, {
      action: 'mentor.resent',
      targetType: 'participant',
      targetId: invitation.participantId,
      details: { invitationId: id },
    });
    return { invitation, mail: await linkMail(tx, settings, token, invitation, participant) };
  });
  const resent = await mailTheLink(db, settings, actor.organisationId, id, invitation.mentorEmail, mail);
  return { ...resent, link: linkOf(settings, token) };
}

/** Revoking is final and idempotent: a second revoke answers the invitation as it is, without a new record. */
export function revokeMentorInvitation(db: Db, ctx: RequestContext, id: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const { invitation: found } = await invitationForMentors(tx, ctx, id);
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
