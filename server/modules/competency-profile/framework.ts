import { sql } from 'drizzle-orm';
import type { ScaleLevel } from '#shared/competencies';
import type { CurrentFramework } from '#shared/competency-profile';

/** The default framework's current version as one JSON value (null without a default framework). */
export interface CurrentFrameworkRow extends CurrentFramework {
  scale: ScaleLevel[];
  competencies: { key: string; name: string; description: string; position: number }[];
}

/**
 * A scalar subquery, so the profile and the heat map read the framework in the same statement as their ratings.
 * Row-level security keeps it to the organisation; the partial unique index on is_default finds the one framework,
 * the (framework_id, number) and (version_id, key) unique indexes the rest.
 */
export const currentFrameworkJson = sql`(
  select json_build_object(
    'id', f.id, 'name', f.name, 'versionId', v.id, 'versionNumber', v.number, 'scale', v.scale,
    'competencies', coalesce((
      select json_agg(json_build_object('key', c.key, 'name', c.name, 'description', c.description, 'position', c.position)
        order by c.position, c.key)
      from competencies c where c.version_id = v.id), '[]'::json))
  from competency_frameworks f
  cross join lateral (
    select cv.id, cv.number, cv.scale from competency_framework_versions cv
    where cv.framework_id = f.id order by cv.number desc limit 1
  ) v
  where f.is_default
)`;

/** The default framework's id, for filtering ratings to its versions. */
export const defaultFrameworkId = sql`(select f.id from competency_frameworks f where f.is_default)`;

export const frameworkRef = (row: CurrentFrameworkRow | null): CurrentFramework | null =>
  row && { id: row.id, name: row.name, versionId: row.versionId, versionNumber: row.versionNumber };
