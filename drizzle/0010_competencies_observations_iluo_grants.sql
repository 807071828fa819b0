-- Frameworks: an unrated version may be edited in place or removed; a rated one only gets a successor (service).
GRANT SELECT, INSERT, UPDATE, DELETE ON competency_frameworks, competency_framework_versions, competencies TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON job_profiles TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_profile_expectations, participant_job_profiles TO groeipad_app;
--> statement-breakpoint
-- Observations are taken back whole (their rater or the admin), never edited; the latest-ratings cache follows.
GRANT SELECT, INSERT, DELETE ON observations, ratings TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON latest_ratings TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mentor_invitations TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON feedback_conversations, feedback_rules TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON skills TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON skill_levels TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON skill_levels_current, iluo_level_labels TO groeipad_app;
