import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ExportDocument } from '#shared/privacy';
import type { Tx } from '../../db/client';
import {
  auditLog,
  careerEvents,
  competencies,
  consents,
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  developmentPlanVersions,
  feedbackConversations,
  indications,
  instrumentAttachments,
  instrumentDefinitions,
  instrumentResults,
  mentorInvitations,
  observations,
  organisations,
  papActions,
  papDomains,
  participantCoaches,
  ratings,
  referrers,
  sensitiveAccessGrants,
  sites,
  skillLevels,
  skills,
  stakeholders,
  teams,
  user,
  workPackagePlacements,
  workPackages,
} from '../../db/schema';
import type { ParticipantRow } from '../participants/access';

/**
 * Reads everything Groeipad holds about one participant into the export document (shared/privacy.ts). Runs inside
 * the caller's tenant transaction, after the caller decided the actor may export: it reads the sensitive compartment
 * without asking the compartment's door, because the right of access covers it whoever answers the request.
 */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** User names by id, loaded once for every person the rows mention. */
async function namesOf(tx: Tx, ids: Iterable<string | null | undefined>) {
  const wanted = [...new Set([...ids].filter((i): i is string => !!i))];
  const rows = wanted.length
    ? await tx.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, wanted))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return (userId: string | null | undefined) => (userId ? (byId.get(userId) ?? null) : null);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function mentorStatus(row: { revokedAt: Date | null; validFrom: string; validUntil: string }, today: string) {
  if (row.revokedAt) return 'revoked' as const;
  if (today < row.validFrom) return 'upcoming' as const;
  if (today > row.validUntil) return 'expired' as const;
  return 'active' as const;
}

async function loadDossier(tx: Tx, p: ParticipantRow) {
  const [context] = await tx
    .select({ organisation: organisations.name, site: sites.name, team: teams.name, referrer: referrers.name })
    .from(organisations)
    .innerJoin(sites, eq(sites.id, p.siteId))
    .leftJoin(teams, eq(teams.id, sql`${p.teamId}::uuid`))
    .leftJoin(referrers, eq(referrers.id, sql`${p.referrerId}::uuid`))
    .where(eq(organisations.id, p.organisationId));
  const [login] = p.userId
    ? await tx
        .select({ username: user.username, createdAt: user.createdAt, deactivatedAt: user.deactivatedAt })
        .from(user)
        .where(eq(user.id, p.userId))
    : [];
  const coaches = await tx
    .select({ name: user.name })
    .from(participantCoaches)
    .innerJoin(user, eq(user.id, participantCoaches.userId))
    .where(eq(participantCoaches.participantId, p.id))
    .orderBy(asc(user.name));
  return { context, login, coaches: coaches.map((c) => c.name) };
}

async function loadObservations(tx: Tx, participantId: string) {
  const rows = await tx
    .select({
      id: observations.id,
      observedOn: observations.observedOn,
      raterKind: observations.raterKind,
      raterUserId: observations.raterUserId,
      mentorName: mentorInvitations.mentorName,
      context: observations.context,
      note: observations.note,
      createdAt: observations.createdAt,
    })
    .from(observations)
    .leftJoin(mentorInvitations, eq(mentorInvitations.id, observations.mentorInvitationId))
    .where(eq(observations.participantId, participantId))
    .orderBy(asc(observations.observedOn), asc(observations.createdAt));
  const scores = await tx
    .select({
      observationId: ratings.observationId,
      competency: competencies.name,
      score: ratings.score,
      note: ratings.note,
    })
    .from(ratings)
    .innerJoin(competencies, eq(competencies.id, ratings.competencyId))
    .where(eq(ratings.participantId, participantId))
    .orderBy(asc(competencies.position));
  return { rows, scores };
}

async function loadDevelopmentPlan(tx: Tx, participantId: string) {
  return {
    versions: await tx
      .select()
      .from(developmentPlanVersions)
      .where(eq(developmentPlanVersions.participantId, participantId))
      .orderBy(asc(developmentPlanVersions.number)),
    progress: await tx
      .select()
      .from(developmentPlanActionProgress)
      .where(eq(developmentPlanActionProgress.participantId, participantId))
      .orderBy(asc(developmentPlanActionProgress.updatedAt)),
    notes: await tx
      .select()
      .from(developmentPlanGoalNotes)
      .where(eq(developmentPlanGoalNotes.participantId, participantId))
      .orderBy(asc(developmentPlanGoalNotes.createdAt)),
    proposals: await tx
      .select()
      .from(developmentPlanProposals)
      .where(eq(developmentPlanProposals.participantId, participantId))
      .orderBy(asc(developmentPlanProposals.createdAt)),
    presentations: await tx
      .select()
      .from(developmentPlanPresentations)
      .where(eq(developmentPlanPresentations.participantId, participantId))
      .orderBy(asc(developmentPlanPresentations.presentedOn)),
  };
}

async function loadCompartment(tx: Tx, participantId: string) {
  const results = await tx
    .select({
      id: instrumentResults.id,
      instrument: instrumentDefinitions.name,
      kind: instrumentDefinitions.kind,
      fields: instrumentDefinitions.fields,
      takenOn: instrumentResults.takenOn,
      values: instrumentResults.values,
      note: instrumentResults.note,
      assessorId: instrumentResults.assessorId,
    })
    .from(instrumentResults)
    .innerJoin(instrumentDefinitions, eq(instrumentDefinitions.id, instrumentResults.definitionId))
    .where(eq(instrumentResults.participantId, participantId))
    .orderBy(asc(instrumentResults.takenOn), asc(instrumentResults.createdAt));
  const files = results.length
    ? await tx
        .select()
        .from(instrumentAttachments)
        .where(
          inArray(
            instrumentAttachments.resultId,
            results.map((r) => r.id),
          ),
        )
        .orderBy(asc(instrumentAttachments.uploadedAt))
    : [];
  return {
    domains: await tx
      .select()
      .from(papDomains)
      .where(eq(papDomains.participantId, participantId))
      .orderBy(asc(papDomains.domainCode)),
    actions: await tx
      .select()
      .from(papActions)
      .where(eq(papActions.participantId, participantId))
      .orderBy(asc(papActions.dueDate), asc(papActions.createdAt)),
    results,
    files,
    grants: await tx
      .select()
      .from(sensitiveAccessGrants)
      .where(eq(sensitiveAccessGrants.participantId, participantId))
      .orderBy(asc(sensitiveAccessGrants.startsAt)),
  };
}

/** Audit rows about this participant: those that target the dossier and those that name it in their details. */
function loadAuditTrail(tx: Tx, participantId: string) {
  return tx
    .select({ at: auditLog.at, actor: auditLog.actorName, action: auditLog.action, reason: auditLog.reason })
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.targetType, 'participant'), eq(auditLog.targetId, participantId)),
        sql`${auditLog.details} ->> 'participantId' = ${participantId}`,
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

export async function loadExport(tx: Tx, p: ParticipantRow, today: string): Promise<ExportDocument> {
  const dossier = await loadDossier(tx, p);
  const events = await tx
    .select({ row: careerEvents, team: teams.name })
    .from(careerEvents)
    .leftJoin(teams, eq(teams.id, careerEvents.teamId))
    .where(eq(careerEvents.participantId, p.id))
    .orderBy(asc(careerEvents.date), asc(careerEvents.seq));
  const indicationRows = await tx
    .select()
    .from(indications)
    .where(eq(indications.participantId, p.id))
    .orderBy(asc(indications.validFrom));
  const stakeholderRows = await tx
    .select()
    .from(stakeholders)
    .where(eq(stakeholders.participantId, p.id))
    .orderBy(asc(stakeholders.createdAt));
  const consentRows = await tx
    .select()
    .from(consents)
    .where(eq(consents.participantId, p.id))
    .orderBy(asc(consents.recordedOn), asc(consents.createdAt));
  const observed = await loadObservations(tx, p.id);
  const feedback = await tx
    .select()
    .from(feedbackConversations)
    .where(eq(feedbackConversations.participantId, p.id))
    .orderBy(asc(feedbackConversations.heldOn));
  const mentors = await tx
    .select()
    .from(mentorInvitations)
    .where(eq(mentorInvitations.participantId, p.id))
    .orderBy(asc(mentorInvitations.createdAt));
  const levels = await tx
    .select({ row: skillLevels, skill: skills.name, team: teams.name })
    .from(skillLevels)
    .innerJoin(skills, eq(skills.id, skillLevels.skillId))
    .innerJoin(teams, eq(teams.id, skills.teamId))
    .where(eq(skillLevels.participantId, p.id))
    .orderBy(asc(skillLevels.assessedOn), asc(skillLevels.createdAt));
  const plan = await loadDevelopmentPlan(tx, p.id);
  const placements = await tx
    .select({ row: workPackagePlacements, workPackage: workPackages.name, team: teams.name })
    .from(workPackagePlacements)
    .innerJoin(workPackages, eq(workPackages.id, workPackagePlacements.packageId))
    .innerJoin(teams, eq(teams.id, workPackages.teamId))
    .where(eq(workPackagePlacements.participantId, p.id))
    .orderBy(asc(workPackagePlacements.fromDate));
  const compartment = await loadCompartment(tx, p.id);
  const audit = await loadAuditTrail(tx, p.id);

  const name = await namesOf(tx, [
    ...events.map((e) => e.row.recordedBy),
    ...consentRows.map((c) => c.recordedBy),
    ...observed.rows.map((o) => o.raterUserId),
    ...feedback.flatMap((f) => [...f.staffIds, f.createdBy]),
    ...levels.map((l) => l.row.assessorId),
    ...plan.versions.flatMap((v) => [v.createdBy, v.coachAgreedBy]),
    ...plan.progress.map((a) => a.updatedBy),
    ...plan.notes.map((n) => n.authorId),
    ...plan.proposals.flatMap((r) => [r.createdBy, r.resolvedBy]),
    ...placements.map((pl) => pl.row.placedBy),
    ...compartment.domains.map((d) => d.updatedBy),
    ...compartment.actions.map((a) => a.createdBy),
    ...compartment.results.map((r) => r.assessorId),
    ...compartment.files.map((f) => f.uploadedBy),
    ...compartment.grants.flatMap((g) => [g.userId, g.grantedBy]),
  ]);
  const scoresOf = groupBy(observed.scores, (s) => s.observationId);
  const filesOf = groupBy(compartment.files, (f) => f.resultId);

  return {
    exportedAt: new Date().toISOString(),
    organisation: dossier.context?.organisation ?? '',
    participant: {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      dateOfBirth: p.dateOfBirth,
      email: p.email,
      phone: p.phone,
      address: p.address,
      site: dossier.context?.site ?? '',
      team: dossier.context?.team ?? null,
      programmeType: p.programmeType,
      referrer: dossier.context?.referrer ?? null,
      referrerContact: p.referrerContact,
      status: p.status,
      startDate: p.startDate,
      archivedAt: isoOrNull(p.archivedAt),
      anonymisedAt: isoOrNull(p.anonymisedAt),
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
      login: dossier.login
        ? {
            username: dossier.login.username,
            createdAt: iso(dossier.login.createdAt),
            deactivatedAt: isoOrNull(dossier.login.deactivatedAt),
          }
        : null,
    },
    coaches: dossier.coaches,
    careerEvents: events.map(({ row, team }) => ({
      date: row.date,
      kind: row.kind,
      team,
      toRole: row.toRole,
      exitDestination: row.exitDestination,
      note: row.note,
      recordedBy: name(row.recordedBy),
      recordedAt: iso(row.createdAt),
    })),
    indications: indicationRows.map((i) => ({
      type: i.type,
      supportLevel: i.supportLevel,
      validFrom: i.validFrom,
      validUntil: i.validUntil,
      note: i.note,
    })),
    stakeholders: stakeholderRows.map((s) => ({
      name: s.name,
      relation: s.relation,
      contact: s.contact,
      mayBeInvolved: s.mayBeInvolved,
    })),
    consents: consentRows.map((c) => ({
      kind: c.kind,
      granted: c.granted,
      recordedOn: c.recordedOn,
      recordedBy: name(c.recordedBy),
    })),
    observations: observed.rows.map((o) => ({
      observedOn: o.observedOn,
      raterKind: o.raterKind,
      raterName: o.raterKind === 'mentor' ? o.mentorName : name(o.raterUserId),
      context: o.context,
      note: o.note,
      ratings: (scoresOf.get(o.id) ?? []).map((s) => ({ competency: s.competency, score: s.score, note: s.note })),
      recordedAt: iso(o.createdAt),
    })),
    feedbackConversations: feedback.map((f) => ({
      heldOn: f.heldOn,
      staff: f.staffIds.map((s) => name(s) ?? '').filter(Boolean),
      participantPresent: f.participantPresent,
      otherAttendees: f.otherAttendees,
      wentWell: f.wentWell,
      toWorkOn: f.toWorkOn,
      agreements: f.agreements,
      recordedBy: name(f.createdBy),
      recordedAt: iso(f.createdAt),
    })),
    mentorLinks: mentors.map((m) => ({
      mentorName: m.mentorName,
      mentorEmail: m.mentorEmail,
      hostOrganisation: m.hostOrganisation,
      validFrom: m.validFrom,
      validUntil: m.validUntil,
      status: mentorStatus(m, today),
      lastUsedAt: isoOrNull(m.lastUsedAt),
      createdAt: iso(m.createdAt),
    })),
    skillLevels: levels.map(({ row, skill, team }) => ({
      skill,
      team,
      level: row.level,
      assessedOn: row.assessedOn,
      assessor: name(row.assessorId),
      note: row.note,
    })),
    developmentPlan: {
      versions: plan.versions.map((v) => ({
        number: v.number,
        status: v.status,
        content: v.content as unknown as Record<string, unknown>,
        createdAt: iso(v.createdAt),
        createdBy: name(v.createdBy),
        updatedAt: iso(v.updatedAt),
        participantAgreedAt: isoOrNull(v.participantAgreedAt),
        coachAgreedAt: isoOrNull(v.coachAgreedAt),
        coachAgreedBy: name(v.coachAgreedBy),
        agreedAt: isoOrNull(v.agreedAt),
      })),
      actionProgress: plan.progress.map((a) => ({
        actionKey: a.actionKey,
        status: a.status,
        updatedBy: name(a.updatedBy),
        updatedAt: iso(a.updatedAt),
      })),
      goalNotes: plan.notes.map((n) => ({
        goalKey: n.goalKey,
        text: n.text,
        author: name(n.authorId),
        createdAt: iso(n.createdAt),
      })),
      proposals: plan.proposals.map((r) => ({
        kind: r.kind,
        message: r.message,
        payload: r.payload,
        status: r.status,
        reply: r.reply,
        createdBy: name(r.createdBy),
        createdAt: iso(r.createdAt),
        resolvedBy: name(r.resolvedBy),
        resolvedAt: isoOrNull(r.resolvedAt),
      })),
      presentations: plan.presentations.map((r) => ({
        versionNumber: r.versionNumber,
        presentedOn: r.presentedOn,
        occasion: r.occasion,
      })),
    },
    pathwayPlacements: placements.map(({ row, workPackage, team }) => ({
      workPackage,
      team,
      fromDate: row.fromDate,
      toDate: row.toDate,
      placedBy: name(row.placedBy),
    })),
    sensitive: {
      papDomains: compartment.domains.map((d) => ({
        domain: d.domainCode,
        status: d.status,
        hinderingFactors: d.hinderingFactors,
        ownView: d.ownView,
        staffOnly: d.staffOnly,
        staffOnlyReason: d.staffOnlyReason,
        updatedBy: name(d.updatedBy),
        updatedAt: iso(d.updatedAt),
      })),
      papActions: compartment.actions.map((a) => ({
        domain: a.domainCode,
        what: a.what,
        owner: a.owner,
        ownerName: a.ownerName,
        dueDate: a.dueDate,
        status: a.status,
        staffOnly: a.staffOnly,
        staffOnlyReason: a.staffOnlyReason,
        createdBy: name(a.createdBy),
        createdAt: iso(a.createdAt),
      })),
      instrumentResults: compartment.results.map((r) => {
        const labelOf = new Map(r.fields.map((f) => [f.key, f.label]));
        return {
          instrument: r.instrument,
          kind: r.kind,
          takenOn: r.takenOn,
          values: Object.entries(r.values).map(([key, value]) => ({ key, label: labelOf.get(key) ?? key, value })),
          note: r.note,
          assessor: name(r.assessorId),
          attachments: (filesOf.get(r.id) ?? []).map((f) => ({
            fileName: f.fileName,
            mediaType: f.mediaType,
            size: f.size,
            sha256: f.sha256,
            uploadedBy: name(f.uploadedBy),
            uploadedAt: iso(f.uploadedAt),
            contentBase64: f.content.toString('base64'),
          })),
        };
      }),
      accessGrants: compartment.grants.map((g) => ({
        kind: g.kind,
        grantee: name(g.userId),
        reason: g.reason,
        grantedBy: name(g.grantedBy),
        startsAt: iso(g.startsAt),
        expiresAt: iso(g.expiresAt),
        revokedAt: isoOrNull(g.revokedAt),
      })),
    },
    auditTrail: audit.map((a) => ({ at: iso(a.at), actor: a.actor, action: a.action, reason: a.reason })),
  };
}
