CREATE TABLE "activation_codes" (
	"user_id" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activation_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organisation_list_items" (
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_list_items_organisation_id_kind_code_pk" PRIMARY KEY("organisation_id","kind","code"),
	CONSTRAINT "organisation_list_items_kind_check" CHECK ("organisation_list_items"."kind" in ('programme_type', 'exit_destination', 'consent_kind', 'indication_type')),
	CONSTRAINT "organisation_list_items_code_check" CHECK ("organisation_list_items"."code" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
ALTER TABLE "organisation_list_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_user_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."user"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_list_items" ADD CONSTRAINT "organisation_list_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activation_codes_org_idx" ON "activation_codes" USING btree ("organisation_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "activation_codes" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "organisation_list_items" AS PERMISSIVE FOR ALL TO "groeipad_app" USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);