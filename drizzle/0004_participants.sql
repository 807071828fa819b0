CREATE TABLE "career_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "career_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"team_id" uuid,
	"to_role" text,
	"exit_destination" text,
	"note" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_events_kind_check" CHECK ("career_events"."kind" in ('intake', 'start', 'team_change', 'promotion', 'pause', 'resume', 'exit'))
);
--> statement-breakpoint
ALTER TABLE "career_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"granted" boolean NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"support_level" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indications_support_level_check" CHECK ("indications"."support_level" in ('low', 'medium', 'high')),
	CONSTRAINT "indications_valid_range" CHECK ("indications"."valid_until" is null or "indications"."valid_until" >= "indications"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "indications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "participant_coaches" (
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participant_coaches_participant_id_user_id_pk" PRIMARY KEY("participant_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "participant_coaches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"site_id" uuid NOT NULL,
	"team_id" uuid,
	"programme_type" text NOT NULL,
	"referrer_id" uuid,
	"referrer_contact" text,
	"user_id" text,
	"status" text DEFAULT 'registered' NOT NULL,
	"start_date" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "participants_status_check" CHECK ("participants"."status" in ('registered', 'active', 'paused', 'exited'))
);
--> statement-breakpoint
ALTER TABLE "participants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "referrers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"email" text,
	"phone" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrers_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "referrers_kind_check" CHECK ("referrers"."kind" in ('vdab', 'ocmw_cpas', 'caw', 'addiction_care', 'other'))
);
--> statement-breakpoint
ALTER TABLE "referrers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"contact" text,
	"may_be_involved" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stakeholders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "career_events" ADD CONSTRAINT "career_events_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_events" ADD CONSTRAINT "career_events_team_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_events" ADD CONSTRAINT "career_events_recorded_by_fk" FOREIGN KEY ("organisation_id","recorded_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_fk" FOREIGN KEY ("organisation_id","recorded_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications" ADD CONSTRAINT "indications_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_coaches" ADD CONSTRAINT "participant_coaches_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_coaches" ADD CONSTRAINT "participant_coaches_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_site_fk" FOREIGN KEY ("organisation_id","site_id") REFERENCES "public"."sites"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_team_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_referrer_fk" FOREIGN KEY ("organisation_id","referrer_id") REFERENCES "public"."referrers"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrers" ADD CONSTRAINT "referrers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "career_events_participant_idx" ON "career_events" USING btree ("participant_id","date","seq");--> statement-breakpoint
CREATE INDEX "consents_participant_idx" ON "consents" USING btree ("participant_id","recorded_on");--> statement-breakpoint
CREATE INDEX "indications_participant_idx" ON "indications" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "participant_coaches_user_idx" ON "participant_coaches" USING btree ("user_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_user_unique" ON "participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "participants_org_name_idx" ON "participants" USING btree ("organisation_id",lower("last_name"),lower("first_name"));--> statement-breakpoint
CREATE INDEX "participants_org_status_idx" ON "participants" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "participants_org_start_idx" ON "participants" USING btree ("organisation_id","start_date");--> statement-breakpoint
CREATE INDEX "participants_org_team_idx" ON "participants" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "participants_org_site_idx" ON "participants" USING btree ("organisation_id","site_id");--> statement-breakpoint
CREATE INDEX "participants_org_referrer_idx" ON "participants" USING btree ("organisation_id","referrer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrers_org_name_unique" ON "referrers" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "stakeholders_participant_idx" ON "stakeholders" USING btree ("participant_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "career_events" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "consents" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indications" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "participant_coaches" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "participants" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "referrers" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stakeholders" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);