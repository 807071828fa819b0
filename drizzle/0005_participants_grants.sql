-- What the tenant role may do with dossiers. Row-level security then narrows every row to one organisation.
-- Dossiers and referrers are archived, never deleted by the app (erasure is a later, separate path).
GRANT SELECT, INSERT, UPDATE ON participants, referrers TO groeipad_app;
--> statement-breakpoint
-- Lists that a dossier replaces as a whole (PUT): coaches, indications, stakeholders.
GRANT SELECT, INSERT, DELETE ON participant_coaches, indications, stakeholders TO groeipad_app;
--> statement-breakpoint
-- The timeline and the consent record are append-only for the app: a correction is a new event or record.
GRANT SELECT, INSERT ON career_events, consents TO groeipad_app;
