import { z } from 'zod';
import { id, shortText } from './common';

export const organisation = z.object({ id, name: z.string() });
export const organisationUpdateBody = z.strictObject({ name: shortText(120) });

/** Suggested work domains; an organisation may type its own. */
export const defaultWorkDomains = ['renovatie', 'groen', 'industrie', 'administratie'] as const;

export const site = z.object({
  id,
  name: z.string(),
  address: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Site = z.infer<typeof site>;

export const siteCreateBody = z.strictObject({
  name: shortText(120),
  address: z.string().trim().max(300).nullish(),
});
export const siteUpdateBody = z.strictObject({
  name: shortText(120).optional(),
  address: z.string().trim().max(300).nullish(),
  archived: z.boolean().optional(),
});

export const team = z.object({
  id,
  name: z.string(),
  workDomain: z.string(),
  siteId: id,
  siteName: z.string(),
  archived: z.boolean(),
  supervisors: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof team>;

export const teamCreateBody = z.strictObject({
  name: shortText(120),
  workDomain: shortText(60),
  siteId: id,
});
export const teamUpdateBody = z.strictObject({
  name: shortText(120).optional(),
  workDomain: shortText(60).optional(),
  siteId: id.optional(),
  archived: z.boolean().optional(),
});
export const teamSupervisorsBody = z.strictObject({
  userIds: z.array(z.string().min(1).max(64)).max(50),
});
