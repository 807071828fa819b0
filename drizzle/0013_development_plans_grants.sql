-- POP versions: a draft is edited and may be discarded; agreed versions are only ever marked superseded (service).
GRANT SELECT, INSERT, UPDATE, DELETE ON development_plan_versions TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON development_plan_action_progress, development_plan_proposals, development_plan_settings TO groeipad_app;
--> statement-breakpoint
-- Notes on goals are a record of what was said: added, not edited.
GRANT SELECT, INSERT ON development_plan_goal_notes TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON development_plan_presentations TO groeipad_app;
--> statement-breakpoint
-- An import replaces the organisation's occupations in one transaction.
GRANT SELECT, INSERT, UPDATE, DELETE ON esco_occupations TO groeipad_app;
