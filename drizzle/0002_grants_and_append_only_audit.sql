-- What the tenant role may touch. Row-level security then narrows every row to one organisation.
GRANT USAGE ON SCHEMA public TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON organisations TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sites, teams, team_supervisors TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "user" TO groeipad_app;
--> statement-breakpoint
-- Credentials are written (new accounts, a password set by an admin); the hash column is never readable.
GRANT INSERT ON account TO groeipad_app;
--> statement-breakpoint
GRANT SELECT (id, organisation_id, user_id, provider_id), UPDATE (password, updated_at) ON account TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, DELETE ON session TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO groeipad_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mail_outbox TO groeipad_app;
--> statement-breakpoint
-- The audit log is append-only for everyone, table owner included.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
