import { describe, expect, it } from 'vitest';
import { asiTable } from './asi';
import type { DefinitionField } from './values';

const area = (group: string, prefix: string): DefinitionField[] => [
  { key: `${prefix}_severity`, label: 'Ernst', group, type: 'integer', required: false, min: 0, max: 9, help: '' },
  { key: `${prefix}_composite`, label: 'Score', group, type: 'decimal', required: false, min: 0, max: 1, help: '' },
];

describe('asiTable', () => {
  it('gives one row per area with its severity and composite score', () => {
    const fields = [
      ...area('Medisch', 'medical'),
      ...area('Werk', 'employment'),
      { key: 'remarks', label: 'Opmerkingen', group: '', type: 'text', required: false, help: '' } as const,
    ];
    const { rows, shown } = asiTable(fields, { medical_severity: 3, medical_composite: 0.4, employment_severity: 0 });
    expect(rows).toEqual([
      { area: 'Medisch', severity: 3, composite: 0.4 },
      { area: 'Werk', severity: 0, composite: undefined },
    ]);
    expect([...shown].sort()).toEqual([
      'employment_composite',
      'employment_severity',
      'medical_composite',
      'medical_severity',
    ]);
  });

  it('leaves a group without a severity or composite field to the plain list', () => {
    const { rows, shown } = asiTable(
      [{ key: 'notes', label: 'Notities', group: 'Extra', type: 'text', required: false, help: '' }],
      { notes: 'x' },
    );
    expect(rows).toEqual([]);
    expect(shown.size).toBe(0);
  });
});
