import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CoachOption } from '#shared/coach-options';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { RequestContext } from '../audit/record';

/** Active users with the coach role of the actor's organisation (row-level security hides every other). */
export function listCoachOptions(db: Db, ctx: RequestContext): Promise<CoachOption[]> {
  return withTenant(db, ctx.actor.organisationId, (tx) =>
    tx
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(and(eq(user.role, 'coach'), isNull(user.deactivatedAt)))
      .orderBy(asc(user.name), asc(user.id)),
  );
}
