import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { papActionCreateBody, papActionUpdateBody, papDomainBody } from '#shared/action-plans';
import type { Db, Tx } from '../../db/client';
import { papActions, papDomains } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError, notFound } from '../../lib/errors';
import type { RequestContext } from '../audit/record';
import { assertListCode, loadList } from '../lists/service';
import { auditSensitive, type Compartment, openCompartment } from '../sensitive/access';
import { domainOf, planOf, savedDomains, unsavedDomain } from './read';

/**
 * Writing the PAP: one domain at a time with a revision check, and actions. The audit keeps which fields changed and
 * the domain's code, never the words: they are the most sensitive data in the application.
 */

type StaffOnly = { staffOnly: boolean; staffOnlyReason: string };

/** The participant is told nothing of a staff-only item, so the coach must be able to say why. */
function staffOnlyOf(body: StaffOnly): StaffOnly {
  if (body.staffOnly && !body.staffOnlyReason) throw fieldError('staffOnlyReason', 'reason_required');
  return { staffOnly: body.staffOnly, staffOnlyReason: body.staffOnly ? body.staffOnlyReason : '' };
}

/** The compartment for a write: the dossier row locked, so saves of one participant run one after the other. */
async function openForWrite(tx: Tx, ctx: RequestContext, participantId: string): Promise<Compartment> {
  const compartment = await openCompartment(tx, ctx.actor, participantId, 'pap.write', true);
  if (compartment.participant.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
  return compartment;
}

const changed = (before: object, after: object, fields: readonly string[]) =>
  fields.filter((f) => (before as Record<string, unknown>)[f] !== (after as Record<string, unknown>)[f]);

const domainFields = ['status', 'hinderingFactors', 'ownView', 'staffOnly', 'staffOnlyReason'] as const;
const actionFields = ['what', 'owner', 'ownerName', 'dueDate', 'status', 'staffOnly', 'staffOnlyReason'] as const;

export function saveDomain(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  code: string,
  body: z.infer<typeof papDomainBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openForWrite(tx, ctx, participantId);
    const saved = (await savedDomains(tx, participantId)).find((row) => row.domainCode === code);
    // A domain switched off after it was saved may still be kept up to date.
    await assertListCode(tx, 'life_domain', code, 'code', saved?.domainCode);
    const staffOnly = staffOnlyOf(body);
    if ((saved?.revision ?? 0) !== body.revision) {
      const label = (await loadList(tx, 'life_domain')).find((i) => i.code === code)?.label ?? code;
      throw new AppError(
        'conflict',
        'Someone else changed this domain meanwhile. Look at their changes and save again.',
        { revision: 'stale' },
        { domain: saved ? domainOf(saved, label) : unsavedDomain(code, label) },
      );
    }
    const values = {
      status: body.status,
      hinderingFactors: body.hinderingFactors,
      ownView: body.ownView,
      ...staffOnly,
      updatedBy: ctx.actor.id,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(papDomains)
      .values({ organisationId: ctx.actor.organisationId, participantId, domainCode: code, revision: 1, ...values })
      .onConflictDoUpdate({
        target: [papDomains.participantId, papDomains.domainCode],
        set: { ...values, revision: sql`${papDomains.revision} + 1` },
      });
    await auditSensitive(tx, ctx, compartment, {
      action: 'pap.domain_saved',
      targetType: 'participant',
      targetId: participantId,
      details: {
        domainCode: code,
        fields: changed(saved ?? unsavedDomain(code, code), { ...body, ...staffOnly }, domainFields),
      },
    });
    return planOf(tx, compartment);
  });
}

export function addAction(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  body: z.infer<typeof papActionCreateBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openForWrite(tx, ctx, participantId);
    await assertListCode(tx, 'life_domain', body.domainCode, 'domainCode');
    const [row] = await tx
      .insert(papActions)
      .values({
        organisationId: ctx.actor.organisationId,
        participantId,
        domainCode: body.domainCode,
        what: body.what,
        owner: body.owner,
        ownerName: body.ownerName,
        dueDate: body.dueDate,
        ...staffOnlyOf(body),
        createdBy: ctx.actor.id,
      })
      .returning({ id: papActions.id });
    if (!row) throw new Error('action not stored');
    await auditSensitive(tx, ctx, compartment, {
      action: 'pap.action_added',
      targetType: 'participant',
      targetId: participantId,
      details: { actionId: row.id, domainCode: body.domainCode, staffOnly: body.staffOnly },
    });
    return planOf(tx, compartment);
  });
}

export function updateAction(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  actionId: string,
  body: z.infer<typeof papActionUpdateBody>,
) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const compartment = await openForWrite(tx, ctx, participantId);
    const [before] = await tx
      .select()
      .from(papActions)
      .where(and(eq(papActions.id, actionId), eq(papActions.participantId, participantId)))
      .for('update');
    if (!before) throw notFound('Action');
    const after = {
      what: body.what,
      owner: body.owner,
      ownerName: body.ownerName,
      dueDate: body.dueDate,
      status: body.status,
      ...staffOnlyOf(body),
    };
    await tx
      .update(papActions)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(papActions.id, actionId));
    await auditSensitive(tx, ctx, compartment, {
      action: 'pap.action_updated',
      targetType: 'participant',
      targetId: participantId,
      details: { actionId, domainCode: before.domainCode, fields: changed(before, after, actionFields) },
    });
    return planOf(tx, compartment);
  });
}
