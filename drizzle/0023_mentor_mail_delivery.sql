-- The coach sees whether the mail with a mentor's link went out: the invitation points at its outbox row, and the
-- outbox records a failed delivery as well as a delivered one.
ALTER TABLE "mail_outbox" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentor_invitations" ADD COLUMN "mail_id" uuid;--> statement-breakpoint
-- Invitations from before this migration: their mail is the first one to the mentor's address in the minute after
-- the invitation (the mail is sent right after it is stored). One that finds none keeps an unknown status.
UPDATE "mentor_invitations" i SET "mail_id" = (
  SELECT m."id" FROM "mail_outbox" m
  WHERE m."organisation_id" = i."organisation_id" AND m."to" = i."mentor_email"
    AND m."created_at" >= i."created_at" AND m."created_at" < i."created_at" + interval '1 minute'
  ORDER BY m."created_at" LIMIT 1
);
