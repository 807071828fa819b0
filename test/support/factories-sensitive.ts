import type { DomainStatus, PapActionStatus } from '#shared/action-plans';
import type { GrantKind } from '#shared/sensitive';
import type { Db } from '../../server/db/client';
import { papActions, papDomains, sensitiveAccessGrants } from '../../server/db/schema';
import { buildParticipant, buildUser } from './factories';

/**
 * The sensitive compartment written straight to the database as the owner (like ./factories.ts): PAP domains and
 * actions, and access grants. Missing parents (organisation, participant, grantee) are created. The services of
 * server/modules/action-plans and server/modules/sensitive are the only production writers; these rows satisfy the
 * same constraints.
 */

async function participantOf(db: Db, input: { organisationId?: string; participantId?: string }) {
  if (input.participantId && input.organisationId) {
    return { organisationId: input.organisationId, participantId: input.participantId, coachId: null };
  }
  const participant = await buildParticipant(db, { organisationId: input.organisationId });
  return { organisationId: participant.organisationId, participantId: participant.id, coachId: participant.coachId };
}

/** One saved life domain; a staff-only one gets a reason unless given. */
export async function buildPapDomain(
  db: Db,
  input: {
    organisationId?: string;
    participantId?: string;
    domainCode?: string;
    status?: DomainStatus;
    hinderingFactors?: string;
    ownView?: string;
    staffOnly?: boolean;
    staffOnlyReason?: string;
    revision?: number;
    updatedBy?: string | null;
  } = {},
) {
  const parent = await participantOf(db, input);
  const staffOnly = input.staffOnly ?? false;
  const [row] = await db
    .insert(papDomains)
    .values({
      organisationId: parent.organisationId,
      participantId: parent.participantId,
      domainCode: input.domainCode ?? 'work_income',
      status: input.status ?? 'attention',
      hinderingFactors: input.hinderingFactors ?? 'Schulden bij de energieleverancier.',
      ownView: input.ownView ?? 'Ik wil mijn rekeningen op tijd betalen.',
      staffOnly,
      staffOnlyReason: input.staffOnlyReason ?? (staffOnly ? 'Eerst bespreken met de budgetbegeleider.' : ''),
      revision: input.revision ?? 1,
      updatedBy: input.updatedBy === undefined ? parent.coachId : input.updatedBy,
    })
    .returning();
  if (!row) throw new Error('no PAP domain');
  return row;
}

/** One PAP action, open, due 2026-09-30 unless given. */
export async function buildPapAction(
  db: Db,
  input: {
    organisationId?: string;
    participantId?: string;
    domainCode?: string;
    what?: string;
    owner?: 'participant' | 'coach' | 'other';
    ownerName?: string;
    dueDate?: string;
    status?: PapActionStatus;
    staffOnly?: boolean;
    staffOnlyReason?: string;
    createdBy?: string | null;
  } = {},
) {
  const parent = await participantOf(db, input);
  const staffOnly = input.staffOnly ?? false;
  const [row] = await db
    .insert(papActions)
    .values({
      organisationId: parent.organisationId,
      participantId: parent.participantId,
      domainCode: input.domainCode ?? 'work_income',
      what: input.what ?? 'Afspraak maken bij het OCMW',
      owner: input.owner ?? 'participant',
      ownerName: input.ownerName ?? '',
      dueDate: input.dueDate ?? '2026-09-30',
      status: input.status ?? 'open',
      staffOnly,
      staffOnlyReason: input.staffOnlyReason ?? (staffOnly ? 'Eerst bespreken met de budgetbegeleider.' : ''),
      createdBy: input.createdBy === undefined ? parent.coachId : input.createdBy,
    })
    .returning();
  if (!row) throw new Error('no PAP action');
  return row;
}

/**
 * An access grant to a participant's compartment, active for a day from now unless startsAt/expiresAt say otherwise
 * (an expired grant: both in the past). The grantee is a new coach of the organisation unless given.
 */
export async function buildGrant(
  db: Db,
  input: {
    organisationId?: string;
    participantId?: string;
    userId?: string;
    kind?: GrantKind;
    reason?: string;
    grantedBy?: string | null;
    startsAt?: Date;
    expiresAt?: Date;
    revokedAt?: Date | null;
    revokedBy?: string | null;
  } = {},
) {
  const parent = await participantOf(db, input);
  const userId = input.userId ?? (await buildUser(db, { organisationId: parent.organisationId, role: 'coach' })).id;
  const kind = input.kind ?? 'granted';
  const startsAt = input.startsAt ?? new Date();
  const [row] = await db
    .insert(sensitiveAccessGrants)
    .values({
      organisationId: parent.organisationId,
      participantId: parent.participantId,
      userId,
      kind,
      reason: input.reason ?? 'Vervanging tijdens het verlof van de coach.',
      grantedBy: input.grantedBy === undefined ? (kind === 'granted' ? parent.coachId : null) : input.grantedBy,
      startsAt,
      expiresAt: input.expiresAt ?? new Date(startsAt.getTime() + 24 * 3600_000),
      revokedAt: input.revokedAt ?? null,
      revokedBy: input.revokedBy ?? null,
    })
    .returning();
  if (!row) throw new Error('no grant');
  return row;
}
