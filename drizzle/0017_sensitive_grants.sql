-- The PAP is edited in place (revision check); its actions are kept, dropped ones stay as history.
-- Anonymising a participant (shared/privacy.ts) deletes the whole compartment of that participant.
GRANT SELECT, INSERT, UPDATE, DELETE ON pap_domains, pap_actions TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON instrument_definitions TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON instrument_results, instrument_attachments TO groeipad_app;
--> statement-breakpoint
-- Grants are access history: revoked (UPDATE revoked_at), deleted only with an anonymised participant.
GRANT SELECT, INSERT, UPDATE, DELETE ON sensitive_access_grants TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON privacy_settings TO groeipad_app;
--> statement-breakpoint
-- Anonymising removes the participant's name where they were the actor; nothing else of the log may change.
GRANT UPDATE (actor_name) ON audit_log TO groeipad_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.actor_name IS NULL
     AND (to_jsonb(NEW) - 'actor_name') = (to_jsonb(OLD) - 'actor_name') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
