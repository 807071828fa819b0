import { z } from 'zod';
import { id, isoDate, shortText } from './common';
import { sensitiveVias } from './sensitive';

/**
 * Instruments: typed assessments (ASI, Basic Profile Screen, orientation and fitness tests, and instruments an admin
 * defines) and their results per participant. Results and attachments are in the sensitive compartment
 * (shared/sensitive.ts); definitions are not personal and coaches and admins read them.
 *
 * A definition lists typed fields. Results are validated against the definition: a field error is keyed
 * `values.<fieldKey>` with code 'required', 'out_of_range', 'not_a_number', 'not_an_integer', 'unknown_option',
 * 'unknown_field' or 'invalid_date'. Once a definition has results, its existing fields keep their key and type and
 * their range only widens (409 conflict with the field otherwise); labels can change and fields can be added.
 */

export const instrumentKinds = ['asi', 'bps', 'orientation', 'fitness', 'custom'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];

export const fieldTypes = ['integer', 'decimal', 'text', 'choice', 'boolean', 'date'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const instrumentField = z
  .strictObject({
    key: fieldKey,
    label: shortText(160),
    /** Fields with the same group are shown together (an ASI area). */
    group: z.string().trim().max(80).default(''),
    type: z.enum(fieldTypes),
    required: z.boolean().default(false),
    /** For integer and decimal. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** For choice. */
    options: z.array(shortText(120)).max(30).optional(),
    help: z.string().trim().max(300).default(''),
  })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, {
    path: ['max'],
    message: 'max must not be below min',
  })
  .refine((f) => f.type !== 'choice' || (f.options?.length ?? 0) >= 2, {
    path: ['options'],
    message: 'a choice needs at least two options',
  });
export type InstrumentField = z.infer<typeof instrumentField>;

export const definitionParams = z.strictObject({ definitionId: id });

export const instrumentDefinitionBody = z.strictObject({
  name: shortText(120),
  kind: z.enum(instrumentKinds),
  description: z.string().trim().max(1000).default(''),
  fields: z.array(instrumentField).min(1).max(120),
});

export const instrumentDefinition = z.object({
  id,
  name: z.string(),
  kind: z.enum(instrumentKinds),
  description: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      group: z.string(),
      type: z.enum(fieldTypes),
      required: z.boolean(),
      min: z.number().optional(),
      max: z.number().optional(),
      options: z.array(z.string()).optional(),
      help: z.string(),
    }),
  ),
  builtIn: z.boolean(),
  archived: z.boolean(),
  resultCount: z.number().int(),
});
export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;
export const instrumentDefinitions = z.object({ items: z.array(instrumentDefinition) });

/** A value as stored: numbers for integer/decimal, text for text/choice/date, booleans; null when left empty. */
export const fieldValue = z.union([z.number(), z.string().max(4000), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof fieldValue>;

/**
 * The codes of a value's field error (`values.<fieldKey>`): the ones above, and 'not_text' / 'not_a_boolean' for a
 * text or yes/no field sent something else.
 */
export const fieldValueErrors = [
  'required',
  'out_of_range',
  'not_a_number',
  'not_an_integer',
  'not_text',
  'not_a_boolean',
  'unknown_option',
  'unknown_field',
  'invalid_date',
] as const;
export type FieldValueError = (typeof fieldValueErrors)[number];

export const resultParams = z.strictObject({ id, resultId: id });
export const attachmentParams = z.strictObject({ id, resultId: id, attachmentId: id });

export const instrumentResultBody = z.strictObject({
  definitionId: id,
  /** Not in the future. */
  takenOn: isoDate,
  values: z.record(fieldKey, fieldValue),
  note: z.string().trim().max(2000).default(''),
});
export const instrumentResultUpdateBody = instrumentResultBody.omit({ definitionId: true });

export const attachment = z.object({
  id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachment>;

export const instrumentResult = z.object({
  id,
  definitionId: id,
  definitionName: z.string(),
  kind: z.enum(instrumentKinds),
  takenOn: z.string(),
  values: z.record(z.string(), fieldValue),
  note: z.string(),
  assessorName: z.string().nullable(),
  createdAt: z.string(),
  attachments: z.array(attachment),
});
export type InstrumentResult = z.infer<typeof instrumentResult>;

export const instrumentResults = z.object({
  via: z.enum(sensitiveVias),
  items: z.array(instrumentResult),
});

/**
 * Attachments: PDF, PNG or JPEG, sent as the raw body with its Content-Type and ?fileName=. The file's first bytes
 * must match both its Content-Type and its extension (415 unsupported_file otherwise); above the limit: 413.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const attachmentTypes = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
} as const;
export type AttachmentMediaType = keyof typeof attachmentTypes;
export const attachmentUploadQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/),
});
