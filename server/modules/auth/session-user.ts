import { eq } from 'drizzle-orm';
import type { SessionUser } from '#shared/auth';
import type { Db } from '../../db/client';
import { organisations, user } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';

/** The logged-in user as the web app sees it. Participants' placeholder e-mail stays inside. */
export async function currentSessionUser(db: Db, userId: string, organisationId: string): Promise<SessionUser> {
  const [row] = await withTenant(db, organisationId, (tx) =>
    tx
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        username: user.username,
        role: user.role,
        organisationId: user.organisationId,
        organisationName: organisations.name,
      })
      .from(user)
      .innerJoin(organisations, eq(organisations.id, user.organisationId))
      .where(eq(user.id, userId)),
  );
  if (!row) throw new AppError('unauthenticated', 'Log in first');
  return { ...row, email: row.role === 'participant' ? null : row.email };
}
