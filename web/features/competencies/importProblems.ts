import type { TFunction } from 'i18next';

/**
 * The field errors of a refused import, as sentences. CSV problems come as "row.7.level_label", JSON problems as a
 * path ("framework.competencies.2.name"); the codes are those of server/modules/competencies/exchange-*.ts.
 */

export interface ImportProblem {
  /** Where: "Rij 7, kolom level_label" or the JSON path. */
  where: string;
  what: string;
}

const withNumber: [RegExp, string][] = [
  [/^differs_from_row_(\d+)$/, 'competencies.import.problems.differs'],
  [/^duplicate_of_row_(\d+)$/, 'competencies.import.problems.duplicateRow'],
  [/^above_scale_max_(\d+)$/, 'competencies.import.problems.aboveScale'],
  [/^missing_for_level_(\d+)$/, 'competencies.import.problems.missingLevel'],
];

const plain = {
  required: 'competencies.import.problems.required',
  unknown_type: 'competencies.import.problems.unknownType',
  not_a_level: 'competencies.import.problems.notALevel',
  not_in_framework: 'competencies.import.problems.notInFramework',
  duplicate: 'competencies.import.problems.duplicate',
} as const;

export function problemText(t: TFunction, code: string): string {
  for (const [pattern, key] of withNumber) {
    const match = pattern.exec(code);
    if (match) return t(key as 'competencies.import.problems.differs', { n: match[1] });
  }
  if (code in plain) return t(plain[code as keyof typeof plain]);
  // A check of the file's shape (a wrong value, a missing field): the server's own words.
  return code;
}

export function importProblems(t: TFunction, fields: Record<string, string>): ImportProblem[] {
  return Object.entries(fields).map(([field, code]) => {
    const row = /^row\.(\d+)\.(.+)$/.exec(field);
    const where = row ? t('competencies.import.problems.where', { row: row[1], column: row[2] }) : field;
    return { where, what: problemText(t, code) };
  });
}
