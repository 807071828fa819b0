import { aliasedTable, eq, type SQL, sql, type Table } from 'drizzle-orm';
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

/**
 * The rows of one child table as a JSON array (never null), built in the database so the whole dossier is one
 * statement. JSON carries dates as 'YYYY-MM-DD' (as the ORM's string dates) and timestamps as ISO 8601 text.
 */
function jsonList(fields: Record<string, unknown>, from: SQL, orderBy: SQL): SQL {
  const pairs = sql.join(
    Object.entries(fields).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
    sql`, `,
  );
  return sql`coalesce((select json_agg(json_build_object(${pairs}) order by ${orderBy}) ${from}), '[]')`;
}

// An aliased table renders as its alias alone inside sql``: FROM names the table and the alias itself.
const aliased = <T extends Table>(table: T, alias: string) => ({
  columns: aliasedTable(table, alias),
  from: sql`${table} ${sql.identifier(alias)}`,
});
const eventTeam = aliased(teams, 'event_team');
const eventRecorder = aliased(user, 'event_recorder');
const consentRecorder = aliased(user, 'consent_recorder');

const coachList = jsonList(
  { id: user.id, name: user.name },
  sql`from ${participantCoaches} join ${user} on ${user.id} = ${participantCoaches.userId}
      where ${participantCoaches.participantId} = ${participants.id}`,
  sql`${user.name}`,
);

interface EventJson {
  id: string;
  kind: ParticipantDossier['timeline'][number]['kind'];
  date: string;
  teamId: string | null;
  teamName: string | null;
  toRole: string | null;
  exitDestination: string | null;
  note: string | null;
  recordedBy: string | null;
  recorderName: string | null;
  createdAt: string;
}
const eventList = jsonList(
  {
    id: careerEvents.id,
    kind: careerEvents.kind,
    date: careerEvents.date,
    teamId: careerEvents.teamId,
    teamName: eventTeam.columns.name,
    toRole: careerEvents.toRole,
    exitDestination: careerEvents.exitDestination,
    note: careerEvents.note,
    recordedBy: careerEvents.recordedBy,
    recorderName: eventRecorder.columns.name,
    createdAt: careerEvents.createdAt,
  },
  sql`from ${careerEvents}
      left join ${eventTeam.from} on ${eventTeam.columns.id} = ${careerEvents.teamId}
      left join ${eventRecorder.from} on ${eventRecorder.columns.id} = ${careerEvents.recordedBy}
      where ${careerEvents.participantId} = ${participants.id}`,
  sql`${careerEvents.date}, ${careerEvents.seq}`,
);

type IndicationJson = NonNullable<ParticipantDossier['confidential']>['indications'][number];
const indicationList = jsonList(
  {
    id: indications.id,
    type: indications.type,
    supportLevel: indications.supportLevel,
    validFrom: indications.validFrom,
    validUntil: indications.validUntil,
    note: indications.note,
  },
  sql`from ${indications} where ${indications.participantId} = ${participants.id}`,
  sql`${indications.validFrom} desc, ${indications.createdAt}`,
);

type StakeholderJson = NonNullable<ParticipantDossier['confidential']>['stakeholders'][number];
const stakeholderList = jsonList(
  {
    id: stakeholders.id,
    name: stakeholders.name,
    relation: stakeholders.relation,
    contact: stakeholders.contact,
    mayBeInvolved: stakeholders.mayBeInvolved,
  },
  sql`from ${stakeholders} where ${stakeholders.participantId} = ${participants.id}`,
  sql`${stakeholders.createdAt}, ${stakeholders.name}`,
);

interface ConsentJson {
  id: string;
  kind: string;
  granted: boolean;
  recordedOn: string;
  recordedBy: string | null;
  recorderName: string | null;
}
const consentList = jsonList(
  {
    id: consents.id,
    kind: consents.kind,
    granted: consents.granted,
    recordedOn: consents.recordedOn,
    recordedBy: consents.recordedBy,
    recorderName: consentRecorder.columns.name,
  },
  sql`from ${consents} left join ${consentRecorder.from} on ${consentRecorder.columns.id} = ${consents.recordedBy}
      where ${consents.participantId} = ${participants.id}`,
  sql`${consents.recordedOn} desc, ${consents.createdAt} desc, ${consents.id} desc`,
);

/** The participant's own login as the dossier shows it: never the code, only whether one is waiting. */
interface AccountJson {
  username: string | null;
  deactivatedAt: string | null;
  expiresAt: string | null;
}
const accountOf = sql`(select json_build_object('username', ${user.username}, 'deactivatedAt', ${user.deactivatedAt},
    'expiresAt', ${activationCodes.expiresAt})
  from ${user} left join ${activationCodes} on ${activationCodes.userId} = ${user.id}
  where ${user.id} = ${participants.userId})`;

/**
 * One dossier in the shape of shared/participants.ts, in one statement; the summary view leaves out everything
 * confidential and does not even read it.
 */
export async function loadDossier(tx: Tx, id: string, view: 'full' | 'summary'): Promise<ParticipantDossier> {
  const full = view === 'full';
  const none = sql`null`;
  const [found] = await tx
    .select({
      p: participants,
      siteName: sites.name,
      teamName: teams.name,
      referrer: { id: referrers.id, name: referrers.name, kind: referrers.kind },
      coaches: sql<ParticipantDossier['coaches']>`${coachList}`,
      events: sql<EventJson[]>`${eventList}`,
      indications: sql<IndicationJson[] | null>`${full ? indicationList : none}`,
      stakeholders: sql<StakeholderJson[] | null>`${full ? stakeholderList : none}`,
      consents: sql<ConsentJson[] | null>`${full ? consentList : none}`,
      account: sql<AccountJson | null>`${full ? accountOf : none}`,
    })
    .from(participants)
    .innerJoin(sites, eq(sites.id, participants.siteId))
    .leftJoin(teams, eq(teams.id, participants.teamId))
    .leftJoin(referrers, eq(referrers.id, participants.referrerId))
    .where(eq(participants.id, id));
  if (!found) throw notFound('Participant');
  const { p, account } = found;

  const confidential: ParticipantDossier['confidential'] = full
    ? {
        dateOfBirth: p.dateOfBirth,
        email: p.email,
        phone: p.phone,
        address: p.address,
        referrer: found.referrer?.id ? found.referrer : null,
        referrerContact: p.referrerContact,
        indications: found.indications ?? [],
        stakeholders: found.stakeholders ?? [],
        consents: (found.consents ?? []).map((c) => ({
          id: c.id,
          kind: c.kind,
          granted: c.granted,
          recordedOn: c.recordedOn,
          recordedBy: named(c.recordedBy, c.recorderName),
        })),
        account: account
          ? {
              username: account.username ?? '',
              active: account.deactivatedAt === null,
              activationPending: account.expiresAt !== null,
              activationExpiresAt: account.expiresAt === null ? null : new Date(account.expiresAt).toISOString(),
            }
          : null,
      }
    : null;

  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    status: p.status,
    startDate: p.startDate,
    programmeType: p.programmeType,
    site: { id: p.siteId, name: found.siteName },
    team: named(p.teamId, found.teamName),
    coaches: found.coaches,
    archived: p.archivedAt !== null,
    anonymisedAt: p.anonymisedAt ? p.anonymisedAt.toISOString() : null,
    view,
    timeline: found.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      team: named(e.teamId, e.teamName),
      toRole: e.toRole,
      exitDestination: e.exitDestination,
      note: full ? e.note : null,
      recordedBy: named(e.recordedBy, e.recorderName),
      createdAt: new Date(e.createdAt).toISOString(),
    })),
    confidential,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
