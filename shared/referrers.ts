import { z } from 'zod';
import { id, shortText } from './common';

/** Kinds of referring organisation (doorverwijzer). */
export const referrerKinds = ['vdab', 'ocmw_cpas', 'caw', 'addiction_care', 'other'] as const;
export type ReferrerKind = (typeof referrerKinds)[number];

const contactEmail = z.email().max(254);
const contactPhone = z.string().trim().min(1).max(40);

export const referrer = z.object({
  id,
  name: z.string(),
  kind: z.enum(referrerKinds),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Referrer = z.infer<typeof referrer>;

export const referrerListQuery = z.strictObject({ archived: z.enum(['true', 'false']).default('false') });

export const referrerCreateBody = z.strictObject({
  name: shortText(120),
  kind: z.enum(referrerKinds),
  email: contactEmail.nullish(),
  phone: contactPhone.nullish(),
});

export const referrerUpdateBody = z.strictObject({
  name: shortText(120).optional(),
  kind: z.enum(referrerKinds).optional(),
  email: contactEmail.nullish(),
  phone: contactPhone.nullish(),
  archived: z.boolean().optional(),
});
