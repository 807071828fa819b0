import { type ImportColumn, importColumns } from '#shared/participant-import';

/** Every column the import knows, under its first (Dutch) name: the file a user can start from. */
const columns = Object.keys(importColumns) as ImportColumn[];

interface Names {
  site: string;
  team: string | null;
}

/**
 * The example file: the header and two made-up people, in Belgian Excel's CSV (UTF-8 with a byte-order mark, ';').
 * It names the organisation's own first site and team, so it imports as it is.
 */
export function exampleCsv({ site, team }: Names): string {
  const people: Partial<Record<ImportColumn, string>>[] = [
    {
      firstName: 'Sofie',
      lastName: 'Claes',
      dateOfBirth: '12/04/1991',
      email: 'sofie.claes@example.org',
      phone: '0470 11 22 33',
      address: 'Kerkstraat 1, 9000 Gent',
      intakeDate: '01/02/2024',
      startDate: '01/03/2024',
      site,
      team: team ?? '',
      programmeType: 'maatwerk',
    },
    {
      firstName: 'Jonas',
      lastName: 'Peeters',
      dateOfBirth: '03/10/1987',
      intakeDate: '15/02/2024',
      site,
      programmeType: 'activering',
    },
  ];
  const cell = (value: string) => (/[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [
    columns.map((c) => importColumns[c][0]).join(';'),
    ...people.map((p) => columns.map((c) => cell(p[c] ?? '')).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Hands a text to the browser as a downloaded file. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
