import type { Role } from '#shared/common';

/**
 * The one place that decides who may do what: role × relation × sensitivity (DESIGN.md §4).
 * Routes name an action; services resolve the relation with a query and pass the target.
 * Later capabilities add actions here (pap.read with sensitivity), never in handlers.
 */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  organisationId: string;
}

/**
 * How the actor stands to the target:
 * - self: the target is the actor's own account, or the dossier linked to the actor's participant login;
 * - caseload: the actor is one of the participant's coaches;
 * - team: the actor supervises the participant's current team (team_supervisors);
 * - granted: the actor holds an active grant to the participant's sensitive compartment (explicit or break-the-glass).
 */
export type Relation = 'self' | 'caseload' | 'team' | 'granted';
export type Sensitivity = 'normal' | 'sensitive';

export interface Target {
  /** The user the action is about (an account, or the login linked to a dossier): the relation "self". */
  userId?: string | null;
  /** The coaches of the participant the action is about: the relation "caseload". */
  coachIds?: readonly string[];
  /** The supervisors of the participant's current team: the relation "team". */
  teamSupervisorIds?: readonly string[];
  /** Users with an active grant (explicit or break-the-glass) to the participant's sensitive compartment. */
  grantedUserIds?: readonly string[];
  /** 'sensitive': the PAP/instrument compartment (shared/sensitive.ts), need-to-know whatever the rule says. */
  sensitivity?: Sensitivity;
}

const staff: readonly Role[] = ['admin', 'coach', 'supervisor', 'trainer', 'manager'];
const everyone: readonly Role[] = [...staff, 'participant'];

interface Rule {
  roles: readonly Role[];
  /**
   * When set, the actor must stand in one of these relations to the target.
   * Either one list for every role, or per role; a role that is allowed but not listed acts organisation-wide.
   */
  relations?: readonly Relation[] | Partial<Record<Role, readonly Relation[]>>;
}

/**
 * Dossiers (participants): who reaches which participant.
 * - manager and admin: every participant of the organisation;
 * - coach: their caseload (participant_coaches);
 * - supervisor: the participants of the teams they supervise, as a summary (no contact data, date of birth,
 *   referrer, indications, stakeholders, consents or notes: see participant.readConfidential);
 * - participant: their own dossier, as the same summary.
 * Writes are for the coaches of the dossier and for the admin (who fixes data, e.g. reassigns the caseload of a
 * coach who leaves). The manager reads but does not write.
 */
const dossierReaders = {
  coach: ['caseload'],
  supervisor: ['team'],
  participant: ['self'],
} as const satisfies Partial<Record<Role, readonly Relation[]>>;

export const rules = {
  'account.self': { roles: everyone, relations: ['self'] },
  'organisation.read': { roles: staff },
  'organisation.update': { roles: ['admin'] },
  'site.read': { roles: staff },
  'site.manage': { roles: ['admin'] },
  'team.read': { roles: staff },
  'team.manage': { roles: ['admin'] },
  'user.read': { roles: ['admin', 'manager'] },
  'user.manage': { roles: ['admin'] },
  'audit.read': { roles: ['admin'] },
  'outbox.read': { roles: ['admin'] },
  /** The caseload list; each role sees the participants participant.read lets it reach. */
  'participant.list': { roles: ['admin', 'manager', 'coach', 'supervisor'] },
  'participant.read': { roles: ['admin', 'manager', 'coach', 'supervisor', 'participant'], relations: dossierReaders },
  /** The confidential part of a dossier: contact data, date of birth, referrer, indications, stakeholders, consents, notes. */
  'participant.readConfidential': { roles: ['admin', 'manager', 'coach'], relations: { coach: ['caseload'] } },
  /** A coach who registers a participant becomes their coach. */
  'participant.register': { roles: ['admin', 'coach'] },
  'participant.update': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  'participant.archive': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  'participant.unarchive': { roles: ['admin'] },
  /** Names of the active coaches, for the coach pickers and the caseload filter: whoever lists participants. */
  'participant.coachOptions': { roles: ['admin', 'manager', 'coach', 'supervisor'] },
  /** Referrers (doorverwijzers): a managed list; supervisors do not see who referred a participant. */
  'referrer.read': { roles: ['admin', 'manager', 'coach'] },
  'referrer.manage': { roles: ['admin'] },
  /**
   * Configurable lists (programme types, exit destinations, consent kinds, indication types): codes and labels,
   * nothing personal. Participants read them too, to see their own timeline in the organisation's words.
   */
  'list.read': { roles: everyone },
  'list.manage': { roles: ['admin'] },
  /** A participant's own login, created from the dossier: by the admin or one of the participant's coaches. */
  'participant.account': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  /** GET /participants/me: the participant's own dossier (summary view). */
  'participant.readOwn': { roles: ['participant'] },
  /** Frameworks, their versions and job profiles: nothing personal; participants read them to self-assess. */
  'competency.read': { roles: everyone },
  'competency.manage': { roles: ['admin'] },
  /** A participant's current and target job profile. */
  'participant.jobProfile': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  /**
   * Scoring a participant: the supervisor of their team or one of their coaches. The role decides the series
   * (supervisor or coach); the admin and the manager do not rate.
   */
  'observation.create': { roles: ['coach', 'supervisor'], relations: { coach: ['caseload'], supervisor: ['team'] } },
  /** Observations, the radar and the evolution of one participant: whoever reaches the dossier. */
  'observation.read': { roles: ['admin', 'manager', 'coach', 'supervisor', 'participant'], relations: dossierReaders },
  /** Taking back an observation: its own rater (checked by the service) or the admin. */
  'observation.delete': { roles: ['admin', 'coach', 'supervisor'] },
  /** The self-assessment: a participant scores only themselves. */
  'observation.self': { roles: ['participant'], relations: ['self'] },
  /**
   * Inviting an external mentor for one participant, resending the link and revoking it. The link itself is answered
   * only to the one who invites or resends, once (the service stores its hash only): no list or read shows it.
   */
  'mentor.invite': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  /**
   * The team heat map: rows limited to the participants the actor reaches (see participant.read). A supervisor only
   * reaches the teams they supervise, so another team is refused rather than shown empty; a coach's caseload can sit
   * in any team.
   */
  'competency.teamView': { roles: ['admin', 'manager', 'coach', 'supervisor'], relations: { supervisor: ['team'] } },
  /** The feedbackgesprek (at least every 4 weeks). */
  'feedback.record': {
    roles: ['admin', 'coach', 'supervisor'],
    relations: { coach: ['caseload'], supervisor: ['team'] },
  },
  'feedback.read': { roles: ['admin', 'manager', 'coach', 'supervisor', 'participant'], relations: dossierReaders },
  /** "Due this week" and "overdue": each role sees the participants participant.read lets it reach. */
  'feedback.dueList': { roles: ['admin', 'manager', 'coach', 'supervisor'] },
  /** Removing a conversation recorded by mistake: the admin only (its recorder may still correct it, feedback.record). */
  'feedback.delete': { roles: ['admin'] },
  'feedbackRule.read': { roles: staff },
  'feedbackRule.manage': { roles: ['admin'] },
  /** ILUO: skills and the matrix are workfloor knowledge every staff member may read. */
  'skill.read': { roles: staff },
  /** Defining a team's skills and assessing levels: the admin, or a supervisor of that team. */
  'skill.manage': { roles: ['admin', 'supervisor'], relations: { supervisor: ['team'] } },
  'skill.assess': { roles: ['admin', 'supervisor'], relations: { supervisor: ['team'] } },
  /** The organisation's words for I, L, U and O. */
  'skill.configure': { roles: ['admin'] },
  /**
   * The POP belongs to the participant and is about work: whoever reaches the dossier reads it (the team's
   * supervisor works on its goals on the workfloor). Drafting and agreeing are for the participant and their coaches.
   */
  'pop.read': { roles: ['admin', 'manager', 'coach', 'supervisor', 'participant'], relations: dossierReaders },
  'pop.edit': { roles: ['coach', 'participant'], relations: { coach: ['caseload'], participant: ['self'] } },
  'pop.agree': { roles: ['coach', 'participant'], relations: { coach: ['caseload'], participant: ['self'] } },
  /** Following the agreed plan up: statuses of actions (a participant only their own, see the service), notes on goals. */
  'pop.progress': {
    roles: ['coach', 'supervisor', 'participant'],
    relations: { coach: ['caseload'], supervisor: ['team'], participant: ['self'] },
  },
  /** The participant proposes a change to their POP; one of their coaches accepts it or asks to talk about it. */
  'pop.propose': { roles: ['participant'], relations: ['self'] },
  'pop.resolveProposal': { roles: ['coach'], relations: { coach: ['caseload'] } },
  /** The dates of the team meetings and closing events where the participant presented their POP. */
  'pop.present': { roles: ['coach'], relations: { coach: ['caseload'] } },
  /** Who is missing a POP, late or incomplete: a coach sees their caseload, the admin and manager everyone. */
  'pop.compliance': { roles: ['admin', 'manager', 'coach'] },
  'pop.configure': { roles: ['admin'] },
  /** ESCO occupations: public reference data, to link a job target to. */
  'esco.read': { roles: everyone },
  'esco.import': { roles: ['admin'] },
  /**
   * The pathway map (pakkettenschema). Its definition (packages, requirements, next steps) is workfloor knowledge
   * every staff member reads; a participant reads it only through their own position (pathway.readPosition).
   */
  'pathway.read': { roles: staff },
  'pathway.manage': { roles: ['admin'] },
  /** A participant's position on the map, history and readiness: whoever reaches the dossier. */
  'pathway.readPosition': {
    roles: ['admin', 'manager', 'coach', 'supervisor', 'participant'],
    relations: dossierReaders,
  },
  /** GET /participants/me/pathway: the participant's own map (the dossier linked to their login). */
  'pathway.readOwn': { roles: ['participant'] },
  /**
   * Moving a participant to another package: one of their coaches, who decides it with the participant (the team's
   * supervisor advises but does not decide), or the admin who fixes data.
   */
  'pathway.place': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  /**
   * The sensitive compartment (shared/sensitive.ts): the PAP and instrument results. Need-to-know: the participant's
   * coaches and whoever holds an active grant (explicit or break-the-glass); an admin has no access of their own.
   */
  'pap.read': { roles: ['admin', 'coach'], relations: ['caseload', 'granted'] },
  'pap.write': { roles: ['admin', 'coach'], relations: ['caseload', 'granted'] },
  /** GET /participants/me/pap: the participant's own PAP without staff-only items. */
  'pap.readOwn': { roles: ['participant'] },
  'instrument.read': { roles: ['admin', 'coach'], relations: ['caseload', 'granted'] },
  'instrument.write': { roles: ['admin', 'coach'], relations: ['caseload', 'granted'] },
  /** Instrument definitions are not personal: coaches read them to record results, the admin defines them. */
  'instrumentDefinition.read': { roles: ['admin', 'coach'] },
  'instrumentDefinition.manage': { roles: ['admin'] },
  /** What the actor may do with one compartment (the page asks this first): whoever could ever reach one. */
  'sensitive.access': { roles: ['admin', 'coach'] },
  /** Granting a named coach or admin access: one of the participant's coaches, never someone with a grant. */
  'sensitive.grant': { roles: ['coach'], relations: ['caseload'] },
  /** Break-the-glass: a coach of another caseload or an admin, with a reason; the service refuses it when not needed. */
  'sensitive.breakGlass': { roles: ['admin', 'coach'] },
  /** Who read or wrote the compartment, when and why: the participant's coaches (the dossier owners) and the admin. */
  'sensitive.accessLog': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  /** Managers get counts, never contents. */
  'sensitive.counts': { roles: ['admin', 'manager'] },
  /** GDPR access and portability: everything about one participant, as JSON or PDF, with a reason. */
  'privacy.export': { roles: ['admin', 'coach'], relations: { coach: ['caseload'] } },
  /** Erasing (anonymising) a participant, and the retention period after which it happens. */
  'privacy.erase': { roles: ['admin'] },
  'privacy.retention': { roles: ['admin'] },
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;

/** Every relation the actor has to the target. */
export function relationsOf(actor: Actor, target?: Target): Set<Relation> {
  const found = new Set<Relation>();
  if (!target) return found;
  if (target.userId && target.userId === actor.id) found.add('self');
  if (target.coachIds?.includes(actor.id)) found.add('caseload');
  if (target.teamSupervisorIds?.includes(actor.id)) found.add('team');
  if (target.grantedUserIds?.includes(actor.id)) found.add('granted');
  return found;
}

/**
 * The relations the actor's role needs for an action: undefined when it acts organisation-wide,
 * an empty list when the role may never do it. Services turn this into the WHERE clause of a list.
 */
export function requiredRelations(role: Role, action: Action): readonly Relation[] | undefined {
  const rule: Rule = rules[action];
  if (!rule.roles.includes(role)) return [];
  if (!rule.relations) return undefined;
  if (Array.isArray(rule.relations)) return rule.relations as readonly Relation[];
  return (rule.relations as Partial<Record<Role, readonly Relation[]>>)[role];
}

/**
 * Without a target only the role is checked (what the route's preHandler does: 403 for a role that may never);
 * with a target the relation is checked too (what services do once they have loaded it).
 */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  const rule: Rule = rules[action];
  if (!rule.roles.includes(actor.role)) return false;
  const needed = requiredRelations(actor.role, action);
  if (needed && target) {
    const has = relationsOf(actor, target);
    if (!needed.some((r) => has.has(r))) return false;
  }
  if (target?.sensitivity === 'sensitive') return sensitiveAllowed(actor, target);
  return true;
}

/**
 * Need-to-know for the compartment, whatever an action's rule says: supervisors, trainers and managers never; the
 * others only as the participant themselves, one of their coaches or through an active grant.
 */
const neverSensitive: readonly Role[] = ['supervisor', 'trainer', 'manager'];
function sensitiveAllowed(actor: Actor, target: Target): boolean {
  if (neverSensitive.includes(actor.role)) return false;
  const has = relationsOf(actor, target);
  return has.has('self') || has.has('caseload') || has.has('granted');
}

/** What a route declares: an action, or that it needs a session but no role, or nothing at all. */
export type RoutePolicy = Action | 'public';
