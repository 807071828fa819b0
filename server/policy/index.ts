import type { Role } from '#shared/common';

/**
 * The one place that decides who may do what: role × relation × sensitivity (DESIGN.md §4).
 * Routes name an action; services pass the target when the relation matters.
 * Later capabilities add actions here (dossier.read with relation caseload/team, pap.read with sensitivity), never in handlers.
 */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  organisationId: string;
}

export type Relation = 'self' | 'none';
export type Sensitivity = 'normal' | 'sensitive';

export interface Target {
  /** The user the action is about, to derive the relation "myself". */
  userId?: string;
  sensitivity?: Sensitivity;
}

const staff: readonly Role[] = ['admin', 'coach', 'supervisor', 'trainer', 'manager'];
const everyone: readonly Role[] = [...staff, 'participant'];

interface Rule {
  roles: readonly Role[];
  /** When set, the actor must stand in one of these relations to the target. */
  relations?: readonly Relation[];
}

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
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;

export function relationOf(actor: Actor, target?: Target): Relation {
  if (target?.userId && target.userId === actor.id) return 'self';
  return 'none';
}

export function can(actor: Actor, action: Action, target?: Target): boolean {
  const rule: Rule = rules[action];
  if (!rule.roles.includes(actor.role)) return false;
  if (rule.relations && target && !rule.relations.includes(relationOf(actor, target))) return false;
  // Nothing sensitive exists yet; the PAP/instrument compartment will add its need-to-know rule here.
  if (target?.sensitivity === 'sensitive') return false;
  return true;
}

/** What a route declares: an action, or that it needs a session but no role, or nothing at all. */
export type RoutePolicy = Action | 'public';
