import { aliasedTable, asc, desc, eq } from 'drizzle-orm';
import type { ParticipantAccountStatus } from '#shared/participant-account';
import type { ParticipantDossier } from '#shared/participants';
import type { Tx } from '../../db/client';
import {
  activationCodes,
  careerEvents,
  consents,
  indications,
  participantCoaches,
  participants,
  referrers,
  sites,
  stakeholders,
  teams,
  user,
} from '../../db/schema';
import { notFound } from '../../lib/errors';

const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** The participant's own login as the dossier shows it: never the code, only whether one is waiting. */
async function loadAccountStatus(tx: Tx, userId: string): Promise<ParticipantAccountStatus | null> {
  const [row] = await tx
    .select({ username: user.username, deactivatedAt: user.deactivatedAt, expiresAt: activationCodes.expiresAt })
    .from(user)
    .leftJoin(activationCodes, eq(activationCodes.userId, user.id))
    .where(eq(user.id, userId));
  if (!row) return null;
  return {
    username: row.username ?? '',
    active: row.deactivatedAt === null,
    activationPending: row.expiresAt !== null,
    activationExpiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** One dossier in the shape of shared/participants.ts; the summary view leaves out everything confidential. */
export async function loadDossier(tx: Tx, id: string, view: 'full' | 'summary'): Promise<ParticipantDossier> {
  const [found] = await tx
    .select({
      p: participants,
      siteName: sites.name,
      teamName: teams.name,
      referrer: { id: referrers.id, name: referrers.name, kind: referrers.kind },
    })
    .from(participants)
    .innerJoin(sites, eq(sites.id, participants.siteId))
    .leftJoin(teams, eq(teams.id, participants.teamId))
    .leftJoin(referrers, eq(referrers.id, participants.referrerId))
    .where(eq(participants.id, id));
  if (!found) throw notFound('Participant');
  const { p } = found;

  const coaches = await tx
    .select({ id: user.id, name: user.name })
    .from(participantCoaches)
    .innerJoin(user, eq(user.id, participantCoaches.userId))
    .where(eq(participantCoaches.participantId, id))
    .orderBy(asc(user.name));

  const eventTeam = aliasedTable(teams, 'event_team');
  const events = await tx
    .select({ e: careerEvents, teamName: eventTeam.name, recorderName: user.name })
    .from(careerEvents)
    .leftJoin(eventTeam, eq(eventTeam.id, careerEvents.teamId))
    .leftJoin(user, eq(user.id, careerEvents.recordedBy))
    .where(eq(careerEvents.participantId, id))
    .orderBy(asc(careerEvents.date), asc(careerEvents.seq));

  const full = view === 'full';
  let confidential: ParticipantDossier['confidential'] = null;
  if (full) {
    const indicationRows = await tx
      .select()
      .from(indications)
      .where(eq(indications.participantId, id))
      .orderBy(desc(indications.validFrom), asc(indications.createdAt));
    const stakeholderRows = await tx
      .select()
      .from(stakeholders)
      .where(eq(stakeholders.participantId, id))
      .orderBy(asc(stakeholders.createdAt), asc(stakeholders.name));
    const consentRows = await tx
      .select({ c: consents, recorderName: user.name })
      .from(consents)
      .leftJoin(user, eq(user.id, consents.recordedBy))
      .where(eq(consents.participantId, id))
      .orderBy(desc(consents.recordedOn), desc(consents.createdAt), desc(consents.id));
    const account = p.userId ? await loadAccountStatus(tx, p.userId) : null;
    confidential = {
      dateOfBirth: p.dateOfBirth,
      email: p.email,
      phone: p.phone,
      address: p.address,
      referrer: found.referrer?.id ? found.referrer : null,
      referrerContact: p.referrerContact,
      indications: indicationRows.map((i) => ({
        id: i.id,
        type: i.type,
        supportLevel: i.supportLevel,
        validFrom: i.validFrom,
        validUntil: i.validUntil,
        note: i.note,
      })),
      stakeholders: stakeholderRows.map((s) => ({
        id: s.id,
        name: s.name,
        relation: s.relation,
        contact: s.contact,
        mayBeInvolved: s.mayBeInvolved,
      })),
      consents: consentRows.map(({ c, recorderName }) => ({
        id: c.id,
        kind: c.kind,
        granted: c.granted,
        recordedOn: c.recordedOn,
        recordedBy: named(c.recordedBy, recorderName),
      })),
      account,
    };
  }

  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    status: p.status,
    startDate: p.startDate,
    programmeType: p.programmeType,
    site: { id: p.siteId, name: found.siteName },
    team: named(p.teamId, found.teamName),
    coaches,
    archived: p.archivedAt !== null,
    view,
    timeline: events.map(({ e, teamName, recorderName }) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      team: named(e.teamId, teamName),
      toRole: e.toRole,
      exitDestination: e.exitDestination,
      note: full ? e.note : null,
      recordedBy: named(e.recordedBy, recorderName),
      createdAt: e.createdAt.toISOString(),
    })),
    confidential,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
