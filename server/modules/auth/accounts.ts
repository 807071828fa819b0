import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, user, verification } from '../../db/schema';

/** Looks an account up by e-mail or username before login: the one lookup that crosses tenants. */
export async function findAccountByIdentifier(db: Db, identifier: string) {
  const value = identifier.trim().toLowerCase();
  const [found] = await db
    .select({
      id: user.id,
      name: user.name,
      organisationId: user.organisationId,
      role: user.role,
      deactivatedAt: user.deactivatedAt,
    })
    .from(user)
    .where(or(eq(user.email, value), eq(user.username, value)))
    .limit(1);
  return found;
}

/** The user a password-reset token belongs to (better-auth keeps it in `verification`). */
export async function findResetTokenOwner(db: Db, token: string) {
  const [row] = await db
    .select({ id: user.id, name: user.name, organisationId: user.organisationId })
    .from(verification)
    .innerJoin(user, eq(user.id, verification.value))
    .where(eq(verification.identifier, `reset-password:${token}`));
  return row;
}

export async function organisationName(db: Db, organisationId: string) {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.name ?? '';
}
