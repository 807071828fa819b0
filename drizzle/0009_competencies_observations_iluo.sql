CREATE TABLE "competencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"esco_uri" text,
	"esco_label" text,
	CONSTRAINT "competencies_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "competencies_org_version_id_unique" UNIQUE("organisation_id","version_id","id"),
	CONSTRAINT "competencies_version_key_unique" UNIQUE("version_id","key"),
	CONSTRAINT "competencies_key_check" CHECK ("competencies"."key" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
ALTER TABLE "competencies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "competency_framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"scale" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competency_framework_versions_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "competency_framework_versions_number_unique" UNIQUE("framework_id","number"),
	CONSTRAINT "competency_framework_versions_number_check" CHECK ("competency_framework_versions"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "competency_framework_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "competency_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competency_frameworks_org_id_unique" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "competency_frameworks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_profile_expectations" (
	"organisation_id" uuid NOT NULL,
	"job_profile_id" uuid NOT NULL,
	"competency_key" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "job_profile_expectations_job_profile_id_competency_key_pk" PRIMARY KEY("job_profile_id","competency_key"),
	CONSTRAINT "job_profile_expectations_level_check" CHECK ("job_profile_expectations"."level" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "job_profile_expectations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"ladder_step" smallint NOT NULL,
	"work_mode" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_profiles_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "job_profiles_work_mode_check" CHECK ("job_profiles"."work_mode" in ('uitvoerend', 'inzichtelijk')),
	CONSTRAINT "job_profiles_ladder_step_check" CHECK ("job_profiles"."ladder_step" between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "job_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "participant_job_profiles" (
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"current_profile_id" uuid,
	"target_profile_id" uuid,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participant_job_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "iluo_level_labels" (
	"organisation_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"label" text NOT NULL,
	"meaning" text NOT NULL,
	CONSTRAINT "iluo_level_labels_organisation_id_level_pk" PRIMARY KEY("organisation_id","level"),
	CONSTRAINT "iluo_level_labels_level_check" CHECK ("iluo_level_labels"."level" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "iluo_level_labels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "skill_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"participant_id" uuid,
	"user_id" text,
	"level" smallint NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_id" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_levels_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "skill_levels_level_check" CHECK ("skill_levels"."level" between 1 and 4),
	CONSTRAINT "skill_levels_subject_check" CHECK (("skill_levels"."participant_id" is null) <> ("skill_levels"."user_id" is null))
);
--> statement-breakpoint
ALTER TABLE "skill_levels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "skill_levels_current" (
	"organisation_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"participant_id" uuid,
	"user_id" text,
	"level" smallint NOT NULL,
	"assessed_on" date NOT NULL,
	"skill_level_id" uuid NOT NULL,
	"level_created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "skill_levels_current_skill_id_subject_pk" PRIMARY KEY("skill_id","subject"),
	CONSTRAINT "skill_levels_current_subject_check" CHECK ("skill_levels_current"."subject" = coalesce("skill_levels_current"."participant_id"::text, "skill_levels_current"."user_id"))
);
--> statement-breakpoint
ALTER TABLE "skill_levels_current" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"critical" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skills_org_id_unique" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"staff_ids" text[] NOT NULL,
	"participant_present" boolean DEFAULT true NOT NULL,
	"other_attendees" text,
	"reviewed_observation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"went_well" text,
	"to_work_on" text,
	"agreements" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_conversations_org_id_unique" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "feedback_conversations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"team_id" uuid,
	"programme_type" text,
	"interval_days" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_rules_interval_check" CHECK ("feedback_rules"."interval_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "feedback_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "latest_ratings" (
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"rater_kind" text NOT NULL,
	"competency_key" text NOT NULL,
	"score" smallint NOT NULL,
	"observed_on" date NOT NULL,
	"observation_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"observation_created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "latest_ratings_participant_id_rater_kind_competency_key_pk" PRIMARY KEY("participant_id","rater_kind","competency_key")
);
--> statement-breakpoint
ALTER TABLE "latest_ratings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mentor_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mentor_name" text NOT NULL,
	"mentor_email" text NOT NULL,
	"host_organisation" text,
	"token_hash" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_invitations_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "mentor_invitations_period_check" CHECK ("mentor_invitations"."valid_from" <= "mentor_invitations"."valid_until")
);
--> statement-breakpoint
ALTER TABLE "mentor_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"rater_kind" text NOT NULL,
	"rater_user_id" text,
	"mentor_invitation_id" uuid,
	"observed_on" date NOT NULL,
	"context" text NOT NULL,
	"note" text,
	"client_key" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "observations_org_id_version_unique" UNIQUE("organisation_id","id","framework_version_id"),
	CONSTRAINT "observations_rater_kind_check" CHECK ("observations"."rater_kind" in ('supervisor', 'coach', 'mentor', 'self')),
	CONSTRAINT "observations_context_check" CHECK ("observations"."context" in ('werkvloer', 'stage', 'jobclub', 'other')),
	CONSTRAINT "observations_rater_check" CHECK (("observations"."rater_kind" = 'mentor') = ("observations"."mentor_invitation_id" is not null)
        and ("observations"."rater_kind" = 'mentor' or "observations"."rater_user_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "observations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ratings" (
	"organisation_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"rater_kind" text NOT NULL,
	"competency_key" text NOT NULL,
	"observed_on" date NOT NULL,
	"score" smallint NOT NULL,
	"note" text,
	CONSTRAINT "ratings_observation_id_competency_id_pk" PRIMARY KEY("observation_id","competency_id"),
	CONSTRAINT "ratings_score_check" CHECK ("ratings"."score" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "ratings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_version_fk" FOREIGN KEY ("organisation_id","version_id") REFERENCES "public"."competency_framework_versions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_framework_versions" ADD CONSTRAINT "competency_framework_versions_framework_fk" FOREIGN KEY ("organisation_id","framework_id") REFERENCES "public"."competency_frameworks"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_frameworks" ADD CONSTRAINT "competency_frameworks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile_expectations" ADD CONSTRAINT "job_profile_expectations_profile_fk" FOREIGN KEY ("organisation_id","job_profile_id") REFERENCES "public"."job_profiles"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profiles" ADD CONSTRAINT "job_profiles_framework_fk" FOREIGN KEY ("organisation_id","framework_id") REFERENCES "public"."competency_frameworks"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_job_profiles" ADD CONSTRAINT "participant_job_profiles_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_job_profiles" ADD CONSTRAINT "participant_job_profiles_current_fk" FOREIGN KEY ("organisation_id","current_profile_id") REFERENCES "public"."job_profiles"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_job_profiles" ADD CONSTRAINT "participant_job_profiles_target_fk" FOREIGN KEY ("organisation_id","target_profile_id") REFERENCES "public"."job_profiles"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iluo_level_labels" ADD CONSTRAINT "iluo_level_labels_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels" ADD CONSTRAINT "skill_levels_skill_fk" FOREIGN KEY ("organisation_id","skill_id") REFERENCES "public"."skills"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels" ADD CONSTRAINT "skill_levels_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels" ADD CONSTRAINT "skill_levels_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_levels_current" ADD CONSTRAINT "skill_levels_current_level_fk" FOREIGN KEY ("organisation_id","skill_level_id") REFERENCES "public"."skill_levels"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_team_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_conversations" ADD CONSTRAINT "feedback_conversations_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rules" ADD CONSTRAINT "feedback_rules_team_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_ratings" ADD CONSTRAINT "latest_ratings_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_ratings" ADD CONSTRAINT "latest_ratings_observation_fk" FOREIGN KEY ("organisation_id","observation_id") REFERENCES "public"."observations"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_invitations" ADD CONSTRAINT "mentor_invitations_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_version_fk" FOREIGN KEY ("organisation_id","framework_version_id") REFERENCES "public"."competency_framework_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_rater_fk" FOREIGN KEY ("organisation_id","rater_user_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_mentor_invitation_fk" FOREIGN KEY ("organisation_id","mentor_invitation_id") REFERENCES "public"."mentor_invitations"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_observation_fk" FOREIGN KEY ("organisation_id","observation_id","framework_version_id") REFERENCES "public"."observations"("organisation_id","id","framework_version_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_competency_fk" FOREIGN KEY ("organisation_id","framework_version_id","competency_id") REFERENCES "public"."competencies"("organisation_id","version_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competency_frameworks_org_name_unique" ON "competency_frameworks" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "competency_frameworks_one_default" ON "competency_frameworks" USING btree ("organisation_id") WHERE "competency_frameworks"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "job_profiles_framework_name_unique" ON "job_profiles" USING btree ("framework_id",lower("name"));--> statement-breakpoint
CREATE INDEX "participant_job_profiles_org_idx" ON "participant_job_profiles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "skill_levels_skill_participant_idx" ON "skill_levels" USING btree ("skill_id","participant_id","assessed_on");--> statement-breakpoint
CREATE INDEX "skill_levels_skill_user_idx" ON "skill_levels" USING btree ("skill_id","user_id","assessed_on");--> statement-breakpoint
CREATE INDEX "skill_levels_participant_idx" ON "skill_levels" USING btree ("organisation_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_team_name_unique" ON "skills" USING btree ("team_id",lower("name")) WHERE "skills"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "skills_org_team_idx" ON "skills" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "feedback_conversations_participant_idx" ON "feedback_conversations" USING btree ("organisation_id","participant_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_rules_scope_unique" ON "feedback_rules" USING btree ("organisation_id",coalesce("team_id"::text, ''),coalesce("programme_type", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_invitations_token_unique" ON "mentor_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "mentor_invitations_participant_idx" ON "mentor_invitations" USING btree ("organisation_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_client_key_unique" ON "observations" USING btree ("organisation_id","client_key");--> statement-breakpoint
CREATE INDEX "observations_participant_idx" ON "observations" USING btree ("organisation_id","participant_id","observed_on");--> statement-breakpoint
CREATE INDEX "ratings_participant_idx" ON "ratings" USING btree ("participant_id","observed_on");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "competencies" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "competency_framework_versions" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "competency_frameworks" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "job_profile_expectations" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "job_profiles" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "participant_job_profiles" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "iluo_level_labels" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "skill_levels" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "skill_levels_current" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "skills" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "feedback_conversations" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "feedback_rules" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "latest_ratings" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "mentor_invitations" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "observations" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "ratings" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);