import { hashPassword } from 'better-auth/crypto';
import { count } from 'drizzle-orm';
import type { SetupBody } from '#shared/setup';
import type { Db } from '../../db/client';
import { account, auditLog, instanceSetup, organisations, sites, user } from '../../db/schema';
import { asPlatform } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import { assertAcceptablePassword } from '../auth/passwords';
import { createDefaultFramework } from '../competencies/default-framework';

export async function needsSetup(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(instanceSetup);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates the first organisation, its first site and its admin in one transaction.
 * The single-row instance_setup table makes a second run fail in the database itself, even when two race.
 */
export async function runSetup(db: Db, body: SetupBody, ip?: string) {
  assertAcceptablePassword(body.admin.password, 'admin.password');
  if (!(await needsSetup(db))) throw new AppError('setup_already_done', 'Groeipad is already set up.');
  const passwordHash = await hashPassword(body.admin.password);
  try {
    return await asPlatform(db, async (tx) => {
      const [org] = await tx.insert(organisations).values({ name: body.organisationName }).returning();
      if (!org) throw new Error('organisation insert returned nothing');
      await tx.insert(instanceSetup).values({ id: 1, firstOrganisationId: org.id });
      const [site] = await tx.insert(sites).values({ organisationId: org.id, name: body.siteName }).returning();
      const adminId = crypto.randomUUID();
      await tx.insert(user).values({
        id: adminId,
        organisationId: org.id,
        name: body.admin.name,
        email: body.admin.email,
        role: 'admin',
      });
      await tx.insert(account).values({
        id: crypto.randomUUID(),
        organisationId: org.id,
        userId: adminId,
        accountId: adminId,
        providerId: 'credential',
        password: passwordHash,
      });
      // Observations can start on day one: the shipped "11 kerncompetenties" with its job profiles.
      const { framework } = await createDefaultFramework(tx, org.id, adminId);
      const actor = { organisationId: org.id, actorId: adminId, actorName: body.admin.name, ip: ip ?? null };
      await tx.insert(auditLog).values([
        { ...actor, action: 'setup.completed', targetType: 'organisation', targetId: org.id },
        { ...actor, action: 'site.created', targetType: 'site', targetId: site?.id },
        { ...actor, action: 'user.created', targetType: 'user', targetId: adminId, details: { role: 'admin' } },
        { ...actor, action: 'competencyFramework.created', targetType: 'competency_framework', targetId: framework.id },
      ]);
      return { organisationId: org.id, adminId };
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code;
    if (code === '23505') throw new AppError('setup_already_done', 'Groeipad is already set up.');
    throw err;
  }
}
