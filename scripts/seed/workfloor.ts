import type { ComplianceSettings } from '#shared/development-plans';
import { type PlanShape, planRecords, planSettingsRecord } from './generators/development-plans';
import { feedbackRecords, feedbackRuleRecords, intervalFor } from './generators/feedback';
import { type BuiltFramework, frameworkRecords, participantJobProfileRecord } from './generators/frameworks';
import { deriveCurrentLevels, participantSkillLevels, skillRecords, staffSkillLevels } from './generators/iluo';
import { drawInternship, type Internship, observationRecords } from './generators/observations';
import type { BuiltOrganisation } from './generators/organisations';
import { type PathEvent, type Period, teamStints, workPeriods } from './generators/periods';
import type { StaffMember } from './generators/staff';
import { addDays, Random } from './random';
import {
  type BulkRows,
  type CareerEventRecord,
  type Dataset,
  emptyBulk,
  type FeedbackRuleRecord,
  type ParticipantRecord,
  type SkillRecord,
} from './records';

/**
 * The workfloor records of one organisation (issue 4): its competency framework and job profiles, ILUO skills and
 * feedback rules (small, added to the data set), and the history that grows with every month at work — observations
 * and ratings, the latest-ratings cache, mentor invitations, feedback conversations and ILUO levels — made on demand
 * a batch of participants at a time, so ten million ratings never sit in memory together. Issue 5 adds the POP to
 * that history: versions with their frozen evidence, and their follow-up (scripts/seed/generators/development-plans.ts).
 */

export interface WorkfloorOptions {
  /** First day of framework version 2; without it the organisation has only the shipped default as version 1. */
  secondVersionFrom?: string;
  /** Observations and feedback conversations from this day on (the demo: ten months); default the whole history. */
  historyFrom?: string;
  /** A hand-picked internship (the demo); null for none, undefined to draw one. */
  internshipOf?: (participantId: string) => Internship | null | undefined;
  /** Whether the latest feedback conversation is missing; undefined to draw. */
  overdueOf?: (participantId: string) => boolean | undefined;
  /** A hand-picked POP history (the demo); undefined to draw one. */
  planOf?: (participantId: string) => PlanShape | undefined;
}

export interface OrganisationWorkfloor {
  organisationId: string;
  framework: BuiltFramework;
  skills: SkillRecord[];
  feedbackRules: FeedbackRuleRecord[];
  /** The organisation's POP regime (a development_plan_settings row, or the default without one). */
  planSettings: ComplianceSettings;
  /** The history rows a batch of participants at a time; every call gives the same rows in the same order. */
  batches(participantsPerBatch?: number): Generator<BulkRows>;
}

/** The participant rows of one organisation the history is made from. */
export interface WorkfloorPeople {
  participants: readonly ParticipantRecord[];
  eventsOf: ReadonlyMap<string, readonly CareerEventRecord[]>;
  coachesOf: ReadonlyMap<string, readonly string[]>;
}

export const emptyPeople: WorkfloorPeople = { participants: [], eventsOf: new Map(), coachesOf: new Map() };

/** The participants of each organisation, with their events and coaches, indexed once for all organisations. */
export function indexPeople(dataset: Dataset): Map<string, WorkfloorPeople> {
  const eventsOf = new Map<string, CareerEventRecord[]>();
  for (const e of dataset.careerEvents) {
    const list = eventsOf.get(e.participantId);
    if (list) list.push(e);
    else eventsOf.set(e.participantId, [e]);
  }
  const coachesOf = new Map<string, string[]>();
  for (const c of dataset.participantCoaches) {
    const list = coachesOf.get(c.participantId);
    if (list) list.push(c.userId);
    else coachesOf.set(c.participantId, [c.userId]);
  }
  const byOrganisation = new Map<string, WorkfloorPeople>();
  for (const p of dataset.participants) {
    let people = byOrganisation.get(p.organisationId);
    if (!people) {
      people = { participants: [], eventsOf, coachesOf };
      byOrganisation.set(p.organisationId, people);
    }
    (people.participants as ParticipantRecord[]).push(p);
  }
  return byOrganisation;
}

const clip = (periods: readonly Period[], from?: string): Period[] =>
  from ? periods.filter((p) => p.to >= from).map((p) => (p.from < from ? { from, to: p.to } : p)) : [...periods];

/**
 * Adds the organisation's small workfloor rows to the data set and returns the maker of its history.
 * `createdOn` is the day the organisation started with Groeipad: version 1 of the framework dates from then.
 */
export function addWorkfloor(
  dataset: Dataset,
  seed: number | string,
  input: {
    built: BuiltOrganisation;
    staff: readonly StaffMember[];
    people: WorkfloorPeople;
    createdOn: string;
    referenceDate: string;
  },
  options: WorkfloorOptions = {},
): OrganisationWorkfloor {
  const { built, people, referenceDate } = input;
  const organisationId = built.organisation.id;
  const index = built.plan.index;
  const random = new Random(seed, `workfloor/${index}`);
  const framework = frameworkRecords(
    seed,
    { id: organisationId, index },
    options.secondVersionFrom ? [input.createdOn, options.secondVersionFrom] : [input.createdOn],
  );
  const skills = built.teams.flatMap((team) => skillRecords(seed, new Random(seed, `skills/${team.id}`), team));
  const feedbackRules = feedbackRuleRecords(seed, random, {
    id: organisationId,
    index,
    createdAt: built.organisation.createdAt as Date,
  });
  const supervisorsOf = new Map<string, string[]>();
  for (const s of dataset.teamSupervisors.filter((x) => x.organisationId === organisationId)) {
    supervisorsOf.set(s.teamId, [...(supervisorsOf.get(s.teamId) ?? []), s.userId]);
  }
  const skillsOf = new Map<string, SkillRecord[]>();
  for (const s of skills) skillsOf.set(s.teamId, [...(skillsOf.get(s.teamId) ?? []), s]);
  const manager = input.staff.find((s) => s.user.role === 'manager') ?? input.staff[0];
  const planSettings = planSettingsRecord(new Random(seed, `pop-settings/${index}`), {
    id: organisationId,
    createdAt: built.organisation.createdAt as Date,
  });
  if (planSettings.record) dataset.developmentPlanSettings.push(planSettings.record);
  const teams = new Map(built.teams.map((t) => [t.id, { name: t.name, workDomain: t.workDomain ?? null }]));
  const expectationsOf = new Map<string, Map<string, number>>();
  for (const e of framework.expectations) {
    const levels = expectationsOf.get(e.jobProfileId) ?? new Map<string, number>();
    levels.set(e.competencyKey, e.level);
    expectationsOf.set(e.jobProfileId, levels);
  }
  const profileOf = new Map<string, { current: Map<string, number>; target: Map<string, number> }>();

  dataset.competencyFrameworks.push(framework.framework);
  for (const v of framework.versions) {
    dataset.competencyFrameworkVersions.push(v.version);
    dataset.competencies.push(...v.competencies);
  }
  dataset.jobProfiles.push(...framework.jobProfiles);
  dataset.jobProfileExpectations.push(...framework.expectations);
  dataset.feedbackRules.push(...feedbackRules);
  dataset.skills.push(...skills);
  for (const p of people.participants) {
    const profile = participantJobProfileRecord(new Random(seed, `job-profile/${p.id}`), {
      organisationId,
      participantId: p.id,
      coachId: people.coachesOf.get(p.id)?.[0] ?? null,
      events: people.eventsOf.get(p.id) ?? [],
      framework,
    });
    if (profile) {
      dataset.participantJobProfiles.push(profile);
      profileOf.set(p.id, {
        current: expectationsOf.get(profile.currentProfileId ?? '') ?? new Map(),
        target: expectationsOf.get(profile.targetProfileId ?? '') ?? new Map(),
      });
    }
  }

  const participantRows = (p: ParticipantRecord): BulkRows => {
    const r = new Random(seed, `workfloor/${p.id}`);
    const events: readonly PathEvent[] = people.eventsOf.get(p.id) ?? [];
    const coachIds = people.coachesOf.get(p.id) ?? [];
    const firstStart = events.find((e) => e.kind === 'start')?.date;
    const rows = emptyBulk();
    if (!firstStart) return rows;
    const periods = clip(workPeriods(events, referenceDate), options.historyFrom);
    const chosen = options.internshipOf?.(p.id);
    const internship = chosen === undefined ? drawInternship(r, p.programmeType ?? '', periods) : chosen;
    const observed = observationRecords(seed, r, {
      organisationId,
      participantId: p.id,
      events,
      periods,
      coachIds,
      participantUserId: p.userId ?? null,
      supervisorsOf,
      framework,
      internship,
      firstStart,
    });
    rows.mentorInvitations = observed.mentorInvitations;
    rows.observations = observed.observations;
    rows.ratings = observed.ratings;
    rows.latestRatings = observed.latestRatings;
    rows.feedbackConversations = feedbackRecords(seed, r, {
      organisationId,
      participantId: p.id,
      events,
      periods,
      intervalDays: intervalFor(feedbackRules, p.programmeType ?? ''),
      coachIds,
      supervisorsOf,
      observations: observed.observations,
      referenceDate,
      overdue: p.archivedAt ? false : options.overdueOf?.(p.id),
    });
    rows.skillLevels = participantSkillLevels(seed, r, {
      organisationId,
      participantId: p.id,
      stints: teamStints(events, referenceDate),
      skillsOf,
      supervisorsOf,
    });
    rows.skillLevelsCurrent = deriveCurrentLevels(rows.skillLevels);
    // The POP, from its own stream: the rows above are the same with or without it.
    const plans = planRecords(seed, new Random(seed, `pop/${p.id}`), {
      organisationId,
      participantId: p.id,
      events,
      referenceDate,
      programmeType: p.programmeType ?? '',
      coachIds,
      participantUserId: p.userId ?? null,
      supervisorsOf,
      framework,
      teams,
      skillsOf,
      ratings: rows.ratings,
      skillLevels: rows.skillLevels,
      expected: profileOf.get(p.id) ?? null,
      settings: planSettings.settings,
      shape: options.planOf?.(p.id),
    });
    rows.developmentPlanVersions = plans.versions;
    rows.developmentPlanActionProgress = plans.actionProgress;
    rows.developmentPlanGoalNotes = plans.goalNotes;
    rows.developmentPlanProposals = plans.proposals;
    rows.developmentPlanPresentations = plans.presentations;
    return rows;
  };

  function* batches(participantsPerBatch = 250): Generator<BulkRows> {
    let batch = emptyBulk();
    for (const team of built.teams) {
      const levels = staffSkillLevels(seed, new Random(seed, `iluo-staff/${team.id}`), {
        organisationId,
        teamId: team.id,
        supervisorIds: supervisorsOf.get(team.id) ?? [],
        assessorId: manager?.user.id as string,
        skills: skillsOf.get(team.id) ?? [],
        from: addDays(input.createdOn, 30),
        to: referenceDate,
      });
      batch.skillLevels.push(...levels);
      batch.skillLevelsCurrent.push(...deriveCurrentLevels(levels));
    }
    let n = 0;
    for (const p of people.participants) {
      const rows = participantRows(p);
      for (const key of Object.keys(rows) as (keyof BulkRows)[]) {
        for (const row of rows[key]) (batch[key] as unknown[]).push(row);
      }
      if (++n % participantsPerBatch === 0) {
        yield batch;
        batch = emptyBulk();
      }
    }
    if (Object.values(batch).some((rows) => rows.length)) yield batch;
  }

  return { organisationId, framework, skills, feedbackRules, planSettings: planSettings.settings, batches };
}
