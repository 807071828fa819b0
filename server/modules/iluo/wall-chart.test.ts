import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import type { IluoMatrix } from '#shared/iluo';
import { mergeLabels } from './labels';
import { iluoSymbol, wallChartDocument } from './wall-chart';

const skill = (
  id: string,
  name: string,
  critical: boolean,
  coverage: number,
  flag: IluoMatrix['groups'][0]['skills'][0]['flag'],
) => ({
  id,
  name,
  description: null,
  critical,
  position: 0,
  coverage,
  flag,
});

const matrix: IluoMatrix = {
  team: { id: 't', name: 'Groen' },
  labels: mergeLabels([]),
  groups: [
    {
      name: 'Snoeien',
      skills: [
        skill('s1', 'Haag snoeien', true, 1, 'single_point_of_failure'),
        skill('s2', 'Boom <groot>', false, 0, null),
      ],
    },
    { name: 'Machines', skills: [skill('s3', 'Maaier', true, 0, 'no_coverage')] },
  ],
  people: [
    { kind: 'participant', id: 'p1', name: 'Anna Aerts' },
    { kind: 'staff', id: 'u1', name: 'Zeger Zorg' },
  ],
  assessors: ['x'],
  // Rows: Anna, Zeger; columns: s1, s2, s3.
  levels: [
    [{ level: 3, assessedOn: '2025-01-01', assessor: 0 }, null, null],
    [null, { level: 1, assessedOn: '2025-01-01', assessor: 0 }, null],
  ],
  canManage: false,
  canAssess: false,
};

const tableOf = (content: Content[]) => content.find((c): c is ContentTable => typeof c === 'object' && 'table' in c);
const textOf = (cell: TableCell | undefined) =>
  cell && typeof cell === 'object' && 'text' in cell ? cell.text : undefined;

describe('the wall chart document', () => {
  const doc = wallChartDocument(matrix, 'A3', '2026-11-23');
  const content = doc.content as Content[];
  const table = tableOf(content);
  const body = table?.table.body ?? [];

  it('is landscape on the chosen paper, titled with the team and the date in Dutch', () => {
    expect(doc).toMatchObject({ pageSize: 'A3', pageOrientation: 'landscape' });
    expect(doc.info?.title).toBe('ILUO-matrix Groen');
    expect(content[0]).toMatchObject({ text: 'ILUO-matrix Groen' });
    expect(content[1]).toMatchObject({ text: 'Stand op 23 november 2026' });
  });

  it('has a group row, a row of skill names with critical ones marked, a row per person and the coverage row', () => {
    expect(table?.table.headerRows).toBe(2);
    expect(body).toHaveLength(2 + matrix.people.length + 1);
    expect(body[0]?.map(textOf)).toEqual(['', 'Snoeien', '', 'Machines']);
    const names = (body[1] ?? []).slice(1).map((cell) => JSON.stringify(cell));
    expect(names[0]).toContain('! Haag snoeien');
    // Names are escaped for the SVG they are drawn in.
    expect(names[1]).toContain('Boom &lt;groot&gt;');
    expect(names[2]).toContain('! Maaier');
    expect(textOf(body[3]?.[0])).toBe('Zeger Zorg (begeleiding)');
    expect(body[body.length - 1]?.map(textOf)).toEqual(['Dekking (U of O)', '1!', '0', '0!']);
  });

  it('draws the symbol in exactly the cells that have a level, with as many quarters as the level', () => {
    const canvases = body
      .slice(2, -1)
      .flatMap((row, r) =>
        row.flatMap((cell, c) => (cell && typeof cell === 'object' && 'canvas' in cell ? [[r, c, cell.canvas]] : [])),
      );
    expect(canvases.map(([r, c]) => [r, c])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(iluoSymbol(3, 20, 20)[0]).toMatchObject({ type: 'polyline', closePath: true });
    expect(iluoSymbol(0, 20, 20).map((v) => v.type)).toEqual(['ellipse', 'line', 'line']);
  });

  it('lists the training needs with the level letter', () => {
    expect(JSON.stringify(content)).toContain('Opleidingsnood');
    expect(JSON.stringify(content)).toContain('Zeger Zorg (I)');
  });

  it('says so when the team has no skills yet', () => {
    const empty = wallChartDocument({ ...matrix, groups: [], levels: [[], []] }, 'A4', '2026-11-23');
    expect(JSON.stringify(empty.content)).toContain('Deze ploeg heeft nog geen taken.');
  });
});
