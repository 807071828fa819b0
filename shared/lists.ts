import { z } from 'zod';
import { shortText } from './common';
import { builtInListItems, type ListKind, listKinds } from './list-items';

export { builtInListItems, type ListKind, listKinds };

/** A code chosen from a configurable list: lower case, digits and underscores. */
export const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use a code of lower-case letters, digits and underscores');

export const listItem = z.object({
  code: z.string(),
  label: z.string(),
  builtIn: z.boolean(),
  active: z.boolean(),
});
export type ListItem = z.infer<typeof listItem>;

/** GET /lists: every list of the organisation, built-in items merged with its own, in the stored order. */
export const organisationLists = z.object({
  programme_type: z.array(listItem),
  exit_destination: z.array(listItem),
  consent_kind: z.array(listItem),
  indication_type: z.array(listItem),
  life_domain: z.array(listItem),
});
export type OrganisationLists = z.infer<typeof organisationLists>;

export const listKindParams = z.strictObject({ kind: z.enum(listKinds) });

/**
 * PUT /lists/:kind replaces the organisation's version of one list (order = array order).
 * Every built-in code must still be present (it may be inactive); codes are unique.
 */
export const listUpdateBody = z.strictObject({
  items: z
    .array(z.strictObject({ code, label: shortText(80), active: z.boolean() }))
    .min(1)
    .max(60)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'duplicate_code' });
        seen.add(item.code);
      });
    }),
});
