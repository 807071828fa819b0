import { asc, eq } from 'drizzle-orm';
import type { ActionPlan, PapAction, PapDomain } from '#shared/action-plans';
import type { Db, Tx } from '../../db/client';
import { papActions, papDomains, participants, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { notFound } from '../../lib/errors';
import type { RequestContext } from '../audit/record';
import { loadList } from '../lists/service';
import { auditSensitive, type Compartment, loadCompartment, openCompartment } from '../sensitive/access';
import { ownViewOf } from './own-view';

/**
 * Reading the PAP. Every active life domain of the organisation shows, in list order, saved or not (unsaved:
 * not_discussed, revision 0); a domain switched off later still shows while it has a saved row.
 */

type DomainRow = typeof papDomains.$inferSelect & { updatedByName: string | null };
type ActionRow = typeof papActions.$inferSelect;

export const unsavedDomain = (code: string, label: string): PapDomain => ({
  code,
  label,
  status: 'not_discussed',
  hinderingFactors: '',
  ownView: '',
  staffOnly: false,
  staffOnlyReason: '',
  revision: 0,
  updatedAt: null,
  updatedByName: null,
});

export const domainOf = (row: DomainRow, label: string): PapDomain => ({
  code: row.domainCode,
  label,
  status: row.status,
  hinderingFactors: row.hinderingFactors,
  ownView: row.ownView,
  staffOnly: row.staffOnly,
  staffOnlyReason: row.staffOnlyReason,
  revision: row.revision,
  updatedAt: row.updatedAt.toISOString(),
  updatedByName: row.updatedByName,
});

export const actionOf = (row: ActionRow): PapAction => ({
  id: row.id,
  domainCode: row.domainCode,
  what: row.what,
  owner: row.owner,
  ownerName: row.ownerName,
  dueDate: row.dueDate,
  status: row.status,
  staffOnly: row.staffOnly,
  staffOnlyReason: row.staffOnlyReason,
  updatedAt: row.updatedAt.toISOString(),
});

export async function savedDomains(tx: Tx, participantId: string): Promise<DomainRow[]> {
  const rows = await tx
    .select({ domain: papDomains, updatedByName: user.name })
    .from(papDomains)
    .leftJoin(user, eq(user.id, papDomains.updatedBy))
    .where(eq(papDomains.participantId, participantId));
  return rows.map((r) => ({ ...r.domain, updatedByName: r.updatedByName }));
}

export async function loadPlan(tx: Tx, participantId: string): Promise<Pick<ActionPlan, 'domains' | 'actions'>> {
  const list = await loadList(tx, 'life_domain');
  const saved = new Map((await savedDomains(tx, participantId)).map((row) => [row.domainCode, row]));
  const domains: PapDomain[] = [];
  for (const item of list) {
    const row = saved.get(item.code);
    saved.delete(item.code);
    if (row) domains.push(domainOf(row, item.label));
    else if (item.active) domains.push(unsavedDomain(item.code, item.label));
  }
  // The list keeps every code still in use, so this is only a safety net: nothing saved is ever hidden.
  for (const row of saved.values()) domains.push(domainOf(row, row.domainCode));
  const actions = await tx
    .select()
    .from(papActions)
    .where(eq(papActions.participantId, participantId))
    .orderBy(asc(papActions.dueDate), asc(papActions.createdAt), asc(papActions.id));
  return { domains, actions: actions.map(actionOf) };
}

export async function planOf(tx: Tx, compartment: Compartment): Promise<ActionPlan> {
  const via = compartment.via;
  if (!via) throw new Error('plan read without access');
  return { participantId: compartment.participant.id, via, ...(await loadPlan(tx, compartment.participant.id)) };
}

export function readPlan(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openCompartment(tx, ctx.actor, participantId, 'pap.read');
    const plan = await planOf(tx, compartment);
    await auditSensitive(tx, ctx, compartment, {
      action: 'pap.read',
      targetType: 'participant',
      targetId: participantId,
    });
    return plan;
  });
}

/** GET /participants/me/pap: the dossier linked to the participant's login (404 without one, or once anonymised). */
export function readOwnPlan(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const [own] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.userId, ctx.actor.id));
    if (!own) throw notFound('Participant');
    const compartment = await loadCompartment(tx, ctx.actor, own.id);
    if (compartment.participant.anonymisedAt || compartment.via !== 'self') throw notFound('Participant');
    const plan = ownViewOf(await loadPlan(tx, own.id));
    await auditSensitive(tx, ctx, compartment, {
      action: 'pap.read_own',
      targetType: 'participant',
      targetId: own.id,
    });
    return plan;
  });
}
