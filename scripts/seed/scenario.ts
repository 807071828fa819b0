import {
  type BuiltOrganisation,
  organisationRecords,
  planOrganisations,
  referrerRecords,
} from './generators/organisations';
import { drawParticipants, participantRecords } from './generators/participants';
import { planStaff, type StaffMember, staffRecords } from './generators/staff';
import { addDays, Random } from './random';
import { type BulkRows, type Dataset, emptyDataset } from './records';
import { DEFAULT_REFERENCE_DATE, type Scale } from './scales';
import { addWorkfloor, emptyPeople, indexPeople, type OrganisationWorkfloor } from './workfloor';

export interface GenerateOptions {
  seed: number | string;
  /** The day generated histories end on (YYYY-MM-DD). */
  referenceDate?: string;
}

/** Everything a caller needs besides the rows: who can log in, per organisation. */
export interface GeneratedOrganisation {
  built: BuiltOrganisation;
  staff: StaffMember[];
  workfloor: OrganisationWorkfloor;
}

export interface Generated {
  dataset: Dataset;
  organisations: GeneratedOrganisation[];
  referenceDate: string;
  /** The history rows of one organisation, made on demand a batch at a time (see workfloor.ts). */
  bulk: (organisationId: string) => Iterable<BulkRows>;
}

/** The history maker of every organisation, by id: what the loader streams from. */
export function bulkOf(organisations: readonly GeneratedOrganisation[]): Generated['bulk'] {
  const byId = new Map(organisations.map((o) => [o.built.organisation.id, o.workfloor]));
  return (organisationId) => byId.get(organisationId)?.batches() ?? [];
}

/** Splits a total over n parts unevenly but exactly (workplaces differ in size). */
export function splitTotal(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rest; i++) counts[i % parts] = (counts[i % parts] ?? 0) + 1;
  return counts;
}

/** Adds one organisation's participants (with their careers, coaches, indications, ...) to the data set. */
export function addParticipants(
  dataset: Dataset,
  seed: number | string,
  built: BuiltOrganisation,
  plans: Parameters<typeof participantRecords>[2][],
) {
  plans.forEach((plan, i) => {
    const r = participantRecords(seed, built, plan, i);
    if (r.login) dataset.users.push(r.login);
    dataset.participants.push(r.participant);
    dataset.participantCoaches.push(...r.coaches);
    dataset.careerEvents.push(...r.events);
    dataset.indications.push(...r.indications);
    dataset.stakeholders.push(...r.stakeholders);
    dataset.consents.push(...r.consents);
  });
}

/**
 * A whole data set for a named scale. Pure: the same scale, seed and reference date give the same rows.
 * Each organisation draws from its own random streams, and each generator from its own, so a later capability
 * that adds its generator here (ratings, ILUO, POPs for these participants) changes none of the rows below.
 */
export function generateScale(scale: Scale, options: GenerateOptions): Generated {
  const { seed } = options;
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const createdOn = addDays(referenceDate, -Math.round(scale.years * 365.25) - 60);
  const dataset = emptyDataset();
  const shapeRandom = new Random(seed, 'organisations');
  const plans = planOrganisations(shapeRandom, scale);
  const counts = splitTotal(shapeRandom, scale.participants, scale.organisations);
  const builtOrganisations: { built: BuiltOrganisation; staff: StaffMember[] }[] = [];

  for (const plan of plans) {
    const built = organisationRecords(seed, plan, createdOn);
    const count = counts[plan.index] ?? 0;
    const staffPlans = planStaff(new Random(seed, `staff/${plan.index}`), built, count, scale.participantsPerCoach);
    const { staff, teamSupervisors } = staffRecords(seed, built, staffPlans, createdOn);
    const referrers = referrerRecords(seed, new Random(seed, `referrers/${plan.index}`), built, createdOn);
    dataset.organisations.push(built.organisation);
    dataset.sites.push(...built.sites.map(({ city: _city, ...site }) => site));
    dataset.teams.push(...built.teams);
    dataset.users.push(...staff.map((s) => s.user));
    dataset.teamSupervisors.push(...teamSupervisors);
    dataset.referrers.push(...referrers);
    const participantPlans = drawParticipants(new Random(seed, `participants/${plan.index}`), {
      built,
      staff,
      referrers,
      count,
      years: scale.years,
      referenceDate,
    });
    addParticipants(dataset, seed, built, participantPlans);
    builtOrganisations.push({ built, staff });
  }
  // The workfloor after every participant exists; its streams are named per organisation and participant, so the
  // rows above are the same with or without it. Version 2 of the framework came into use about two years ago.
  const people = indexPeople(dataset);
  const organisations = builtOrganisations.map(({ built, staff }): GeneratedOrganisation => {
    const switchedOn = addDays(referenceDate, -new Random(seed, `framework/${built.plan.index}`).int(600, 900));
    const workfloor = addWorkfloor(
      dataset,
      seed,
      { built, staff, people: people.get(built.organisation.id) ?? emptyPeople, createdOn, referenceDate },
      // A scale of less than two and a half years of history has known only the current version.
      { secondVersionFrom: switchedOn > addDays(createdOn, 90) ? switchedOn : undefined },
    );
    return { built, staff, workfloor };
  });
  return { dataset, organisations, referenceDate, bulk: bulkOf(organisations) };
}
