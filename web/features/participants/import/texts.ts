import type { TFunction } from 'i18next';
import { type ImportColumn, type ImportRowError, importColumns } from '#shared/participant-import';
import { ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

const isColumn = (value: string): value is ImportColumn => value in importColumns;

export const columnLabel = (t: TFunction, column: string) =>
  isColumn(column) ? t(`participantImport.columns.${column}`) : column;

/** "firstName,lastName" from the server → "Voornaam, Achternaam". */
const columnList = (t: TFunction, columns: string | undefined) =>
  (columns ?? '')
    .split(',')
    .filter(Boolean)
    .map((c) => columnLabel(t, c))
    .join(', ');

export const rowErrorText = (t: TFunction, error: ImportRowError) =>
  t(`participantImport.rowErrors.${error.code}`, { row: error.otherRow ?? '' });

/** A refused file in words the user can act on: which line, which columns, how many rows at most. */
export function fileErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(t, error);
  const { code, fields } = error;
  switch (code) {
    case 'not_utf8':
      return t('participantImport.fileErrors.not_utf8');
    case 'invalid_csv':
      return t('participantImport.fileErrors.invalid_csv', { line: fields.line ?? '1' });
    case 'empty_file':
      return t('participantImport.fileErrors.empty_file', { columns: columnList(t, fields.columns) });
    case 'missing_columns':
      return t('participantImport.fileErrors.missing_columns', { columns: columnList(t, fields.columns) });
    case 'too_many_rows':
      return t('participantImport.fileErrors.too_many_rows', { max: fields.max ?? '' });
    case 'payload_too_large':
      return t('participantImport.fileErrors.too_large');
    default:
      return errorText(t, error);
  }
}
