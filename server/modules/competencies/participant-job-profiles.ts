import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParticipantJobProfiles, participantJobProfilesInput } from '#shared/competencies';
import type { Db, Tx } from '../../db/client';
import { jobProfiles, participantJobProfiles } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { can } from '../../policy';
import { type RequestContext, recordAudit } from '../audit/record';
import { resolveAccess } from '../participants/access';

/** A participant's current job profile and the one they work towards: part of the dossier, audited like it. */

async function load(tx: Tx, participantId: string): Promise<ParticipantJobProfiles> {
  const [row] = await tx
    .select()
    .from(participantJobProfiles)
    .where(eq(participantJobProfiles.participantId, participantId));
  const ids = [row?.currentProfileId, row?.targetProfileId].filter((v): v is string => !!v);
  const profiles = ids.length
    ? await tx
        .select({
          id: jobProfiles.id,
          name: jobProfiles.name,
          ladderStep: jobProfiles.ladderStep,
          workMode: jobProfiles.workMode,
        })
        .from(jobProfiles)
        .where(inArray(jobProfiles.id, ids))
    : [];
  const ref = (id: string | null | undefined) => profiles.find((p) => p.id === id) ?? null;
  return { current: ref(row?.currentProfileId), target: ref(row?.targetProfileId) };
}

export function getParticipantJobProfiles(db: Db, ctx: RequestContext, participantId: string) {
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const access = await resolveAccess(tx, ctx.actor, participantId);
    if (!can(ctx.actor, 'observation.read', access.target)) throw notFound('Participant');
    await recordAudit(tx, ctx, {
      action: 'participant.job_profiles_read',
      targetType: 'participant',
      targetId: participantId,
    });
    return load(tx, participantId);
  });
}

/** Each chosen profile must exist and not be archived; keeping an archived one that is already set is allowed. */
async function assertChoosable(tx: Tx, field: string, id: string | null, keep: string | null | undefined) {
  if (!id || id === keep) return;
  const [profile] = await tx
    .select({ archivedAt: jobProfiles.archivedAt })
    .from(jobProfiles)
    .where(eq(jobProfiles.id, id));
  if (!profile) throw new AppError('validation_failed', 'Unknown job profile', { [field]: 'unknown_reference' });
  if (profile.archivedAt)
    throw new AppError('validation_failed', 'This job profile is archived', { [field]: 'archived' });
}

export function setParticipantJobProfiles(
  db: Db,
  ctx: RequestContext,
  participantId: string,
  input: z.infer<typeof participantJobProfilesInput>,
) {
  const organisationId = ctx.actor.organisationId;
  return withTenant(db, organisationId, async (tx) => {
    const access = await resolveAccess(tx, ctx.actor, participantId, true);
    if (!can(ctx.actor, 'participant.jobProfile', access.target)) throw forbidden();
    if (access.row.archivedAt) throw new AppError('conflict', 'This dossier is archived and read-only');
    const [before] = await tx
      .select()
      .from(participantJobProfiles)
      .where(eq(participantJobProfiles.participantId, participantId));
    await assertChoosable(tx, 'currentProfileId', input.currentProfileId, before?.currentProfileId);
    await assertChoosable(tx, 'targetProfileId', input.targetProfileId, before?.targetProfileId);
    const values = {
      currentProfileId: input.currentProfileId,
      targetProfileId: input.targetProfileId,
      updatedBy: ctx.actor.id,
      updatedAt: new Date(),
    };
    await tx
      .insert(participantJobProfiles)
      .values({ organisationId, participantId, ...values })
      .onConflictDoUpdate({ target: participantJobProfiles.participantId, set: values });
    await recordAudit(tx, ctx, {
      action: 'participant.job_profiles_set',
      targetType: 'participant',
      targetId: participantId,
      details: {
        changed: [
          ...((before?.currentProfileId ?? null) !== input.currentProfileId ? ['currentProfileId'] : []),
          ...((before?.targetProfileId ?? null) !== input.targetProfileId ? ['targetProfileId'] : []),
        ],
      },
    });
    return load(tx, participantId);
  });
}
