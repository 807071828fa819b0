import { randomUUID } from 'node:crypto';
import type { Generated } from '../scripts/seed/scenario';

export interface BenchActor {
  id: string;
  name: string;
  role: 'manager' | 'coach' | 'admin' | 'supervisor';
  loginName: string;
  organisationId: string;
}

/** Who does what in the benchmark, chosen from the generated data (no database round trip needed). */
export interface BenchPlan {
  organisationId: string;
  manager: BenchActor;
  coach: BenchActor;
  /** The coach when their caseload has an active participant per connection; else the admin (who may write all). */
  writer: BenchActor;
  /** The filtered caseload page: status + team + a piece of a name. */
  filter: { status: 'active'; teamId: string; q: string };
  /** Dossiers the coach reads in turn (their caseload, not archived). */
  dossierIds: string[];
  /** Active, not archived participants the writer may record events for; each connection gets its own. */
  writePool: string[];
  /** The busiest team (most active participants): its heat map and ILUO matrix, and its supervisor's observations. */
  team: { id: string; supervisor: BenchActor; participantIds: string[] };
  /** What an observation form sends: the current version of the default framework and its competencies. */
  observationForm: { frameworkVersionId: string; competencyIds: string[]; scaleLength: number };
  /**
   * POP drafts saved side by side (issue 5): one participant per connection, each saved by one of their own coaches
   * (only the participant and their coaches may edit a POP), so no two connections edit the same draft.
   */
  popSavers: { coach: BenchActor; participantId: string }[];
}

export function choosePlan(generated: Generated, connections: number): BenchPlan {
  const { dataset } = generated;
  const org = generated.organisations[0];
  if (!org) throw new Error('no organisation generated');
  const organisationId = org.built.organisation.id;
  const actor = (role: BenchActor['role'], id?: string): BenchActor => {
    const s = org.staff.find((m) => m.user.role === role && (!id || m.user.id === id));
    if (!s) throw new Error(`no ${role} generated`);
    return { id: s.user.id, name: s.user.name, role, loginName: s.user.email, organisationId };
  };
  const open = new Map(
    dataset.participants.filter((p) => p.organisationId === organisationId && !p.archivedAt).map((p) => [p.id, p]),
  );
  const caseloads = new Map<string, string[]>();
  for (const link of dataset.participantCoaches) {
    if (!open.has(link.participantId)) continue;
    caseloads.set(link.userId, [...(caseloads.get(link.userId) ?? []), link.participantId]);
  }
  const [coachId, caseload] = [...caseloads.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!coachId || !caseload) throw new Error('no coach with a caseload');
  const coach = actor('coach', coachId);
  const activeOfCoach = caseload.filter((id) => open.get(id)?.status === 'active');
  const writer = activeOfCoach.length >= 2 * connections ? coach : actor('admin');
  const writePool =
    writer === coach ? activeOfCoach : [...open.values()].filter((p) => p.status === 'active').map((p) => p.id);

  const perTeam = new Map<string, number>();
  for (const p of open.values()) {
    if (p.status === 'active' && p.teamId) perTeam.set(p.teamId, (perTeam.get(p.teamId) ?? 0) + 1);
  }
  const [teamId] = [...perTeam.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!teamId) throw new Error('no team with active participants');
  const supervisorId = dataset.teamSupervisors.find((s) => s.teamId === teamId)?.userId;
  // The coaches with the most active participants first, until every connection has a participant of its own.
  const popSavers: BenchPlan['popSavers'] = [];
  const taken = new Set<string>();
  const byActive = [...caseloads.entries()]
    .map(([id, list]) => [id, list.filter((p) => open.get(p)?.status === 'active')] as const)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [id, list] of byActive) {
    const saver = actor('coach', id);
    for (const participantId of list) {
      if (popSavers.length >= connections) break;
      if (taken.has(participantId)) continue;
      taken.add(participantId);
      popSavers.push({ coach: saver, participantId });
    }
  }
  if (!popSavers.length) throw new Error('no active participant with a coach');
  const current = org.workfloor.framework.versions.at(-1);
  if (!current) throw new Error('no framework generated');
  return {
    organisationId,
    manager: actor('manager'),
    coach,
    writer,
    // "an" is part of many names (Jan, Maes, Hanne, Van …): the search narrows the page without emptying it.
    filter: { status: 'active', teamId, q: 'an' },
    dossierIds: caseload,
    writePool,
    team: {
      id: teamId,
      supervisor: actor('supervisor', supervisorId),
      participantIds: [...open.values()].filter((p) => p.status === 'active' && p.teamId === teamId).map((p) => p.id),
    },
    observationForm: {
      frameworkVersionId: current.version.id,
      competencyIds: current.competencies.map((c) => c.id),
      scaleLength: current.scaleLength,
    },
    popSavers,
  };
}

/** A change to a POP draft as an editor makes it: new words for the summary, the rest as it was. */
export function popDraftChange<T extends { summary?: string }>(content: T, n: number): T {
  const base = (content.summary ?? '').replace(/ \(bewerking \d+\)$/, '');
  return { ...content, summary: `${base.slice(0, 3900)} (bewerking ${n})` };
}

/** The body of one observation as the supervisor's phone sends it: every competency scored, a fresh client key. */
export function observationBody(plan: BenchPlan, participantId: string, observedOn: string, n: number) {
  const { frameworkVersionId, competencyIds, scaleLength } = plan.observationForm;
  return {
    participantId,
    context: 'werkvloer' as const,
    frameworkVersionId,
    observedOn,
    ratings: competencyIds.map((competencyId, i) => ({ competencyId, score: 1 + ((n + i) % scaleLength) })),
    clientKey: randomUUID(),
  };
}
