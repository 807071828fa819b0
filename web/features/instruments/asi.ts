import type { FieldValue } from '#shared/instruments';
import type { DefinitionField } from './values';

export interface AsiRow {
  area: string;
  severity: FieldValue | undefined;
  composite: FieldValue | undefined;
}

/** The interviewer's severity rating: 0–9, a whole number. */
const isSeverity = (f: DefinitionField) =>
  f.type === 'integer' && (/severity|ernst/.test(f.key) || (f.min === 0 && f.max === 9));
/** The composite score: a fraction between 0 and 1. */
const isComposite = (f: DefinitionField) =>
  f.type === 'decimal' && (/composite|samengesteld/.test(f.key) || (f.min === 0 && f.max === 1));

/**
 * The ASI's areas as one compact table: per group its severity and composite score. `shown` holds the keys the
 * table covers, so any other field of the definition is still listed below it.
 */
export function asiTable(fields: readonly DefinitionField[], values: Record<string, FieldValue>) {
  const rows: AsiRow[] = [];
  const shown = new Set<string>();
  const areas = [...new Set(fields.filter((f) => f.group !== '').map((f) => f.group))];
  for (const area of areas) {
    const inArea = fields.filter((f) => f.group === area);
    const severity = inArea.find(isSeverity);
    const composite = inArea.find(isComposite);
    if (!severity && !composite) continue;
    if (severity) shown.add(severity.key);
    if (composite) shown.add(composite.key);
    rows.push({
      area,
      severity: severity ? values[severity.key] : undefined,
      composite: composite ? values[composite.key] : undefined,
    });
  }
  return { rows, shown };
}
