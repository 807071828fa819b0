-- The compliance list (server/modules/development-plans/compliance-list.ts) reads, for every participant of an
-- organisation, the facts of the agreed version in force. With these columns in the one-agreed index it reads them
-- from the index alone (an index-only scan) instead of visiting one heap page per plan: each plan's row sits on its
-- own page beside its JSON. Same name, same key, same uniqueness; drizzle's schema cannot spell INCLUDE, so only this
-- migration does (server/db/schema/development-plans.ts says so beside the index).
DROP INDEX IF EXISTS "development_plan_versions_one_agreed";
--> statement-breakpoint
CREATE UNIQUE INDEX "development_plan_versions_one_agreed" ON "development_plan_versions" ("organisation_id", "participant_id")
  INCLUDE ("agreed_at", "generic_current_count", "generic_future_count", "technical_current_count",
    "technical_future_count", "action_count", "next_review_date")
  WHERE status = 'agreed';
