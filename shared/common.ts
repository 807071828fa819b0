import { z } from 'zod';

export const id = z.uuid();

/**
 * A calendar day, YYYY-MM-DD: every date of the contract. zod's ISO date accepts the year 0000, which PostgreSQL's
 * date cannot hold (there is no year 0): without this it reached the database and came back as an error naming no
 * field.
 */
export const isoDate = z.iso.date().refine((d) => !d.startsWith('0000'), 'Not a possible date');
export const idParams = z.strictObject({ id });

/** Trimmed, non-empty, bounded text: names people type. */
export const shortText = (max = 120) => z.string().trim().min(1).max(max);

export const roles = ['admin', 'coach', 'supervisor', 'trainer', 'manager', 'participant'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['admin', 'coach', 'supervisor', 'trainer', 'manager'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles that can lead a team on the workfloor (be assigned as its supervisor). */
export const teamLeadRoles = ['supervisor', 'coach', 'manager'] as const satisfies readonly StaffRole[];

export const okResponse = z.object({ ok: z.literal(true) });

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type Page = z.infer<typeof pageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
