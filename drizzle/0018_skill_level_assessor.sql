-- The team matrix reads the cache alone: the assessor joins it, filled from the history row it points at.
ALTER TABLE "skill_levels_current" ADD COLUMN "assessor_id" text;--> statement-breakpoint
UPDATE "skill_levels_current" c SET "assessor_id" = l."assessor_id" FROM "skill_levels" l WHERE l."id" = c."skill_level_id";--> statement-breakpoint
ALTER TABLE "skill_levels_current" ALTER COLUMN "assessor_id" SET NOT NULL;
