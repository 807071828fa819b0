import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { builtInIluoLabels, type IluoLabel, type iluoLabelsBody, iluoLetters } from '#shared/iluo';
import type { Db, Tx } from '../../db/client';
import { iluoLevelLabels } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { type RequestContext, recordAudit } from '../audit/record';

export interface StoredLabel {
  level: number;
  label: string;
  meaning: string;
}

/** The four levels in the organisation's words: a level without a stored row keeps the built-in words. */
export function mergeLabels(stored: readonly StoredLabel[]): IluoLabel[] {
  return builtInIluoLabels.map((builtIn) => {
    const own = stored.find((row) => row.level === builtIn.level);
    return {
      level: builtIn.level,
      letter: iluoLetters[builtIn.level],
      label: own?.label ?? builtIn.label,
      meaning: own?.meaning ?? builtIn.meaning,
      custom: own !== undefined,
    };
  });
}

export async function loadLabels(tx: Tx): Promise<IluoLabel[]> {
  const rows = await tx
    .select({ level: iluoLevelLabels.level, label: iluoLevelLabels.label, meaning: iluoLevelLabels.meaning })
    .from(iluoLevelLabels)
    .orderBy(asc(iluoLevelLabels.level));
  return mergeLabels(rows);
}

export function getLabels(db: Db, ctx: RequestContext) {
  return withTenant(db, ctx.actor.organisationId, loadLabels);
}

/**
 * Replaces the organisation's words for the four levels. A level given exactly in the built-in words is stored as
 * no row at all, so it keeps following the built-in words (and the reader's language in the web app).
 */
export function replaceLabels(db: Db, ctx: RequestContext, body: z.infer<typeof iluoLabelsBody>) {
  const { organisationId } = ctx.actor;
  return withTenant(db, organisationId, async (tx) => {
    const own = body.items.filter((item) => {
      const builtIn = builtInIluoLabels.find((b) => b.level === item.level);
      return !(builtIn && builtIn.label === item.label && builtIn.meaning === item.meaning);
    });
    await tx.delete(iluoLevelLabels).where(eq(iluoLevelLabels.organisationId, organisationId));
    if (own.length) {
      await tx.insert(iluoLevelLabels).values(own.map((item) => ({ organisationId, ...item })));
    }
    await recordAudit(tx, ctx, {
      action: 'iluo_labels.replaced',
      targetType: 'organisation',
      targetId: organisationId,
      details: { ownLevels: own.map((item) => item.level) },
    });
    return loadLabels(tx);
  });
}
