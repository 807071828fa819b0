import { z } from 'zod';
import { shortText } from './common';

/**
 * Per-organisation configurable lists. Codes are stable (stored on dossiers and events); labels are the
 * organisation's own words. Built-in items can be deactivated, never removed: old dossiers still point at them.
 * The web translates built-in codes through i18n and shows the organisation's label for its own codes.
 */
export const listKinds = ['programme_type', 'exit_destination', 'consent_kind', 'indication_type'] as const;
export type ListKind = (typeof listKinds)[number];

/** A code chosen from a configurable list: lower case, digits and underscores. */
export const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use a code of lower-case letters, digits and underscores');

export const builtInListItems = {
  programme_type: [
    { code: 'activering', label: 'Activering' },
    { code: 'maatwerk', label: 'Maatwerk' },
    { code: 'arbeidszorg', label: 'Arbeidszorg' },
  ],
  exit_destination: [
    { code: 'regular_job', label: 'Reguliere job' },
    { code: 'supported_job', label: 'Job met ondersteuning' },
    { code: 'training', label: 'Opleiding' },
    { code: 'volunteer_work', label: 'Vrijwilligerswerk' },
    { code: 'art60', label: 'Art. 60' },
    { code: 'other_programme', label: 'Ander traject' },
    { code: 'earlier_phase', label: 'Terug naar een eerdere fase' },
    { code: 'drop_out', label: 'Uitval' },
    { code: 'other', label: 'Andere' },
  ],
  consent_kind: [{ code: 'share_progress_with_referrer', label: 'Vooruitgang delen met de doorverwijzer' }],
  indication_type: [
    { code: 'pmah', label: 'PMAH' },
    { code: 'pmp', label: 'PMP' },
    { code: 'other', label: 'Andere' },
  ],
} as const satisfies Record<ListKind, readonly { code: string; label: string }[]>;

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
