DROP INDEX "participants_org_team_idx";--> statement-breakpoint
CREATE INDEX "participants_org_team_status_idx" ON "participants" USING btree ("organisation_id","team_id","status");