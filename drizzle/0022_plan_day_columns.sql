-- The compliance list judges every participant of an organisation on the day of the agreement and the next review
-- date. Converting a timestamp to Belgian time and casting text to a date for each of them was a third of its
-- database time; PostgreSQL now keeps both as dates (generated, stored). Dropping the text column drops the one-agreed
-- index, which INCLUDEs it: it comes back below with the day columns (INCLUDE, which drizzle's schema cannot spell;
-- see 0021), same name, same key, same uniqueness.
ALTER TABLE "development_plan_versions" ADD COLUMN "agreed_on" date GENERATED ALWAYS AS ((agreed_at at time zone 'Europe/Brussels')::date) STORED;--> statement-breakpoint
ALTER TABLE "development_plan_versions" ADD COLUMN "next_review_on" date GENERATED ALWAYS AS (case when content->>'nextReviewDate' ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' then make_date(substr(content->>'nextReviewDate', 1, 4)::int, substr(content->>'nextReviewDate', 6, 2)::int, 1) + (substr(content->>'nextReviewDate', 9, 2)::int - 1) end) STORED;--> statement-breakpoint
ALTER TABLE "development_plan_versions" DROP COLUMN "next_review_date";--> statement-breakpoint
DROP INDEX IF EXISTS "development_plan_versions_one_agreed";
--> statement-breakpoint
CREATE UNIQUE INDEX "development_plan_versions_one_agreed" ON "development_plan_versions" ("organisation_id", "participant_id")
  INCLUDE ("agreed_on", "generic_current_count", "generic_future_count", "technical_current_count",
    "technical_future_count", "action_count", "next_review_on")
  WHERE status = 'agreed';
