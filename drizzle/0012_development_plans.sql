CREATE TABLE "development_plan_action_progress" (
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"action_key" uuid NOT NULL,
	"status" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_plan_action_progress_organisation_id_participant_id_action_key_pk" PRIMARY KEY("organisation_id","participant_id","action_key"),
	CONSTRAINT "development_plan_action_progress_status_check" CHECK ("development_plan_action_progress"."status" in ('open', 'busy', 'done'))
);
--> statement-breakpoint
ALTER TABLE "development_plan_action_progress" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "development_plan_goal_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"goal_key" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "development_plan_goal_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "development_plan_presentations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"presented_on" date NOT NULL,
	"occasion" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_plan_presentations_occasion_check" CHECK ("development_plan_presentations"."occasion" in ('team_meeting', 'closing_event'))
);
--> statement-breakpoint
ALTER TABLE "development_plan_presentations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "development_plan_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "development_plan_proposals_kind_check" CHECK ("development_plan_proposals"."kind" in ('goal', 'action', 'text')),
	CONSTRAINT "development_plan_proposals_status_check" CHECK ("development_plan_proposals"."status" in ('open', 'accepted', 'discussed'))
);
--> statement-breakpoint
ALTER TABLE "development_plan_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "development_plan_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"regime" text NOT NULL,
	"days_before_evaluation" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_plan_settings_regime_check" CHECK ("development_plan_settings"."regime" in ('evaluation', 'yearly')),
	CONSTRAINT "development_plan_settings_days_check" CHECK ("development_plan_settings"."days_before_evaluation" between 0 and 90)
);
--> statement-breakpoint
ALTER TABLE "development_plan_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "development_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"content" jsonb NOT NULL,
	"evidence" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"participant_agreed_at" timestamp with time zone,
	"coach_agreed_at" timestamp with time zone,
	"coach_agreed_by" text,
	"agreed_at" timestamp with time zone,
	CONSTRAINT "development_plan_versions_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "development_plan_versions_number_unique" UNIQUE("organisation_id","participant_id","number"),
	CONSTRAINT "development_plan_versions_status_check" CHECK ("development_plan_versions"."status" in ('draft', 'agreed', 'superseded')),
	CONSTRAINT "development_plan_versions_number_check" CHECK ("development_plan_versions"."number" >= 1),
	CONSTRAINT "development_plan_versions_agreed_check" CHECK (("development_plan_versions"."status" = 'draft') = ("development_plan_versions"."agreed_at" is null) and ("development_plan_versions"."status" = 'draft') = ("development_plan_versions"."evidence" is null))
);
--> statement-breakpoint
ALTER TABLE "development_plan_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "esco_occupations" (
	"organisation_id" uuid NOT NULL,
	"uri" text NOT NULL,
	"label" text NOT NULL,
	"alt_labels" text DEFAULT '' NOT NULL,
	"isco_group" text,
	"description" text,
	CONSTRAINT "esco_occupations_organisation_id_uri_pk" PRIMARY KEY("organisation_id","uri")
);
--> statement-breakpoint
ALTER TABLE "esco_occupations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "development_plan_action_progress" ADD CONSTRAINT "development_plan_action_progress_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_action_progress" ADD CONSTRAINT "development_plan_action_progress_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_goal_notes" ADD CONSTRAINT "development_plan_goal_notes_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_goal_notes" ADD CONSTRAINT "development_plan_goal_notes_author_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_presentations" ADD CONSTRAINT "development_plan_presentations_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_presentations" ADD CONSTRAINT "development_plan_presentations_version_fk" FOREIGN KEY ("organisation_id","participant_id","version_number") REFERENCES "public"."development_plan_versions"("organisation_id","participant_id","number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_presentations" ADD CONSTRAINT "development_plan_presentations_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_proposals" ADD CONSTRAINT "development_plan_proposals_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_proposals" ADD CONSTRAINT "development_plan_proposals_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_proposals" ADD CONSTRAINT "development_plan_proposals_resolved_by_fk" FOREIGN KEY ("organisation_id","resolved_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_versions" ADD CONSTRAINT "development_plan_versions_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_versions" ADD CONSTRAINT "development_plan_versions_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_versions" ADD CONSTRAINT "development_plan_versions_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_versions" ADD CONSTRAINT "development_plan_versions_coach_agreed_by_fk" FOREIGN KEY ("organisation_id","coach_agreed_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_plan_goal_notes_participant_idx" ON "development_plan_goal_notes" USING btree ("organisation_id","participant_id","created_at");--> statement-breakpoint
CREATE INDEX "development_plan_presentations_participant_idx" ON "development_plan_presentations" USING btree ("organisation_id","participant_id");--> statement-breakpoint
CREATE INDEX "development_plan_proposals_participant_idx" ON "development_plan_proposals" USING btree ("organisation_id","participant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "development_plan_versions_one_draft" ON "development_plan_versions" USING btree ("organisation_id","participant_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "development_plan_versions_one_agreed" ON "development_plan_versions" USING btree ("organisation_id","participant_id") WHERE status = 'agreed';--> statement-breakpoint
CREATE INDEX "development_plan_versions_agreed_idx" ON "development_plan_versions" USING btree ("organisation_id","participant_id","agreed_at") WHERE status <> 'draft';--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "development_plan_action_progress" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "development_plan_goal_notes" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "development_plan_presentations" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "development_plan_proposals" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "development_plan_settings" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "development_plan_versions" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "esco_occupations" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);