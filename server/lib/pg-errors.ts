import { AppError } from './errors';

interface PgLikeError {
  code?: string;
  constraint?: string;
}

/** Which request field a database constraint speaks for, so a clash becomes a field error. */
const constraintFields: Record<string, string> = {
  sites_org_name_unique: 'name',
  teams_org_name_unique: 'name',
  competency_frameworks_org_name_unique: 'name',
  job_profiles_framework_name_unique: 'name',
  skills_team_name_unique: 'name',
  user_email_unique: 'email',
  user_username_unique: 'username',
  teams_organisation_id_site_id_sites_organisation_id_id_fk: 'siteId',
  team_supervisors_organisation_id_user_id_user_organisation_id_id_fk: 'userIds',
  team_supervisors_organisation_id_team_id_teams_organisation_id_id_fk: 'teamId',
  referrers_org_name_unique: 'name',
  participants_site_fk: 'siteId',
  participants_team_fk: 'teamId',
  participants_referrer_fk: 'referrerId',
  participants_user_fk: 'userId',
  participants_user_unique: 'userId',
  participant_coaches_user_fk: 'userIds',
  career_events_team_fk: 'teamId',
};

function pgCause(err: unknown): PgLikeError | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const candidate = e as PgLikeError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return undefined;
}

/** Turns the database's own refusals (unique, foreign key, check) into clear 4xx errors. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const pg = pgCause(err);
  if (!pg) return undefined;
  const field = pg.constraint ? constraintFields[pg.constraint] : undefined;
  switch (pg.code) {
    case '23505':
      return new AppError(
        'conflict',
        'This value is already in use',
        field ? { [field]: 'already_in_use' } : undefined,
      );
    case '23503':
      return new AppError('validation_failed', 'Refers to something that does not exist', {
        [field ?? 'id']: 'unknown_reference',
      });
    case '23514':
    case '22001':
    case '22P02':
    case '22007':
    case '22008':
    // A NUL character (\u0000) in text or jsonb: valid JSON, but PostgreSQL cannot hold it. plugins/nul-guard.ts
    // refuses it on the field before; this is the net under it.
    case '22021':
    case '22P05':
      return new AppError('validation_failed', 'A value is not valid');
    default:
      return undefined;
  }
}
