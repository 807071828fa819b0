-- The admin replaces one list at a time (PUT /lists/:kind): delete the kind's rows, insert the new version.
GRANT SELECT, INSERT, DELETE ON organisation_list_items TO groeipad_app;
--> statement-breakpoint
-- A new activation code replaces the old one; activation itself (public, before login) runs as the owner.
GRANT SELECT, INSERT, DELETE ON activation_codes TO groeipad_app;
