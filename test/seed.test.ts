import { createHash } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { asc, count, type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { username as usernameSchema } from '#shared/auth';
import {
  complianceStates,
  type PlanEvidence,
  planContent,
  planOverview,
  proposalCreateBody,
} from '#shared/development-plans';
import { matrixCells } from '#shared/iluo';
import { builtInListItems } from '#shared/lists';
import type { ParticipantStatus } from '#shared/participants';
import { todayIso } from '#shared/participants';
import { generateDemo } from '../scripts/seed/demo';
import { loadDemo } from '../scripts/seed/demo-services';
import { DEFAULT_PLAN_SETTINGS } from '../scripts/seed/generators/development-plans';
import { exitDestinations } from '../scripts/seed/generators/participants';
import { skillCatalogue } from '../scripts/seed/generators/skill-catalogue';
import { DatabaseNotEmptyError, loadDataset } from '../scripts/seed/load';
import { addDays, daysBetween } from '../scripts/seed/random';
import { type BulkRows, bulkTables, type Dataset, emptyBulk } from '../scripts/seed/records';
import { DEMO_PASSWORD, type Scale, scales } from '../scripts/seed/scales';
import { type Generated, generateScale } from '../scripts/seed/scenario';
import { summarise } from '../scripts/seed/summary';
import type { Db } from '../server/db/client';
import { careerEvents, organisations, participants, ratings, user } from '../server/db/schema';
import { complianceOf } from '../server/modules/development-plans/compliance';
import { checkTimeline, deriveState } from '../server/modules/participants/timeline';
import { createTestApp, type TestApp } from './support/app';
import { login } from './support/factories';

/** The umbrella's shape at a size a test can afford. */
const small: Scale = {
  name: 'small',
  organisations: 3,
  participants: 150,
  years: 5,
  sites: [1, 3],
  teamsPerSite: [2, 3],
  participantsPerCoach: 30,
};

/** Map.groupBy is ES2024; Node 20 lacks it. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The data set and every history row, batch by batch, in one hash. */
function fingerprint(generated: Generated) {
  const hash = createHash('sha256').update(JSON.stringify(generated.dataset));
  for (const org of generated.dataset.organisations) {
    for (const batch of generated.bulk(org.id)) hash.update(JSON.stringify(batch));
  }
  return hash.digest('hex');
}

/** All history rows of a (small) generated data set together. */
function collect(generated: Generated, participantsPerBatch?: number): BulkRows {
  const all = emptyBulk();
  for (const org of generated.organisations) {
    for (const batch of org.workfloor.batches(participantsPerBatch)) {
      for (const table of bulkTables) for (const row of batch[table]) (all[table] as unknown[]).push(row);
    }
  }
  return all;
}

/**
 * The newest row per key, by date then creation time: written here a second way (sort, take the first) to check the
 * generator's caches against.
 */
function newestBy<T>(rows: readonly T[], key: (r: T) => string, date: (r: T) => string, created: (r: T) => Date) {
  const groups = groupBy(rows, key);
  return new Map(
    [...groups].map(([k, list]) => [
      k,
      [...list].sort((a, b) =>
        date(a) === date(b) ? created(b).getTime() - created(a).getTime() : date(a) < date(b) ? 1 : -1,
      )[0] as T,
    ]),
  );
}

/** The status a participant had on a day: the server's own derivation over the events up to that day. */
function statusOn(events: readonly { kind: string; date: string; teamId?: string | null }[], day: string) {
  return deriveState(
    events
      .filter((e) => e.date <= day)
      .map((e, seq) => ({ kind: e.kind as never, date: e.date, seq, teamId: e.teamId })),
  );
}

/**
 * Every rule the workfloor history must keep, for any seed: dates, raters, versions, scales and both caches.
 * Problems are collected and compared once at the end: an expect per row of 150,000 would dominate the run.
 */
function assertWorkfloor(generated: Generated, bulk: BulkRows = collect(generated)) {
  const { dataset, referenceDate } = generated;
  const problems: string[] = [];
  const check = (ok: unknown, problem: () => string) => {
    if (!ok && problems.length < 20) problems.push(problem());
  };
  const eventsOf = groupBy(dataset.careerEvents, (e) => e.participantId);
  const participantOf = new Map(dataset.participants.map((p) => [p.id, p]));
  const roleOf = new Map(dataset.users.map((u) => [u.id, u.role]));
  const coachesOf = groupBy(dataset.participantCoaches, (c) => c.participantId);
  const supervises = new Set(dataset.teamSupervisors.map((s) => `${s.userId}|${s.teamId}`));
  const versionOf = new Map(dataset.competencyFrameworkVersions.map((v) => [v.id, v]));
  const competencyOf = new Map(dataset.competencies.map((c) => [c.id, c]));
  const skillOf = new Map(dataset.skills.map((s) => [s.id, s]));
  const invitationOf = new Map(bulk.mentorInvitations.map((m) => [m.id, m]));
  const observationOf = new Map(bulk.observations.map((o) => [o.id, o]));
  const stateOn = (participantId: string, day: string) => statusOn(eventsOf.get(participantId) ?? [], day);
  /** At work on that day: active by the server's derivation, which excludes the day of a pause or an exit. */
  const atWork = (participantId: string, day: string) =>
    day <= referenceDate && stateOn(participantId, day).status === 'active';
  const versions = groupBy(dataset.competencyFrameworkVersions, (v) => v.frameworkId);

  for (const o of bulk.observations) {
    const p = participantOf.get(o.participantId);
    const what = `observation ${o.id} (${o.raterKind}, ${o.observedOn})`;
    check(p && o.organisationId === p.organisationId, () => `${what}: participant of another organisation`);
    check(atWork(o.participantId, o.observedOn), () => `${what}: participant not at work`);
    check(o.createdAt.toISOString().slice(0, 10) === o.observedOn, () => `${what}: recorded on another day`);
    const own = versionOf.get(o.frameworkVersionId);
    check(own?.organisationId === o.organisationId, () => `${what}: version of another organisation`);
    // The version in use that day: the newest that had started.
    const started = (versions.get(own?.frameworkId ?? '') ?? []).filter(
      (v) => v.createdAt.toISOString().slice(0, 10) <= o.observedOn,
    );
    check(started.at(-1)?.id === o.frameworkVersionId, () => `${what}: not the version in use`);
    const coaches = (coachesOf.get(o.participantId) ?? []).map((c) => c.userId);
    const team = stateOn(o.participantId, o.observedOn).teamId;
    if (o.raterKind === 'supervisor') {
      check(supervises.has(`${o.raterUserId}|${team}`), () => `${what}: rater does not supervise the team`);
    }
    if (o.raterKind === 'coach') check(coaches.includes(o.raterUserId ?? ''), () => `${what}: not their coach`);
    if (o.raterKind === 'self') {
      check(o.raterUserId === (p?.userId ?? coaches[0]), () => `${what}: neither their login nor their coach`);
    }
    if (o.raterKind === 'mentor') {
      const invitation = invitationOf.get(o.mentorInvitationId ?? '');
      check(invitation?.participantId === o.participantId, () => `${what}: invitation of someone else`);
      check(
        invitation && o.observedOn >= invitation.validFrom && o.observedOn <= invitation.validUntil,
        () => `${what}: outside the invitation's period`,
      );
      check(o.context === 'stage' && o.raterUserId === null, () => `${what}: a mentor scores on internship only`);
    } else check(o.mentorInvitationId === null, () => `${what}: invitation on a staff observation`);
  }
  for (const r of bulk.ratings) {
    const o = observationOf.get(r.observationId);
    const c = competencyOf.get(r.competencyId);
    const what = `rating ${r.observationId}/${r.competencyKey}`;
    check(c && c.versionId === o?.frameworkVersionId && c.key === r.competencyKey, () => `${what}: competency`);
    check(
      o &&
        r.participantId === o.participantId &&
        r.raterKind === o.raterKind &&
        r.observedOn === o.observedOn &&
        r.frameworkVersionId === o.frameworkVersionId &&
        r.organisationId === o.organisationId,
      () => `${what}: copies differ from the observation`,
    );
    const top = versionOf.get(r.frameworkVersionId)?.scale.length ?? 0;
    check(r.score >= 1 && r.score <= top, () => `${what}: score ${r.score} outside 1..${top}`);
  }
  const created = new Map(bulk.observations.map((o) => [o.id, o.createdAt]));
  const latest = newestBy(
    bulk.ratings,
    (r) => `${r.participantId}|${r.raterKind}|${r.competencyKey}`,
    (r) => r.observedOn,
    (r) => created.get(r.observationId) as Date,
  );
  check(
    bulk.latestRatings.length === latest.size,
    () => `${bulk.latestRatings.length} latest ratings, ${latest.size} keys`,
  );
  for (const l of bulk.latestRatings) {
    const e = latest.get(`${l.participantId}|${l.raterKind}|${l.competencyKey}`);
    check(
      e &&
        l.observationId === e.observationId &&
        l.competencyId === e.competencyId &&
        l.score === e.score &&
        l.observedOn === e.observedOn &&
        l.frameworkVersionId === e.frameworkVersionId &&
        l.observationCreatedAt.getTime() === created.get(l.observationId)?.getTime(),
      () => `latest rating ${l.participantId}/${l.raterKind}/${l.competencyKey} is not the newest`,
    );
  }

  for (const f of bulk.feedbackConversations) {
    const what = `feedback ${f.id} (${f.heldOn})`;
    check(atWork(f.participantId, f.heldOn), () => `${what}: participant not at work`);
    check(f.staffIds.length > 0 && f.staffIds.includes(f.createdBy), () => `${what}: recorder not among the staff`);
    for (const id of f.reviewedObservationIds ?? []) {
      const o = observationOf.get(id);
      check(o?.participantId === f.participantId && o.observedOn <= f.heldOn, () => `${what}: reviews ${id}`);
    }
    check(f.wentWell || f.toWorkOn || f.agreements, () => `${what}: says nothing`);
  }

  for (const l of bulk.skillLevels) {
    const skill = skillOf.get(l.skillId);
    const what = `skill level ${l.id} (${l.assessedOn})`;
    check(skill?.organisationId === l.organisationId && l.assessedOn <= referenceDate, () => `${what}: skill or date`);
    if (l.participantId) {
      check(atWork(l.participantId, l.assessedOn), () => `${what}: participant not at work`);
      check(stateOn(l.participantId, l.assessedOn).teamId === skill?.teamId, () => `${what}: not in the team`);
      check(supervises.has(`${l.assessorId}|${skill?.teamId}`), () => `${what}: assessor does not lead the team`);
    } else {
      check(supervises.has(`${l.userId}|${skill?.teamId}`), () => `${what}: staff of another team`);
      check(roleOf.get(l.assessorId) === 'manager', () => `${what}: staff assessed by a manager`);
    }
  }
  // Each person's levels on a skill climb one step at a time, I → L → U → O, dated in that order.
  for (const [key, levels] of groupBy(bulk.skillLevels, (l) => `${l.skillId}|${l.participantId ?? l.userId}`)) {
    const sorted = [...levels].sort((a, b) => a.level - b.level);
    sorted.forEach((l, i) => {
      const before = sorted[i - 1];
      check(!before || (l.level === before.level + 1 && l.assessedOn > before.assessedOn), () => `${key}: no climb`);
    });
  }
  const current = newestBy(
    bulk.skillLevels,
    (l) => `${l.skillId}|${l.participantId ?? l.userId}`,
    (l) => l.assessedOn,
    (l) => l.createdAt,
  );
  check(bulk.skillLevelsCurrent.length === current.size, () => 'current levels: one per skill × person');
  for (const c of bulk.skillLevelsCurrent) {
    const e = current.get(`${c.skillId}|${c.subject}`);
    check(
      e && c.skillLevelId === e.id && c.level === e.level && c.assessedOn === e.assessedOn,
      () => `current level ${c.skillId}/${c.subject} is not the newest`,
    );
    check(c.subject === (c.participantId ?? c.userId), () => `current level ${c.skillId}: subject`);
  }

  for (const m of bulk.mentorInvitations) {
    check(
      m.validFrom <= m.validUntil && daysBetween(m.validFrom, m.validUntil) <= 366,
      () => `invitation ${m.id}: period`,
    );
    check(roleOf.get(m.createdBy) === 'coach', () => `invitation ${m.id}: made by a coach`);
  }
  for (const j of dataset.participantJobProfiles) {
    check(
      participantOf.get(j.participantId)?.organisationId === j.organisationId,
      () => `job profile ${j.participantId}`,
    );
  }
  expect(problems).toEqual([]);
}

/** Active, not archived participants whose next feedback conversation was due before the reference date. */
function overdueAt(generated: Generated, bulk: BulkRows) {
  const { dataset, referenceDate } = generated;
  const lastHeld = new Map<string, string>();
  for (const f of bulk.feedbackConversations) {
    if (f.heldOn > (lastHeld.get(f.participantId) ?? '')) lastHeld.set(f.participantId, f.heldOn);
  }
  const eventsOf = groupBy(dataset.careerEvents, (e) => e.participantId);
  return dataset.participants
    .filter((p) => p.status === 'active' && !p.archivedAt)
    .filter((p) => {
      const restarts = (eventsOf.get(p.id) ?? []).filter((e) => e.kind === 'start' || e.kind === 'resume');
      const anchor = [lastHeld.get(p.id) ?? '', ...restarts.map((e) => e.date)].sort().at(-1) ?? '';
      const rules = dataset.feedbackRules.filter((r) => r.organisationId === p.organisationId && !r.teamId);
      const interval =
        rules.find((r) => r.programmeType === p.programmeType)?.intervalDays ??
        rules.find((r) => !r.programmeType)?.intervalDays ??
        28;
      return addDays(anchor, interval) < referenceDate;
    });
}

/** Every rule a generated data set must keep, whatever the seed: the same checks for the scales and the demo. */
function assertConsistent({ dataset, referenceDate }: Generated) {
  const ids = new Set<string>();
  for (const rows of [dataset.organisations, dataset.sites, dataset.teams, dataset.users, dataset.participants]) {
    for (const row of rows) {
      expect(ids.has(row.id as string), `duplicate id ${row.id}`).toBe(false);
      ids.add(row.id as string);
    }
  }
  const orgOf = new Map<string, string>();
  for (const rows of [dataset.sites, dataset.teams, dataset.users, dataset.referrers, dataset.participants]) {
    for (const row of rows) orgOf.set(row.id as string, row.organisationId);
  }
  const sameOrg = (id: string | null | undefined, organisationId: string) =>
    expect(id ? orgOf.get(id) : organisationId).toBe(organisationId);
  const teamSite = new Map(dataset.teams.map((t) => [t.id, t.siteId]));
  const roleOf = new Map(dataset.users.map((u) => [u.id, u.role]));

  for (const org of dataset.organisations) {
    const roles = new Set(dataset.users.filter((u) => u.organisationId === org.id).map((u) => u.role));
    for (const role of ['admin', 'manager', 'trainer', 'coach', 'supervisor'] as const) expect(roles).toContain(role);
    for (const team of dataset.teams.filter((t) => t.organisationId === org.id)) {
      expect(dataset.teamSupervisors.some((s) => s.teamId === team.id)).toBe(true);
    }
  }
  expect(new Set(dataset.users.map((u) => u.email)).size).toBe(dataset.users.length);
  for (const u of dataset.users.filter((x) => x.username))
    expect(usernameSchema.safeParse(u.username).success).toBe(true);

  const eventsOf = groupBy(dataset.careerEvents, (e) => e.participantId);
  const coachesOf = groupBy(dataset.participantCoaches, (c) => c.participantId);
  const programmeTypes = builtInListItems.programme_type.map((i) => i.code as string);
  for (const p of dataset.participants) {
    const events = eventsOf.get(p.id) ?? [];
    // seq is the insertion order: the loader inserts events in the order of the data set.
    const timeline = events.map((e, seq) => ({ kind: e.kind, date: e.date, seq, teamId: e.teamId }));
    expect(checkTimeline(timeline)).toBeNull();
    const state = deriveState(timeline);
    expect({ status: p.status, startDate: p.startDate, teamId: p.teamId }).toEqual({
      status: state.status,
      startDate: state.startDate,
      teamId: state.teamId ?? null,
    });
    const intake = events[0];
    expect(intake?.kind).toBe('intake');
    for (const e of events) {
      expect(e.date >= (intake?.date ?? '')).toBe(true);
      expect(e.date <= referenceDate).toBe(true);
      expect(e.organisationId).toBe(p.organisationId);
      sameOrg(e.teamId, p.organisationId);
      sameOrg(e.recordedBy, p.organisationId);
      if (e.kind === 'exit') expect(exitDestinations).toContain(e.exitDestination);
      else expect(e.exitDestination).toBeNull();
      if (e.kind === 'team_change') expect(e.teamId).toBeTruthy();
      if (e.kind === 'promotion') expect(e.toRole).toBe('hulpmeestergast');
    }
    if (p.archivedAt) expect(p.status).toBe('exited');
    expect(p.siteId).toBe(p.teamId ? teamSite.get(p.teamId) : p.siteId);
    sameOrg(p.siteId, p.organisationId);
    sameOrg(p.referrerId, p.organisationId);
    sameOrg(p.userId, p.organisationId);
    if (p.userId) expect(roleOf.get(p.userId)).toBe('participant');
    expect(programmeTypes).toContain(p.programmeType);
    expect(p.dateOfBirth < (intake?.date ?? '')).toBe(true);
    const coaches = coachesOf.get(p.id) ?? [];
    expect(coaches.length).toBeGreaterThan(0);
    for (const c of coaches) {
      expect(roleOf.get(c.userId)).toBe('coach');
      sameOrg(c.userId, p.organisationId);
    }
  }
  for (const i of dataset.indications) expect(!i.validUntil || i.validUntil >= i.validFrom).toBe(true);
  for (const c of dataset.consents) expect(c.recordedOn <= referenceDate).toBe(true);
}

/** The day of a generated timestamp (generated at 09:00–16:00 UTC: the same day in Brussels). */
const dayOf = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

/** The compliance state of every participant on the reference date, by the server's own rule (complianceOf). */
function complianceAt(generated: Generated, bulk: BulkRows) {
  const { dataset, referenceDate } = generated;
  const versionsOf = groupBy(bulk.developmentPlanVersions, (v) => v.participantId);
  const settingsOf = new Map(generated.organisations.map((o) => [o.built.organisation.id, o.workfloor.planSettings]));
  return dataset.participants.map((p) => {
    const agreed = (versionsOf.get(p.id) ?? []).filter((v) => v.status !== 'draft').sort((a, b) => a.number - b.number);
    const latest = agreed.find((v) => v.status === 'agreed');
    const status = complianceOf(
      {
        status: p.status as ParticipantStatus,
        archived: !!p.archivedAt,
        startDate: p.startDate ?? null,
        firstAgreedOn: dayOf(agreed[0]?.agreedAt),
        latest: latest ? { agreedOn: dayOf(latest.agreedAt) as string, content: latest.content } : null,
      },
      settingsOf.get(p.organisationId) ?? DEFAULT_PLAN_SETTINGS,
      referenceDate,
    );
    return { participant: p, status };
  });
}

/**
 * Every rule of the POP history, for any seed: the status invariants the database also enforces (at most one draft
 * and one agreed version, agreed_at and evidence set exactly when not a draft, numbers 1..n), contents the API would
 * accept, evidence equal to the participant's scores and levels on the day of agreement, and follow-up that belongs
 * to the agreed version in force.
 */
function assertPlans(generated: Generated, bulk: BulkRows = collect(generated)) {
  const { dataset, referenceDate } = generated;
  const problems: string[] = [];
  const check = (ok: unknown, problem: () => string) => {
    if (!ok && problems.length < 20) problems.push(problem());
  };
  const participantOf = new Map(dataset.participants.map((p) => [p.id, p]));
  const eventsOf = groupBy(dataset.careerEvents, (e) => e.participantId);
  const coachesOf = groupBy(dataset.participantCoaches, (c) => c.participantId);
  const skillOf = new Map(dataset.skills.map((k) => [k.id, k]));
  const roleOf = new Map(dataset.users.map((u) => [u.id, u.role]));
  const keysOf = new Map(
    generated.organisations.map((o) => [
      o.built.organisation.id,
      new Set(o.workfloor.framework.versions.at(-1)?.competencies.map((c) => c.key)),
    ]),
  );
  const ratingsOf = groupBy(bulk.ratings, (r) => r.participantId);
  const levelsOf = groupBy(
    bulk.skillLevels.filter((l) => l.participantId),
    (l) => l.participantId as string,
  );
  const versionsOf = groupBy(bulk.developmentPlanVersions, (v) => v.participantId);

  for (const [participantId, versions] of versionsOf) {
    const p = participantOf.get(participantId);
    const what = `POP of ${participantId}`;
    const events = eventsOf.get(participantId) ?? [];
    const firstStart = events.find((e) => e.kind === 'start')?.date;
    check(p && firstStart, () => `${what}: a POP for someone who never started`);
    const sorted = [...versions].sort((a, b) => a.number - b.number);
    check(
      sorted.every((v, i) => v.number === i + 1),
      () => `${what}: numbers ${sorted.map((v) => v.number)}`,
    );
    check(sorted.filter((v) => v.status === 'draft').length <= 1, () => `${what}: two drafts`);
    check(sorted.filter((v) => v.status === 'agreed').length <= 1, () => `${what}: two agreed versions`);
    const draft = sorted.find((v) => v.status === 'draft');
    check(!draft || draft === sorted.at(-1), () => `${what}: the draft is not the newest`);
    const agreed = sorted.filter((v) => v.status !== 'draft');
    check(!agreed.length || agreed.at(-1)?.status === 'agreed', () => `${what}: the newest agreed is not in force`);
    const coaches = (coachesOf.get(participantId) ?? []).map((c) => c.userId);
    agreed.forEach((v, i) => {
      const on = dayOf(v.agreedAt) as string;
      const w = `${what} v${v.number}`;
      check(v.agreedAt && v.evidence, () => `${w}: agreed without date or evidence`);
      check(
        v.agreedAt?.getTime() === Math.max(v.participantAgreedAt?.getTime() ?? 0, v.coachAgreedAt?.getTime() ?? 0),
        () => `${w}: agreed_at is not the second confirmation`,
      );
      check(coaches.includes(v.coachAgreedBy ?? ''), () => `${w}: confirmed by someone who is not their coach`);
      check(firstStart && on >= firstStart && on <= referenceDate, () => `${w}: agreed on ${on}`);
      check(statusOn(events, on).status !== 'exited', () => `${w}: agreed after the exit`);
      check(i === 0 || on > (dayOf(agreed[i - 1]?.agreedAt) as string), () => `${w}: agreed before the previous`);
      check(v.createdAt <= v.updatedAt && v.updatedAt <= (v.agreedAt as Date), () => `${w}: timestamps out of order`);
      // The evidence is what the participant's scores and levels were on that day, for what the plan names.
      const evidence = v.evidence as PlanEvidence;
      const named = new Set([
        ...v.content.competencies.genericCurrent,
        ...v.content.competencies.genericFuture,
        ...v.content.goals.flatMap((g) => g.competencyKeys),
      ]);
      check(
        evidence.competencies
          .map((c) => c.key)
          .sort()
          .join() === [...named].sort().join(),
        () => `${w}: evidence names other competencies than the plan`,
      );
      const ratings = (ratingsOf.get(participantId) ?? []).filter((r) => r.observedOn <= on);
      for (const c of evidence.competencies) {
        for (const [kind, score] of Object.entries(c.latest)) {
          const newest = ratings
            .filter((r) => r.competencyKey === c.key && r.raterKind === kind)
            // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings
            .reduce<string>((d, r) => (r.observedOn > d ? r.observedOn : d), '');
          check(score?.on === newest, () => `${w}: ${kind} score of ${c.key} is not the latest on ${on}`);
        }
        check(
          ratings.filter((r) => r.competencyKey === c.key).length === 0 || Object.keys(c.latest).length > 0,
          () => `${w}: ${c.key} was scored but its evidence is empty`,
        );
      }
      const levels = (levelsOf.get(participantId) ?? []).filter((l) => l.assessedOn <= on);
      for (const s of evidence.skills) {
        const newest = levels
          .filter((l) => l.skillId === s.id)
          .reduce<{ level: number; on: string } | null>(
            (best, l) => (!best || l.assessedOn >= best.on ? { level: l.level, on: l.assessedOn } : best),
            null,
          );
        check(s.level === (newest?.level ?? null) && s.on === (newest?.on ?? null), () => `${w}: level of ${s.name}`);
      }
      // Technical competencies chosen in this version are skills of the team the participant was in.
      const team = statusOn(events, on).teamId;
      for (const id of [...v.content.competencies.technicalCurrent, ...v.content.competencies.technicalFuture]) {
        check(skillOf.get(id)?.teamId === team, () => `${w}: skill ${id} not of their team`);
      }
    });
    if (draft) {
      check(!draft.agreedAt && !draft.evidence && !draft.coachAgreedAt, () => `${what}: an agreed draft`);
      check(dayOf(draft.updatedAt) && (dayOf(draft.updatedAt) as string) <= referenceDate, () => `${what}: draft date`);
      check(p?.status !== 'exited', () => `${what}: a draft open after the exit`);
    }
    for (const v of sorted) {
      const parsed = planContent.safeParse(v.content);
      check(parsed.success, () => `${what} v${v.number}: ${JSON.stringify(parsed.error?.issues.slice(0, 2))}`);
      const keys = keysOf.get(v.organisationId) ?? new Set();
      for (const key of [
        ...v.content.competencies.genericCurrent,
        ...v.content.competencies.genericFuture,
        ...v.content.goals.flatMap((g) => g.competencyKeys),
      ]) {
        check(keys.has(key), () => `${what} v${v.number}: ${key} not in the framework`);
      }
      for (const id of [
        ...v.content.competencies.technicalCurrent,
        ...v.content.competencies.technicalFuture,
        ...v.content.goals.flatMap((g) => g.skillIds),
      ]) {
        check(skillOf.get(id)?.organisationId === v.organisationId, () => `${what} v${v.number}: skill ${id}`);
      }
      check(v.organisationId === p?.organisationId, () => `${what}: another organisation`);
    }
  }

  const inForce = new Map(
    bulk.developmentPlanVersions.filter((v) => v.status === 'agreed').map((v) => [v.participantId, v]),
  );
  for (const a of bulk.developmentPlanActionProgress) {
    const v = inForce.get(a.participantId);
    const action = v?.content.actions.find((x) => x.key === a.actionKey);
    check(action && action.status !== a.status, () => `progress ${a.actionKey}: not a change of the plan in force`);
    check(v?.agreedAt && a.updatedAt && a.updatedAt > v.agreedAt, () => `progress ${a.actionKey}: before agreement`);
    check((dayOf(a.updatedAt) as string) <= referenceDate, () => `progress ${a.actionKey}: in the future`);
    const by = participantOf.get(a.participantId)?.userId;
    check(a.updatedBy !== by || action?.owner === 'participant', () => `progress ${a.actionKey}: not their own action`);
  }
  for (const n of bulk.developmentPlanGoalNotes) {
    const v = inForce.get(n.participantId);
    check(
      v?.content.goals.some((g) => g.key === n.goalKey),
      () => `note ${n.id}: a goal not in the plan in force`,
    );
    check(v?.agreedAt && n.createdAt && n.createdAt > v.agreedAt, () => `note ${n.id}: before agreement`);
  }
  for (const x of bulk.developmentPlanProposals) {
    const p = participantOf.get(x.participantId);
    check(p?.userId && x.createdBy === p.userId, () => `proposal ${x.id}: not made by the participant`);
    const body = proposalCreateBody.safeParse({ kind: x.kind, message: x.message, ...x.payload });
    check(body.success, () => `proposal ${x.id}: ${JSON.stringify(body.error?.issues)}`);
    const resolved = x.status !== 'open';
    check(
      resolved === !!x.resolvedAt && resolved === !!x.resolvedBy && (!x.resolvedAt || x.resolvedAt >= x.createdAt),
      () => `proposal ${x.id}: resolution`,
    );
    check(!x.resolvedBy || roleOf.get(x.resolvedBy) === 'coach', () => `proposal ${x.id}: resolved by a non-coach`);
    check((dayOf(x.resolvedAt ?? x.createdAt) as string) <= referenceDate, () => `proposal ${x.id}: in the future`);
  }
  const versionByNumber = new Map(bulk.developmentPlanVersions.map((v) => [`${v.participantId}|${v.number}`, v]));
  for (const x of bulk.developmentPlanPresentations) {
    const v = versionByNumber.get(`${x.participantId}|${x.versionNumber}`);
    check(v && v.status !== 'draft', () => `presentation ${x.id}: of no agreed version`);
    check(
      x.presentedOn > (dayOf(v?.agreedAt) ?? '') && x.presentedOn <= referenceDate,
      () => `presentation ${x.id}: on ${x.presentedOn}`,
    );
  }
  expect(problems).toEqual([]);
}

/** Generating and checking years of history for hundreds of people takes seconds, more on a busy machine. */
const HEAVY = 180_000;

describe('the generator', () => {
  it(
    'gives the same data for the same seed, and other data for another seed',
    () => {
      const scale = { ...small, participants: 60 };
      const once = generateScale(scale, { seed: 42 });
      const again = generateScale(scale, { seed: 42 });
      const other = generateScale(scale, { seed: 43 });
      expect(fingerprint(again)).toBe(fingerprint(once));
      expect(fingerprint(other)).not.toBe(fingerprint(once));
      expect(other.dataset.participants[0]?.id).not.toBe(once.dataset.participants[0]?.id);
      // The history is the same however it is cut into batches.
      const whole = collect(once, 10_000);
      const cut = collect(once, 7);
      for (const table of bulkTables) expect(cut[table]).toEqual(whole[table]);
    },
    HEAVY,
  );

  it(
    'makes the counts of the scale, with participants at every point of their path',
    () => {
      const generated = generateScale(small, { seed: 1 });
      const { dataset } = generated;
      const s = summarise(dataset);
      expect(s.tables.organisations).toBe(3);
      expect(s.tables.participants).toBe(150);
      for (const status of ['registered', 'active', 'paused', 'exited']) expect(s.statuses[status]).toBeGreaterThan(0);
      expect(s.archived).toBeGreaterThan(0);
      const kinds = new Set(dataset.careerEvents.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(['exit', 'intake', 'pause', 'promotion', 'resume', 'start', 'team_change']);
      // Five years of history: the oldest intake lies more than four years before the reference date.
      const oldest = dataset.careerEvents.map((e) => e.date).sort()[0] ?? '';
      expect(oldest < addDays('2026-06-30', -4 * 365)).toBe(true);

      // The workfloor: one default framework in two versions per organisation, 40 ILUO skills per team.
      expect(dataset.competencyFrameworks).toHaveLength(3);
      expect(dataset.competencyFrameworkVersions).toHaveLength(6);
      expect(dataset.competencies).toHaveLength(6 * 11);
      expect(dataset.jobProfiles).toHaveLength(3 * 4);
      for (const [domain, groups] of Object.entries(skillCatalogue)) {
        const names = Object.values(groups).flat();
        expect([domain, names.length, new Set(names.map((n) => n.toLowerCase())).size]).toEqual([domain, 40, 40]);
      }
      for (const team of dataset.teams) {
        const skills = dataset.skills.filter((k) => k.teamId === team.id);
        expect(skills).toHaveLength(40);
        expect(new Set(skills.map((k) => k.name.toLowerCase())).size).toBe(40);
        expect(new Set(skills.map((k) => k.groupName)).size).toBe(5);
        expect(skills.some((k) => k.critical)).toBe(true);
      }
      const withProfile = dataset.participantJobProfiles;
      expect(withProfile.length).toBeGreaterThan(50);
      expect(withProfile.some((j) => j.targetProfileId)).toBe(true);

      const bulk = collect(generated);
      for (const table of bulkTables) expect(bulk[table].length, table).toBeGreaterThan(0);
      expect(new Set(bulk.observations.map((o) => o.raterKind))).toEqual(
        new Set(['supervisor', 'coach', 'self', 'mentor']),
      );
      // Both versions carry ratings, so the evolution chart has a version marker to show.
      expect(new Set(bulk.ratings.map((r) => r.frameworkVersionId)).size).toBe(6);
      // Scores drift upward: the supervisor's average of the last year is above that of the first.
      const supervisor = bulk.ratings.filter((r) => r.raterKind === 'supervisor');
      const average = (rows: typeof supervisor) => rows.reduce((sum, r) => sum + r.score, 0) / rows.length;
      const firstYear = supervisor.filter((r) => r.observedOn < addDays(oldest, 365));
      const lastYear = supervisor.filter((r) => r.observedOn > addDays('2026-06-30', -365));
      expect(average(lastYear)).toBeGreaterThan(average(firstYear));
      // Raters see a participant differently: on average people rate themselves higher than the supervisor does.
      expect(average(bulk.ratings.filter((r) => r.raterKind === 'self'))).toBeGreaterThan(average(supervisor));
      // Some participants are overdue for their feedback conversation, most are not.
      const overdue = overdueAt(generated, bulk);
      const active = dataset.participants.filter((p) => p.status === 'active' && !p.archivedAt).length;
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.length).toBeLessThan(active / 2);
      assertWorkfloor(generated, bulk);
      assertPlans(generated, bulk);
    },
    HEAVY,
  );

  it(
    'sizes the workplace scale as the issue describes, and the umbrella by the same rate',
    () => {
      const generated = generateScale(scales.workplace, { seed: 1 });
      const { dataset } = generated;
      expect(dataset.organisations).toHaveLength(1);
      expect(dataset.participants).toHaveLength(300);
      assertConsistent(generated);
      const bulk = collect(generated);
      assertWorkfloor(generated, bulk);
      // About one rating per competency per rater per month at work: 11 competencies, 3 raters (supervisor, coach,
      // self) of whom the coach scores about half, plus the mentors. The umbrella's 20,000 participants at the same
      // rate give about 10 million ratings.
      const months = dataset.participants.reduce((sum, p) => {
        const events = dataset.careerEvents.filter((e) => e.participantId === p.id);
        let days = 0;
        for (
          let d = events.find((e) => e.kind === 'start')?.date;
          d && d <= generated.referenceDate;
          d = addDays(d, 1)
        ) {
          if (statusOn(events, d).status === 'active') days++;
        }
        return sum + days / 30.44;
      }, 0);
      const perMonth = bulk.ratings.length / months;
      expect(perMonth).toBeGreaterThan(22);
      expect(perMonth).toBeLessThan(32);
      const umbrella = (bulk.ratings.length / 300) * scales.umbrella.participants;
      expect(umbrella).toBeGreaterThan(8_000_000);
      expect(umbrella).toBeLessThan(12_000_000);
      expect(dataset.skills).toHaveLength(40 * dataset.teams.length);

      // The POP: every started participant who stayed a while has a history, the compliance list has every state.
      assertPlans(generated, bulk);
      const compliance = complianceAt(generated, bulk);
      const states = new Map<string, number>();
      for (const c of compliance) states.set(c.status.state, (states.get(c.status.state) ?? 0) + 1);
      expect([...states.keys()].sort()).toEqual([...complianceStates].sort());
      const codes = new Set(compliance.flatMap((c) => c.status.reasons.map((r) => r.code)));
      for (const code of ['no_plan', 'first_plan_late', 'too_few_actions']) expect(codes).toContain(code);
      const inForce = compliance.filter((c) => c.status.state !== 'not_applicable');
      expect(states.get('ok') ?? 0).toBeGreaterThan(inForce.length / 2);
      const withPlan = new Set(bulk.developmentPlanVersions.map((v) => v.participantId));
      const started = dataset.participants.filter(
        (p) => p.startDate && daysBetween(p.startDate, generated.referenceDate) > 60,
      );
      expect(started.filter((p) => withPlan.has(p.id)).length).toBeGreaterThan(started.length * 0.85);
      const drafts = bulk.developmentPlanVersions.filter((v) => v.status === 'draft');
      expect(drafts.length).toBeGreaterThan(5);
      expect(bulk.developmentPlanVersions.filter((v) => v.status === 'superseded').length).toBeGreaterThan(100);
      for (const table of [
        'developmentPlanActionProgress',
        'developmentPlanGoalNotes',
        'developmentPlanProposals',
      ] as const) {
        expect(bulk[table].length, table).toBeGreaterThan(0);
      }
      const occasions = new Set(bulk.developmentPlanPresentations.map((x) => x.occasion));
      expect([...occasions].sort()).toEqual(['closing_event', 'team_meeting']);
    },
    HEAVY,
  );

  it(
    'keeps every rule for any seed and reference date',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.date({ min: new Date('2022-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
          (seed, day) => {
            const scale = { ...small, organisations: 2, participants: 30 };
            const generated = generateScale(scale, { seed, referenceDate: day.toISOString().slice(0, 10) });
            assertConsistent(generated);
            const bulk = collect(generated);
            assertWorkfloor(generated, bulk);
            assertPlans(generated, bulk);
          },
        ),
        { numRuns: 20 },
      );
    },
    HEAVY,
  );

  it('builds the demo workplace by hand: two sites, four teams, every role, about 40 people', () => {
    const demo = generateDemo('2026-11-23');
    assertConsistent(demo);
    const { dataset } = demo;
    expect(dataset.sites.map((s) => s.name).sort()).toEqual(['Antwerpen', 'Gent']);
    expect(dataset.teams.map((t) => t.name).sort()).toEqual(['Administratie', 'Groen', 'Industrie', 'Renovatie']);
    expect(dataset.participants).toHaveLength(40);
    const s = summarise(dataset);
    for (const role of ['admin', 'manager', 'trainer', 'coach', 'supervisor', 'participant']) {
      expect(s.roles[role]).toBeGreaterThan(0);
    }
    for (const status of ['registered', 'active', 'paused', 'exited']) expect(s.statuses[status]).toBeGreaterThan(0);
    expect(dataset.stakeholders.length).toBeGreaterThan(0);
    expect(dataset.consents.length).toBeGreaterThan(0);
    expect(dataset.participants.filter((p) => p.userId)).toHaveLength(2);
    expect(dataset.careerEvents.find((e) => e.note?.includes('hulpmeestergast'))).toBeTruthy();
    // Dates count back from the reference date: the demo always looks current.
    expect(
      generateDemo('2027-03-01')
        .dataset.careerEvents.map((e) => e.date)
        .sort()
        .at(-1),
    ).toBe('2027-02-26');
  });

  it('gives the demo a workfloor: the default framework, recent observations by four raters, feedback, ILUO', () => {
    const demo = generateDemo('2026-11-23');
    const { dataset } = demo;
    const bulk = collect(demo);
    assertWorkfloor(demo, bulk);
    expect(dataset.competencyFrameworkVersions.map((v) => v.number)).toEqual([1]);
    expect(dataset.competencies.map((c) => c.key)).toHaveLength(11);
    expect(dataset.skills).toHaveLength(4 * 40);
    // Observations of the last ten months, by all four kinds of rater.
    expect(bulk.observations.every((o) => o.observedOn >= addDays('2026-11-23', -300))).toBe(true);
    expect(new Set(bulk.observations.map((o) => o.raterKind))).toEqual(
      new Set(['supervisor', 'coach', 'self', 'mentor']),
    );
    // Ahmad is on an internship now: his mentor's link is still valid and his mentor has scored him.
    const ahmad = dataset.participants.find((p) => p.firstName === 'Ahmad');
    expect(bulk.mentorInvitations.map((m) => m.participantId)).toEqual([ahmad?.id]);
    expect(bulk.mentorInvitations[0]?.validUntil).toBe(addDays('2026-11-23', 7));
    expect(bulk.observations.filter((o) => o.raterKind === 'mentor').length).toBeGreaterThan(0);
    // Exactly one participant is overdue for a feedback conversation: Rachid.
    expect(overdueAt(demo, bulk).map((p) => p.firstName)).toEqual(['Rachid']);
    // Every team's matrix has people on it, and every active participant has a latest supervisor score.
    for (const team of dataset.teams) {
      const skillIds = new Set(dataset.skills.filter((k) => k.teamId === team.id).map((k) => k.id));
      expect(bulk.skillLevelsCurrent.some((c) => skillIds.has(c.skillId) && c.participantId)).toBe(true);
      expect(bulk.skillLevelsCurrent.some((c) => skillIds.has(c.skillId) && c.userId)).toBe(true);
    }
    for (const p of dataset.participants.filter(
      (x) => x.status === 'active' && x.startDate && x.startDate < '2026-10-20',
    )) {
      expect(
        bulk.latestRatings.some((l) => l.participantId === p.id && l.raterKind === 'supervisor'),
        `${p.firstName} has a supervisor score`,
      ).toBe(true);
    }
  });

  it('gives the demo POPs: Yusuf and Lotte with an agreed version, a changed draft, proposals and ticked actions', () => {
    const demo = generateDemo('2026-11-23');
    const bulk = collect(demo);
    assertPlans(demo, bulk);
    for (const first of ['Yusuf', 'Lotte']) {
      const id = demo.dataset.participants.find((p) => p.firstName === first)?.id;
      const versions = bulk.developmentPlanVersions.filter((v) => v.participantId === id);
      const agreed = versions.find((v) => v.status === 'agreed');
      const draft = versions.find((v) => v.status === 'draft');
      expect(versions.map((v) => v.status).sort(), first).toEqual(['agreed', 'draft', 'superseded']);
      expect(JSON.stringify(draft?.content)).not.toBe(JSON.stringify(agreed?.content));
      expect(bulk.developmentPlanProposals.filter((x) => x.participantId === id).map((x) => x.status)).toEqual([
        'discussed',
        'accepted',
        'open',
      ]);
      const ticked = bulk.developmentPlanActionProgress.filter((x) => x.participantId === id && x.status === 'done');
      const own = new Set(agreed?.content.actions.filter((a) => a.owner === 'participant').map((a) => a.key));
      expect(
        ticked.some((x) => own.has(x.actionKey)),
        first,
      ).toBe(true);
      expect(bulk.developmentPlanPresentations.some((x) => x.participantId === id)).toBe(true);
      const status = complianceAt(demo, bulk).find((c) => c.participant.id === id)?.status.state;
      // Every version agreed on time and complete: never late or incomplete (due when the next review is near).
      expect(['ok', 'due']).toContain(status);
    }
  });
});

/** Rows per table as the owner sees them. */
async function countRows(db: Db) {
  const rows = async (table: typeof organisations | typeof participants | typeof careerEvents | typeof user) =>
    (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    organisations: await rows(organisations),
    users: await rows(user),
    participants: await rows(participants),
    careerEvents: await rows(careerEvents),
  };
}

/** The participants a coach finds in their caseload (not archived), by name, from the generated rows. */
function caseloadOf(dataset: Dataset, coachId: string) {
  const mine = new Set(dataset.participantCoaches.filter((c) => c.userId === coachId).map((c) => c.participantId));
  return dataset.participants
    .filter((p) => mine.has(p.id) && !p.archivedAt)
    .map((p) => `${p.firstName} ${p.lastName}`)
    .sort();
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe('loading', () => {
  let passwordHash: string;
  beforeAll(async () => {
    passwordHash = await hashPassword(DEMO_PASSWORD);
  });

  describe('a generated scale', () => {
    let t: TestApp;
    // Three organisations, few enough people that loading years of their history stays quick on PGlite.
    const generated = generateScale({ ...small, participants: 45 }, { seed: 5 });
    let loaded: Record<string, number>;
    beforeAll(async () => {
      t = await createTestApp();
      loaded = await loadDataset(t.database.db, generated.dataset, {
        passwordHash,
        origin: { scale: 'small', seed: 5 },
        bulk: generated.bulk,
      });
    }, HEAVY);
    afterAll(() => t.close());

    it('stores every row, with the cached status equal to the timeline the database orders by (date, seq)', async () => {
      const db = t.database.db;
      expect(await countRows(db)).toEqual({
        organisations: 3,
        users: generated.dataset.users.length,
        participants: 45,
        careerEvents: generated.dataset.careerEvents.length,
      });
      const stored = await db
        .select({
          participantId: careerEvents.participantId,
          kind: careerEvents.kind,
          date: careerEvents.date,
          seq: careerEvents.seq,
          teamId: careerEvents.teamId,
        })
        .from(careerEvents)
        .orderBy(asc(careerEvents.seq));
      const byParticipant = groupBy(stored, (e) => e.participantId);
      const cached = await db.select().from(participants);
      for (const p of cached) {
        const state = deriveState(byParticipant.get(p.id) ?? []);
        expect([p.status, p.startDate]).toEqual([state.status, state.startDate]);
      }
    });

    it('stores every history row, with both caches equal to what the database derives from the history', async () => {
      const db = t.database.db;
      const bulk = collect(generated);
      const tableNames: Record<keyof BulkRows, string> = {
        mentorInvitations: 'mentor_invitations',
        observations: 'observations',
        ratings: 'ratings',
        latestRatings: 'latest_ratings',
        feedbackConversations: 'feedback_conversations',
        skillLevels: 'skill_levels',
        skillLevelsCurrent: 'skill_levels_current',
        developmentPlanVersions: 'development_plan_versions',
        developmentPlanActionProgress: 'development_plan_action_progress',
        developmentPlanGoalNotes: 'development_plan_goal_notes',
        developmentPlanProposals: 'development_plan_proposals',
        developmentPlanPresentations: 'development_plan_presentations',
      };
      for (const table of bulkTables) {
        const [row] = await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${tableNames[table]}`));
        expect([table, row?.n, loaded[tableNames[table]]]).toEqual([table, bulk[table].length, bulk[table].length]);
      }
      expect((await db.select({ n: count() }).from(ratings))[0]?.n).toBeGreaterThan(5_000);
      // The latest rating per participant × rater kind × competency: newest observed_on, then the observation's
      // created_at — as the observations service keeps it.
      const ratingDiff = await rowsOf<{ n: number }>(
        db,
        sql`with derived as (
              select distinct on (r.participant_id, r.rater_kind, r.competency_key)
                     r.participant_id, r.rater_kind, r.competency_key, r.observation_id, r.competency_id, r.score,
                     r.observed_on, o.created_at
              from ratings r join observations o on o.id = r.observation_id
              order by r.participant_id, r.rater_kind, r.competency_key, r.observed_on desc, o.created_at desc)
            select count(*)::int as n from derived d
            full join latest_ratings l using (participant_id, rater_kind, competency_key)
            where l.observation_id is distinct from d.observation_id or l.competency_id is distinct from d.competency_id
               or l.score is distinct from d.score or l.observed_on is distinct from d.observed_on
               or l.observation_created_at is distinct from d.created_at`,
      );
      expect(ratingDiff[0]?.n).toBe(0);
      const levelDiff = await rowsOf<{ n: number }>(
        db,
        sql`with derived as (
              select distinct on (skill_id, coalesce(participant_id::text, user_id))
                     skill_id, coalesce(participant_id::text, user_id) as subject, id, level, assessed_on, created_at
              from skill_levels
              order by skill_id, coalesce(participant_id::text, user_id), assessed_on desc, created_at desc)
            select count(*)::int as n from derived d
            full join skill_levels_current c using (skill_id, subject)
            where c.skill_level_id is distinct from d.id or c.level is distinct from d.level
               or c.assessed_on is distinct from d.assessed_on or c.level_created_at is distinct from d.created_at`,
      );
      expect(levelDiff[0]?.n).toBe(0);
      // The POP versions as the database holds them: numbered 1..n per participant, the draft the newest, the
      // agreed one the newest of the others; the settings row of the organisations that chose a regime.
      const numbering = await rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from (
              select participant_id, count(*) as c, max(number) as m,
                     max(number) filter (where status = 'draft') as draft,
                     max(number) filter (where status <> 'draft') as last_agreed,
                     max(number) filter (where status = 'agreed') as agreed
              from development_plan_versions group by participant_id) x
            where c <> m or (draft is not null and draft <> m) or agreed is distinct from last_agreed`,
      );
      expect(numbering[0]?.n).toBe(0);
      expect(bulk.developmentPlanVersions.length).toBeGreaterThan(20);
      const [settings] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from development_plan_settings`);
      expect(settings?.n).toBe(generated.dataset.developmentPlanSettings.length);
    });

    it('lets a generated coach log in and see their caseload', async () => {
      const coach = generated.dataset.users.find(
        (u) => u.role === 'coach' && caseloadOf(generated.dataset, u.id as string).length > 0,
      );
      if (!coach) throw new Error('no coach with a caseload');
      const cookie = await login(t.app, { loginName: coach.email, password: DEMO_PASSWORD });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/participants?limit=200', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const names = res
        .json()
        .items.map((p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`);
      expect(names.sort()).toEqual(caseloadOf(generated.dataset, coach.id as string));
    });

    it(
      'fails a load whose history breaks a foreign key, and keeps every key in place',
      async () => {
        const other = await createTestApp();
        try {
          const keysOf = async () =>
            (
              await rowsOf<{ name: string; validated: boolean }>(
                other.database.db,
                sql`select conname as name, convalidated as validated from pg_constraint
                  where contype = 'f' and conrelid = 'ratings'::regclass order by conname`,
              )
            ).map((k) => `${k.name}${k.validated ? '' : ' (not valid)'}`);
          const before = await keysOf();
          const org = generated.dataset.organisations[0]?.id as string;
          const [first] = generated.bulk(org);
          const rating = first?.ratings[0];
          if (!first || !rating) throw new Error('no ratings generated');
          // A rating of an observation that was never made: only the foreign key can tell.
          const broken = {
            ...emptyBulk(),
            ratings: [{ ...rating, observationId: '00000000-0000-4000-8000-000000000000' }],
          };
          await expect(
            loadDataset(other.database.db, generated.dataset, {
              passwordHash,
              origin: {},
              bulk: (id) => (id === org ? [first, broken] : []),
            }),
          ).rejects.toThrow(/ratings_observation_fk/);
          expect(await keysOf()).toEqual(before.map((k) => (k === 'ratings_observation_fk' ? `${k} (not valid)` : k)));
        } finally {
          await other.close();
        }
      },
      HEAVY,
    );

    it('refuses a database that already holds organisations, and changes nothing', async () => {
      const before = await countRows(t.database.db);
      const other = generateScale(small, { seed: 6 });
      await expect(loadDataset(t.database.db, other.dataset, { passwordHash, origin: {} })).rejects.toBeInstanceOf(
        DatabaseNotEmptyError,
      );
      expect(await countRows(t.database.db)).toEqual(before);
    });
  });

  describe('the demo workplace', () => {
    let t: TestApp;
    // As `npm run demo` builds it: histories up to today, so the feedback due list counts from the same day.
    const demo = generateDemo(todayIso());
    beforeAll(async () => {
      t = await createTestApp();
      await loadDemo(t.database.db, demo, { passwordHash, origin: { scenario: 'demo' } });
    }, HEAVY);
    afterAll(() => t.close());

    it('lets the demo coach log in and see her caseload', async () => {
      const cookie = await login(t.app, { loginName: 'sofie@demo.example.org', password: DEMO_PASSWORD });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/participants?limit=100', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const sofie = demo.dataset.users.find((u) => u.email === 'sofie@demo.example.org');
      const expected = caseloadOf(demo.dataset, sofie?.id as string);
      expect(expected.length).toBeGreaterThan(5);
      expect(
        body.items.map((p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`).sort(),
      ).toEqual(expected);
    });

    it('lets a participant log in and open their own dossier with its timeline', async () => {
      const cookie = await login(t.app, { loginName: 'yusuf.demir', password: DEMO_PASSWORD });
      const yusuf = demo.dataset.participants.find((p) => p.firstName === 'Yusuf');
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/participants/${yusuf?.id}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const kinds = res.json().timeline.map((e: { kind: string }) => e.kind);
      // His moves on the pathway map follow the path the generator drew.
      expect(kinds.slice(0, 3)).toEqual(['intake', 'start', 'team_change']);
      expect(kinds.slice(3).length).toBeGreaterThan(0);
      expect(kinds.slice(3).every((k: string) => k === 'package_change')).toBe(true);
    });

    it('gives every workfloor screen something to show', async () => {
      const idOf = (first: string) => demo.dataset.participants.find((p) => p.firstName === first)?.id;
      const teamOf = (name: string) => demo.dataset.teams.find((x) => x.name === name)?.id;
      const get = async (loginName: string, url: string) => {
        const cookie = await login(t.app, { loginName, password: DEMO_PASSWORD });
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        expect([url, res.statusCode]).toEqual([url, 200]);
        return res.json();
      };
      // Ahmad's coach sees a radar with all four raters, his mentor on the internship among them.
      const profile = await get('katrien@demo.example.org', `/api/v1/participants/${idOf('Ahmad')}/competency-profile`);
      const raters = (profile.competencies as { latest: Record<string, unknown> }[]).flatMap((c) =>
        Object.entries(c.latest)
          .filter(([, score]) => score)
          .map(([kind]) => kind),
      );
      expect(new Set(raters)).toEqual(new Set(['supervisor', 'coach', 'self', 'mentor']));
      const evolution = await get(
        'katrien@demo.example.org',
        `/api/v1/participants/${idOf('Ahmad')}/competency-evolution`,
      );
      expect(evolution.series.length).toBeGreaterThan(11);
      // The supervisor of Renovatie sees scores in the heat map and levels in the ILUO matrix, her own among them.
      const heatmap = await get('dirk@demo.example.org', `/api/v1/teams/${teamOf('Renovatie')}/competency-heatmap`);
      expect(heatmap.rows.some((r: { cells: unknown[] }) => r.cells.some((c) => c))).toBe(true);
      const matrix = await get('dirk@demo.example.org', `/api/v1/teams/${teamOf('Renovatie')}/iluo-matrix`);
      expect(matrix.groups.flatMap((g: { skills: unknown[] }) => g.skills)).toHaveLength(40);
      const dirk = demo.dataset.users.find((u) => u.email === 'dirk@demo.example.org')?.id;
      const cells = matrixCells(matrix);
      expect(cells.some((c) => c.personId === dirk)).toBe(true);
      expect(cells.some((c) => c.personId !== dirk)).toBe(true);
      // One participant is overdue for a feedback conversation: Rachid.
      const due = await get('marc@demo.example.org', '/api/v1/feedback/due?scope=organisation');
      expect(due.overdue.map((d: { participant: { firstName: string } }) => d.participant.firstName)).toEqual([
        'Rachid',
      ]);
    });

    it('gives every POP screen something to show, and the compliance list the states the rules give', async () => {
      const get = async (loginName: string, url: string) => {
        const cookie = await login(t.app, { loginName, password: DEMO_PASSWORD });
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        expect([url, res.statusCode]).toEqual([url, 200]);
        return res.json();
      };
      const yusuf = demo.dataset.participants.find((p) => p.firstName === 'Yusuf')?.id;
      // His coach and Yusuf himself (the portal) read the same plan: agreed, a draft, proposals, ticked actions.
      for (const loginName of ['katrien@demo.example.org', 'yusuf.demir']) {
        const pop = planOverview.parse(await get(loginName, `/api/v1/participants/${yusuf}/pop`));
        expect(pop.current?.status, loginName).toBe('agreed');
        expect(pop.draft?.status).toBe('draft');
        expect(pop.versions).toHaveLength(3);
        expect(pop.proposals.map((x) => x.status).sort()).toEqual(['accepted', 'discussed', 'open']);
        expect(pop.actionProgress.some((a) => a.status === 'done')).toBe(true);
        expect(pop.presentations.length).toBeGreaterThan(0);
        expect(['ok', 'due']).toContain(pop.compliance.state);
        // The frozen evidence is served as generated.
        expect(pop.current?.evidence.competencies.length).toBeGreaterThan(0);
      }
      // The compliance list counts what the rules say about the generated histories, for today.
      const bulk = collect(demo);
      const expected = Object.fromEntries(complianceStates.map((state) => [state, 0]));
      for (const c of complianceAt(demo, bulk)) {
        if (!c.participant.archivedAt) expected[c.status.state] = (expected[c.status.state] ?? 0) + 1;
      }
      const list = await get('marc@demo.example.org', '/api/v1/pop-compliance?limit=200');
      expect(list.counts).toEqual(expected);
      expect(list.counts.ok).toBeGreaterThan(10);
    });

    it('gives every team a pathway map with everyone at work on it, and Yusuf his place and readiness', async () => {
      const get = async (loginName: string, url: string) => {
        const cookie = await login(t.app, { loginName, password: DEMO_PASSWORD });
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        expect([url, res.statusCode]).toEqual([url, 200]);
        return res.json();
      };
      const packages = await get('hilde@demo.example.org', '/api/v1/work-packages');
      expect(packages.items).toHaveLength(demo.dataset.teams.length * 3);
      for (const team of demo.dataset.teams) {
        const ofTeam = packages.items.filter((p: { team: { id: string } }) => p.team.id === team.id);
        expect(ofTeam.map((p: { step: number }) => p.step).sort()).toEqual([1, 2, 3]);
      }
      const working = demo.dataset.participants.filter(
        (p) => (p.status === 'active' || p.status === 'paused') && !p.archivedAt,
      );
      const placed = await t.database.db.execute(
        sql`select count(distinct participant_id)::int as n from work_package_placements where to_date is null`,
      );
      expect((placed as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(working.length);

      const yusuf = demo.dataset.participants.find((p) => p.firstName === 'Yusuf')?.id;
      for (const loginName of ['katrien@demo.example.org', 'yusuf.demir']) {
        const url =
          loginName === 'yusuf.demir' ? '/api/v1/participants/me/pathway' : `/api/v1/participants/${yusuf}/pathway`;
        const map = await get(loginName, url);
        expect(map.current, loginName).not.toBeNull();
        expect(map.history.length).toBeGreaterThan(0);
      }
    });

    it("holds Yusuf's and Lotte's PAP and instrument results for their coach, never for a supervisor", async () => {
      const call = async (loginName: string, url: string) => {
        const cookie = await login(t.app, { loginName, password: DEMO_PASSWORD });
        return t.app.inject({ method: 'GET', url, headers: { cookie } });
      };
      const yusuf = demo.dataset.participants.find((p) => p.firstName === 'Yusuf')?.id;
      const pap = await call('katrien@demo.example.org', `/api/v1/participants/${yusuf}/pap`);
      expect(pap.statusCode).toBe(200);
      const saved = pap.json().domains.filter((d: { status: string }) => d.status !== 'not_discussed');
      expect(saved.length).toBe(4);
      expect(pap.json().actions.length).toBe(3);
      const results = await call('katrien@demo.example.org', `/api/v1/participants/${yusuf}/instrument-results`);
      expect(results.statusCode).toBe(200);
      expect(results.json().items.length).toBe(2);
      // The supervisor of his team never reaches the compartment.
      expect((await call('emre@demo.example.org', `/api/v1/participants/${yusuf}/pap`)).statusCode).toBe(403);
      // Yusuf sees his own PAP without the item his coach holds back.
      const own = await call('yusuf.demir', '/api/v1/participants/me/pap');
      expect(own.statusCode).toBe(200);
      expect(JSON.stringify(own.json())).not.toContain('vrederechter');
    });

    it('keeps the setup wizard closed', async () => {
      const rows = await t.database.db.execute(sql`select count(*)::int as n from instance_setup`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
    });
  });
});
