-- Work packages are archived, never deleted (a placement in the past keeps its package); their requirements and
-- next steps are replaced as a whole when the admin saves a package.
GRANT SELECT, INSERT, UPDATE ON work_packages TO groeipad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON work_package_competencies, work_package_skills, work_package_next_steps TO groeipad_app;
--> statement-breakpoint
-- Placements are history: a move closes the current one (to_date) and adds the next; never deleted by the app.
GRANT SELECT, INSERT, UPDATE ON work_package_placements TO groeipad_app;
