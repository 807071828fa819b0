import type { StaffRole } from '#shared/common';
import { personName } from '../names';
import { type Random, slug, stableId, timestampOn } from '../random';
import type { TeamSupervisorRecord, UserRecord } from '../records';
import type { BuiltOrganisation } from './organisations';

export interface StaffMember {
  user: UserRecord & { id: string; email: string };
  /** Coaches work from one site; their caseload comes mostly from its teams. */
  siteId?: string;
}

export interface BuiltStaff {
  staff: StaffMember[];
  teamSupervisors: TeamSupervisorRecord[];
}

/** A staff member before ids: drawn for a scale, or written by hand for the demo. */
export interface StaffPlan {
  role: StaffRole;
  firstName: string;
  lastName: string;
  /** The part before @; default first.last. */
  login?: string;
  siteId?: string;
  /** Teams this person leads on the workfloor (team_supervisors). */
  teamIds?: string[];
}

/**
 * Every role the organisation needs: one admin, a manager or two, a trainer, coaches in proportion to the
 * participants (spread over the sites), and one or two supervisors per team.
 */
export function planStaff(
  random: Random,
  built: BuiltOrganisation,
  participants: number,
  perCoach: number,
): StaffPlan[] {
  const person = () => personName(random);
  const plans: StaffPlan[] = [
    { role: 'admin', ...person() },
    ...Array.from({ length: random.int(1, 2) }, () => ({ role: 'manager' as const, ...person() })),
    { role: 'trainer', ...person() },
  ];
  const coaches = Math.max(2, Math.ceil(participants / perCoach));
  for (let i = 0; i < coaches; i++) {
    plans.push({ role: 'coach', ...person(), siteId: built.sites[i % built.sites.length]?.id });
  }
  for (const team of built.teams) {
    const leads = random.chance(0.3) ? 2 : 1;
    for (let i = 0; i < leads; i++) plans.push({ role: 'supervisor', ...person(), teamIds: [team.id] });
  }
  return plans;
}

export function staffRecords(seed: number | string, built: BuiltOrganisation, plans: StaffPlan[], createdOn: string) {
  const organisationId = built.organisation.id;
  const taken = new Set<string>();
  const staff: StaffMember[] = [];
  const teamSupervisors: TeamSupervisorRecord[] = [];
  plans.forEach((plan, i) => {
    const base = plan.login ?? slug(`${plan.firstName} ${plan.lastName}`);
    let local = base;
    for (let n = 2; taken.has(local); n++) local = `${base}${n}`;
    taken.add(local);
    const id = stableId(seed, 'user', built.plan.index, i);
    const createdAt = timestampOn(createdOn, i);
    staff.push({
      user: {
        id,
        organisationId,
        name: `${plan.firstName} ${plan.lastName}`,
        email: `${local}@${built.plan.domain}`,
        emailVerified: true,
        role: plan.role,
        createdAt,
        updatedAt: createdAt,
      },
      siteId: plan.siteId,
    });
    for (const teamId of plan.teamIds ?? []) teamSupervisors.push({ organisationId, teamId, userId: id, createdAt });
  });
  return { staff, teamSupervisors };
}
