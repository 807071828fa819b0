/**
 * Per-organisation configurable lists. Codes are stable (stored on dossiers and events); labels are the
 * organisation's own words. Built-in items can be deactivated, never removed: old dossiers still point at them.
 * The web translates built-in codes through i18n and shows the organisation's label for its own codes.
 *
 * Without zod, so the web's first load can use the lists (shared/lists.ts re-exports all of it with the schemas).
 */
export const listKinds = [
  'programme_type',
  'exit_destination',
  'consent_kind',
  'indication_type',
  'life_domain',
] as const;
export type ListKind = (typeof listKinds)[number];

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
  /** The life domains of the PAP (persoonlijk actieplan): by default the seven areas of the ASI. */
  life_domain: [
    { code: 'physical_health', label: 'Lichamelijke gezondheid' },
    { code: 'work_income', label: 'Werk en inkomen' },
    { code: 'alcohol', label: 'Alcohol' },
    { code: 'drugs', label: 'Drugs' },
    { code: 'justice', label: 'Justitie' },
    { code: 'family_social', label: 'Familie en sociale relaties' },
    { code: 'mental_health', label: 'Psychisch welzijn' },
  ],
} as const satisfies Record<ListKind, readonly { code: string; label: string }[]>;
