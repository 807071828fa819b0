import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  builtInListItems,
  type ListItem,
  type ListKind,
  listKinds,
  type listUpdateBody,
  type OrganisationLists,
} from '#shared/lists';
import type { Db, Tx } from '../../db/client';
import {
  careerEvents,
  consents,
  feedbackRules,
  indications,
  organisationListItems,
  papActions,
  papDomains,
  participants,
  workPackageNextSteps,
} from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, fieldError } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';

type StoredItem = typeof organisationListItems.$inferSelect;

/** Stored rows first, in their order; built-in items the organisation never stored follow in shipped order. */
function merge(kind: ListKind, stored: StoredItem[]): ListItem[] {
  const builtIn = builtInListItems[kind];
  const builtInCodes = new Set<string>(builtIn.map((i) => i.code));
  const items: ListItem[] = stored.map((row) => ({
    code: row.code,
    label: row.label,
    builtIn: builtInCodes.has(row.code),
    active: row.active,
  }));
  const storedCodes = new Set(stored.map((row) => row.code));
  for (const item of builtIn) {
    if (!storedCodes.has(item.code)) items.push({ code: item.code, label: item.label, builtIn: true, active: true });
  }
  return items;
}

function storedRows(tx: Tx, kinds: readonly ListKind[]) {
  return tx
    .select()
    .from(organisationListItems)
    .where(inArray(organisationListItems.kind, [...kinds]))
    .orderBy(asc(organisationListItems.kind), asc(organisationListItems.position));
}

/** Every list of the tenant the transaction runs for (row-level security picks the organisation). */
export async function loadLists(tx: Tx): Promise<OrganisationLists> {
  const rows = await storedRows(tx, listKinds);
  const of = (kind: ListKind) =>
    merge(
      kind,
      rows.filter((r) => r.kind === kind),
    );
  return {
    programme_type: of('programme_type'),
    exit_destination: of('exit_destination'),
    consent_kind: of('consent_kind'),
    indication_type: of('indication_type'),
    life_domain: of('life_domain'),
  };
}

export async function loadList(tx: Tx, kind: ListKind): Promise<ListItem[]> {
  return merge(kind, await storedRows(tx, [kind]));
}

/**
 * Refuses a code that is not an active item of the list (400 not_in_list on `field`).
 * `keep` is the value already stored: keeping it is allowed even after the item was deactivated.
 */
export async function assertListCode(tx: Tx, kind: ListKind, code: string, field: string, keep?: string | null) {
  if (keep !== undefined && keep !== null && code === keep) return;
  const items = await loadList(tx, kind);
  if (!items.some((i) => i.code === code && i.active)) throw fieldError(field, 'not_in_list');
}

/** Where each list's codes are stored on dossiers: an own code still in use there cannot be removed. */
async function codesInUse(tx: Tx, kind: ListKind, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const used = (() => {
    switch (kind) {
      case 'programme_type':
        // A feedback rule names a programme type too: removing its code would leave a rule that never matches.
        return tx
          .selectDistinct({ code: participants.programmeType })
          .from(participants)
          .where(inArray(participants.programmeType, codes))
          .union(
            tx
              .selectDistinct({ code: sql<string>`${feedbackRules.programmeType}` })
              .from(feedbackRules)
              .where(inArray(feedbackRules.programmeType, codes)),
          );
      case 'exit_destination':
        // A work package's outflow step names one too: without it the pathway map would show a bare code.
        return tx
          .selectDistinct({ code: careerEvents.exitDestination })
          .from(careerEvents)
          .where(inArray(careerEvents.exitDestination, codes))
          .union(
            tx
              .selectDistinct({ code: workPackageNextSteps.exitDestination })
              .from(workPackageNextSteps)
              .where(inArray(workPackageNextSteps.exitDestination, codes)),
          );
      case 'consent_kind':
        return tx.selectDistinct({ code: consents.kind }).from(consents).where(inArray(consents.kind, codes));
      case 'indication_type':
        return tx.selectDistinct({ code: indications.type }).from(indications).where(inArray(indications.type, codes));
      case 'life_domain':
        return tx
          .selectDistinct({ code: papDomains.domainCode })
          .from(papDomains)
          .where(inArray(papDomains.domainCode, codes))
          .union(
            tx
              .selectDistinct({ code: papActions.domainCode })
              .from(papActions)
              .where(inArray(papActions.domainCode, codes)),
          );
    }
  })();
  return (await used).map((r) => r.code).filter((c): c is string => c !== null);
}

export function getLists(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, loadLists);
}

/**
 * Replaces the organisation's version of one list. Built-in codes must stay (they may be inactive): dossiers and
 * exports rely on them. An own code that a dossier still uses cannot be removed either; deactivate it instead.
 */
export function replaceList(db: Db, ctx: RequestContext, kind: ListKind, body: z.infer<typeof listUpdateBody>) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const wanted = new Set(body.items.map((i) => i.code));
    const missing = builtInListItems[kind].filter((i) => !wanted.has(i.code));
    if (missing.length) {
      throw new AppError('validation_failed', `Built-in items cannot be removed: ${missing.map((i) => i.code)}`, {
        items: 'built_in_required',
      });
    }
    const before = await loadList(tx, kind);
    const removed = before.filter((i) => !wanted.has(i.code)).map((i) => i.code);
    const inUse = await codesInUse(tx, kind, removed);
    if (inUse.length) {
      throw new AppError('validation_failed', `Items still in use cannot be removed: ${inUse.join(', ')}`, {
        items: 'in_use',
      });
    }

    await tx
      .delete(organisationListItems)
      .where(
        and(eq(organisationListItems.organisationId, ctx.actor.organisationId), eq(organisationListItems.kind, kind)),
      );
    await tx.insert(organisationListItems).values(
      body.items.map((item, position) => ({
        organisationId: ctx.actor.organisationId,
        kind,
        code: item.code,
        label: item.label,
        active: item.active,
        position,
      })),
    );
    const beforeCodes = new Set(before.map((i) => i.code));
    await recordAudit(tx, ctx, {
      action: 'list.replaced',
      targetType: 'list',
      targetId: kind,
      details: {
        added: body.items.filter((i) => !beforeCodes.has(i.code)).map((i) => i.code),
        removed,
        inactive: body.items.filter((i) => !i.active).map((i) => i.code),
      },
    });
    return loadList(tx, kind);
  });
}
