-- Erasure (shared/privacy.ts) is the one legal exception to history being insert-only: the app role may clear the
-- free-text note of these rows and delete consents, goal notes and a login's account row, and nothing more (no
-- other column of the history tables becomes writable).
GRANT UPDATE (note) ON career_events, indications, observations, ratings, skill_levels TO groeipad_app;
--> statement-breakpoint
GRANT DELETE ON consents, development_plan_goal_notes, account TO groeipad_app;
