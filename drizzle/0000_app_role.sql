-- The role tenant queries run as: no superuser, no BYPASSRLS, no login.
-- Parallel test databases share one cluster, so a concurrent creation is tolerated.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'groeipad_app') THEN
    CREATE ROLE groeipad_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- The connecting role must be able to SET ROLE to it.
DO $$
BEGIN
  EXECUTE format('GRANT groeipad_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
