CREATE TABLE "instrument_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_attachments_size_check" CHECK ("instrument_attachments"."size" > 0 and "instrument_attachments"."size" <= 10485760)
);
--> statement-breakpoint
ALTER TABLE "instrument_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "instrument_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"built_in_code" text,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"fields" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_definitions_org_id_unique" UNIQUE("organisation_id","id"),
	CONSTRAINT "instrument_definitions_kind_check" CHECK ("instrument_definitions"."kind" in ('asi', 'bps', 'orientation', 'fitness', 'custom'))
);
--> statement-breakpoint
ALTER TABLE "instrument_definitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "instrument_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"values" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"assessor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_results_org_id_unique" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "instrument_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pap_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"domain_code" text NOT NULL,
	"what" text NOT NULL,
	"owner" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"staff_only" boolean DEFAULT false NOT NULL,
	"staff_only_reason" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pap_actions_owner_check" CHECK ("pap_actions"."owner" in ('participant', 'coach', 'other')),
	CONSTRAINT "pap_actions_status_check" CHECK ("pap_actions"."status" in ('open', 'done', 'dropped')),
	CONSTRAINT "pap_actions_staff_only_reason_check" CHECK (not "pap_actions"."staff_only" or length("pap_actions"."staff_only_reason") > 0)
);
--> statement-breakpoint
ALTER TABLE "pap_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pap_domains" (
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"domain_code" text NOT NULL,
	"status" text NOT NULL,
	"hindering_factors" text DEFAULT '' NOT NULL,
	"own_view" text DEFAULT '' NOT NULL,
	"staff_only" boolean DEFAULT false NOT NULL,
	"staff_only_reason" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pap_domains_participant_id_domain_code_pk" PRIMARY KEY("participant_id","domain_code"),
	CONSTRAINT "pap_domains_status_check" CHECK ("pap_domains"."status" in ('not_discussed', 'no_concern', 'attention', 'hindering')),
	CONSTRAINT "pap_domains_staff_only_reason_check" CHECK (not "pap_domains"."staff_only" or length("pap_domains"."staff_only_reason") > 0)
);
--> statement-breakpoint
ALTER TABLE "pap_domains" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"retention_months_after_exit" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_settings_retention_check" CHECK ("privacy_settings"."retention_months_after_exit" is null or "privacy_settings"."retention_months_after_exit" between 12 and 240)
);
--> statement-breakpoint
ALTER TABLE "privacy_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sensitive_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"granted_by" text,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "sensitive_access_grants_kind_check" CHECK ("sensitive_access_grants"."kind" in ('granted', 'break_glass')),
	CONSTRAINT "sensitive_access_grants_period_check" CHECK ("sensitive_access_grants"."expires_at" > "sensitive_access_grants"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "sensitive_access_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organisation_list_items" DROP CONSTRAINT "organisation_list_items_kind_check";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_result_fk" FOREIGN KEY ("organisation_id","result_id") REFERENCES "public"."instrument_results"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_uploaded_by_fk" FOREIGN KEY ("organisation_id","uploaded_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_definition_fk" FOREIGN KEY ("organisation_id","definition_id") REFERENCES "public"."instrument_definitions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_results" ADD CONSTRAINT "instrument_results_assessor_fk" FOREIGN KEY ("organisation_id","assessor_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pap_actions" ADD CONSTRAINT "pap_actions_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pap_actions" ADD CONSTRAINT "pap_actions_created_by_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pap_domains" ADD CONSTRAINT "pap_domains_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pap_domains" ADD CONSTRAINT "pap_domains_updated_by_fk" FOREIGN KEY ("organisation_id","updated_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_access_grants" ADD CONSTRAINT "sensitive_access_grants_participant_fk" FOREIGN KEY ("organisation_id","participant_id") REFERENCES "public"."participants"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_access_grants" ADD CONSTRAINT "sensitive_access_grants_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_access_grants" ADD CONSTRAINT "sensitive_access_grants_granted_by_fk" FOREIGN KEY ("organisation_id","granted_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_access_grants" ADD CONSTRAINT "sensitive_access_grants_revoked_by_fk" FOREIGN KEY ("organisation_id","revoked_by") REFERENCES "public"."user"("organisation_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instrument_attachments_result_idx" ON "instrument_attachments" USING btree ("organisation_id","result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_definitions_built_in_unique" ON "instrument_definitions" USING btree ("organisation_id","built_in_code");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_definitions_name_unique" ON "instrument_definitions" USING btree ("organisation_id",lower("name")) WHERE "instrument_definitions"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "instrument_results_participant_idx" ON "instrument_results" USING btree ("organisation_id","participant_id","taken_on");--> statement-breakpoint
CREATE INDEX "instrument_results_definition_idx" ON "instrument_results" USING btree ("organisation_id","definition_id","taken_on");--> statement-breakpoint
CREATE INDEX "pap_actions_participant_idx" ON "pap_actions" USING btree ("organisation_id","participant_id","due_date");--> statement-breakpoint
CREATE INDEX "pap_domains_org_domain_status_idx" ON "pap_domains" USING btree ("organisation_id","domain_code","status");--> statement-breakpoint
CREATE INDEX "sensitive_access_grants_lookup_idx" ON "sensitive_access_grants" USING btree ("participant_id","user_id","expires_at");--> statement-breakpoint
CREATE INDEX "sensitive_access_grants_org_kind_idx" ON "sensitive_access_grants" USING btree ("organisation_id","kind","starts_at");--> statement-breakpoint
ALTER TABLE "organisation_list_items" ADD CONSTRAINT "organisation_list_items_kind_check" CHECK ("organisation_list_items"."kind" in ('programme_type', 'exit_destination', 'consent_kind', 'indication_type', 'life_domain'));--> statement-breakpoint
CREATE POLICY "tenant_anonymise" ON "audit_log" AS PERMISSIVE FOR UPDATE TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "instrument_attachments" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "instrument_definitions" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "instrument_results" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pap_actions" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "pap_domains" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "privacy_settings" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sensitive_access_grants" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);