CREATE TABLE "work_package_competencies" (
	"organisation_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"competency_key" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "work_package_competencies_package_id_competency_key_pk" PRIMARY KEY("package_id","competency_key"),
	CONSTRAINT "work_package_competencies_level_check" CHECK ("work_package_competencies"."level" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "work_package_competencies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_package_next_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_package_id" uuid,
	"to_job_profile_id" uuid,
	"exit_destination" text,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "work_package_next_steps_kind_check" CHECK ("work_package_next_steps"."kind" in ('package', 'job_profile', 'outflow')),
	CONSTRAINT "work_package_next_steps_target_check" CHECK (("work_package_next_steps"."kind" = 'package') = ("work_package_next_steps"."to_package_id" is not null)
        and ("work_package_next_steps"."kind" = 'job_profile') = ("work_package_next_steps"."to_job_profile_id" is not null)
        and ("work_package_next_steps"."kind" = 'outflow') = ("work_package_next_steps"."exit_destination" is not null)),
	CONSTRAINT "work_package_next_steps_not_self" CHECK ("work_package_next_steps"."to_package_id" is null or "work_package_next_steps"."to_package_id" <> "work_package_next_steps"."package_id")
);
--> statement-breakpoint
ALTER TABLE "work_package_next_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_package_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"placed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_package_placements_range_check" CHECK ("work_package_placements"."to_date" is null or "work_package_placements"."to_date" >= "work_package_placements"."from_date")
);
--> statement-breakpoint
ALTER TABLE "work_package_placements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_package_skills" (
	"organisation_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "work_package_skills_package_id_skill_id_pk" PRIMARY KEY("package_id","skill_id"),
	CONSTRAINT "work_package_skills_level_check" CHECK ("work_package_skills"."level" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "work_package_skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"step" smallint NOT NULL,
	"work_mode" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_packages_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "work_packages_step_check" CHECK ("work_packages"."step" between 1 and 20),
	CONSTRAINT "work_packages_work_mode_check" CHECK ("work_packages"."work_mode" in ('uitvoerend', 'inzichtelijk'))
);
--> statement-breakpoint
ALTER TABLE "work_packages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "career_events" DROP CONSTRAINT "career_events_kind_check";--> statement-breakpoint
ALTER TABLE "work_package_competencies" ADD CONSTRAINT "work_package_competencies_package_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."work_packages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_next_steps" ADD CONSTRAINT "work_package_next_steps_package_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."work_packages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_next_steps" ADD CONSTRAINT "work_package_next_steps_to_package_fk" FOREIGN KEY ("organisation_id","to_package_id") REFERENCES "public"."work_packages"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_next_steps" ADD CONSTRAINT "work_package_next_steps_job_profile_fk" FOREIGN KEY ("organisation_id","to_job_profile_id") REFERENCES "public"."job_profiles"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_placements" ADD CONSTRAINT "work_package_placements_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_placements" ADD CONSTRAINT "work_package_placements_package_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."work_packages"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_placements" ADD CONSTRAINT "work_package_placements_placed_by_fk" FOREIGN KEY ("organisation_id","placed_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_skills" ADD CONSTRAINT "work_package_skills_package_fk" FOREIGN KEY ("organisation_id","package_id") REFERENCES "public"."work_packages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_skills" ADD CONSTRAINT "work_package_skills_skill_fk" FOREIGN KEY ("organisation_id","skill_id") REFERENCES "public"."skills"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_team_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_package_next_steps_target_unique" ON "work_package_next_steps" USING btree ("package_id","kind",coalesce("to_package_id"::text, "to_job_profile_id"::text, "exit_destination"));--> statement-breakpoint
CREATE INDEX "work_package_next_steps_package_idx" ON "work_package_next_steps" USING btree ("organisation_id","package_id");--> statement-breakpoint
CREATE INDEX "work_package_next_steps_to_package_idx" ON "work_package_next_steps" USING btree ("to_package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_package_placements_one_current" ON "work_package_placements" USING btree ("participant_id") WHERE "work_package_placements"."to_date" is null;--> statement-breakpoint
CREATE INDEX "work_package_placements_participant_idx" ON "work_package_placements" USING btree ("participant_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "work_packages_team_name_unique" ON "work_packages" USING btree ("team_id",lower("name")) WHERE "work_packages"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "work_packages_org_team_idx" ON "work_packages" USING btree ("organisation_id","team_id");--> statement-breakpoint
ALTER TABLE "career_events" ADD CONSTRAINT "career_events_kind_check" CHECK ("career_events"."kind" in ('intake', 'start', 'team_change', 'promotion', 'pause', 'resume', 'exit', 'package_change'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_package_competencies" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_package_next_steps" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_package_placements" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_package_skills" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "work_packages" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);