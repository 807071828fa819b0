import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { MentorLinkView, MentorObservationSaved, mentorObservationInput } from '#shared/observations';
import { todayIso } from '#shared/participants';
import type { Db, Tx } from '../../db/client';
import { auditLog, mentorInvitations, observations, organisations, participants, ratings } from '../../db/schema';
import { asPlatform, withTenant } from '../../db/tenant';
import { AppError, notFound } from '../../lib/errors';
import { loadDefaultVersion } from '../competencies/read';
import { invitationStatus } from './mentor-status';
import { hashMentorToken } from './mentor-token';
import { checkObservation, firstStartOf } from './rules';
import { assertSameDraft, findByClientKey, insertObservation } from './write';

/**
 * The public side of a mentor link: no session, the token is the key. The token's hash is looked up before the
 * tenant is known (as the owner, like a login lookup); everything after runs as the tenant of the invitation.
 * The mentor reaches one participant only: the invitation's. They see the first and last name, the organisation's
 * name and the form; nothing else of the dossier.
 */

export interface MentorLink {
  id: string;
  organisationId: string;
}

/** The invitation behind a token, or undefined (the route then counts a failure for the IP's throttle). */
export async function findMentorLink(db: Db, secret: string, token: string): Promise<MentorLink | undefined> {
  const [found] = await asPlatform(db, (tx) =>
    tx
      .select({ id: mentorInvitations.id, organisationId: mentorInvitations.organisationId })
      .from(mentorInvitations)
      .where(eq(mentorInvitations.tokenHash, hashMentorToken(secret, token))),
  );
  return found;
}

type LinkState = Awaited<ReturnType<typeof linkState>>;

/**
 * The invitation and its participant. For a write both rows are locked: a revoke running at the same moment is
 * either waited for (and then seen) or waits itself, and writes for one participant go one after the other.
 */
async function linkState(tx: Tx, link: MentorLink, lock: boolean) {
  const query = tx
    .select({
      invitation: mentorInvitations,
      participant: {
        id: participants.id,
        firstName: participants.firstName,
        lastName: participants.lastName,
        archivedAt: participants.archivedAt,
      },
    })
    .from(mentorInvitations)
    .innerJoin(participants, eq(participants.id, mentorInvitations.participantId))
    .where(eq(mentorInvitations.id, link.id));
  const [found] = lock ? await query.for('update') : await query;
  if (!found) throw notFound('Link');
  return found;
}

/** Why the link cannot be used today, if it cannot: revoked, outside its period, or the dossier is closed. */
function refusalOf(state: LinkState, today: string): AppError | undefined {
  const status = invitationStatus(state.invitation, today);
  if (status === 'revoked') return new AppError('link_revoked', 'This link was revoked');
  if (status !== 'active') return new AppError('link_expired', 'This link does not work on this day');
  if (state.participant.archivedAt) return new AppError('link_expired', 'This link no longer works');
  return undefined;
}

/** Every use of a link is recorded, refused ones too; the actor is the mentor, who has no account. */
async function auditUse(tx: Tx, state: LinkState, action: string, ip: string, details: Record<string, unknown>) {
  await tx.insert(auditLog).values({
    organisationId: state.invitation.organisationId,
    actorId: null,
    actorName: `mentor: ${state.invitation.mentorName}`,
    action,
    targetType: 'participant',
    targetId: state.participant.id,
    details: { invitationId: state.invitation.id, ...details },
    ip,
  });
}

const markUsed = (tx: Tx, id: string) =>
  tx.update(mentorInvitations).set({ lastUsedAt: new Date() }).where(eq(mentorInvitations.id, id));

/**
 * Runs a use of the link. A refusal is recorded and committed before it is answered (so the audit keeps it); any
 * other failure rolls the whole use back.
 */
async function withLink<T>(
  db: Db,
  link: MentorLink,
  ip: string,
  lock: boolean,
  use: (tx: Tx, state: LinkState) => Promise<T>,
): Promise<T> {
  const outcome = await withTenant(db, link.organisationId, async (tx) => {
    const state = await linkState(tx, link, lock);
    const refusal = refusalOf(state, todayIso());
    if (refusal) {
      await auditUse(tx, state, 'mentor_link.refused', ip, { reason: refusal.code });
      return { refusal };
    }
    return { result: await use(tx, state) };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.result;
}

/** GET /mentor-links/:token: the intern's name, the organisation, the form, and what this mentor sent before. */
export function viewMentorLink(db: Db, link: MentorLink, ip: string): Promise<MentorLinkView> {
  return withLink(db, link, ip, false, async (tx, { invitation, participant }) => {
    const version = await loadDefaultVersion(tx).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') {
        throw new AppError('conflict', 'The organisation has no competency framework yet');
      }
      throw err;
    });
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, invitation.organisationId));
    const firstStart = await firstStartOf(tx, participant.id);
    const submitted = await tx
      .select({ observedOn: observations.observedOn, ratingCount: count(ratings.competencyId) })
      .from(observations)
      .leftJoin(ratings, eq(ratings.observationId, observations.id))
      // By participant first: observations_participant_idx, not every observation of the organisation.
      .where(and(eq(observations.participantId, participant.id), eq(observations.mentorInvitationId, invitation.id)))
      .groupBy(observations.id, observations.observedOn, observations.createdAt)
      .orderBy(desc(observations.observedOn), desc(observations.createdAt));
    await markUsed(tx, invitation.id);
    await auditUse(tx, { invitation, participant }, 'mentor_link.viewed', ip, {});
    return {
      organisationName: org?.name ?? '',
      participant: { firstName: participant.firstName, lastName: participant.lastName },
      mentorName: invitation.mentorName,
      validUntil: invitation.validUntil,
      earliestDate: firstStart && firstStart > invitation.validFrom ? firstStart : invitation.validFrom,
      frameworkVersion: {
        id: version.id,
        number: version.number,
        frameworkName: version.frameworkName,
        scale: version.scale,
        competencies: version.competencies.map((c) => ({
          id: c.id,
          key: c.key,
          name: c.name,
          description: c.description,
          indicators: c.indicators,
        })),
      },
      submitted,
    };
  });
}

export interface SubmitResult {
  saved: MentorObservationSaved;
  created: boolean;
}

/**
 * POST /mentor-links/:token/observations: the mentor series, context "stage", dated within the link's period and
 * not before the participant's start. A draft sent twice is stored once (200 the second time).
 */
export function submitMentorObservation(
  db: Db,
  link: MentorLink,
  ip: string,
  body: z.infer<typeof mentorObservationInput>,
): Promise<SubmitResult> {
  return withLink(db, link, ip, true, async (tx, state) => {
    const { invitation, participant } = state;
    const draft = await findByClientKey(tx, body.clientKey);
    if (draft) {
      assertSameDraft(draft, { participantId: participant.id, raterUserId: null, mentorInvitationId: invitation.id });
      const [n] = await tx.select({ n: count() }).from(ratings).where(eq(ratings.observationId, draft.id));
      return { saved: { ok: true as const, observedOn: draft.observedOn, ratingCount: n?.n ?? 0 }, created: false };
    }
    const version = await checkObservation(tx, participant, body, invitation);
    const { id } = await insertObservation(tx, {
      organisationId: invitation.organisationId,
      participantId: participant.id,
      raterKind: 'mentor',
      raterUserId: null,
      mentorInvitationId: invitation.id,
      context: 'stage',
      observedOn: body.observedOn,
      note: body.note,
      clientKey: body.clientKey,
      version,
      ratings: body.ratings,
    });
    await markUsed(tx, invitation.id);
    await auditUse(tx, state, 'mentor_link.observation_created', ip, {
      observationId: id,
      ratingCount: body.ratings.length,
    });
    return {
      saved: { ok: true as const, observedOn: body.observedOn, ratingCount: body.ratings.length },
      created: true,
    };
  });
}
