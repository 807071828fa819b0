import fc from 'fast-check';
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import type { IluoMatrix, PdfSize } from '#shared/iluo';
import { mergeLabels } from './labels';
import { renderPdf } from './pdf-render';
import { iluoSymbol, textWidth, wallChartDocument, wrapText } from './wall-chart';

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

/** The skill headers of a document: the lines of each name as drawn, their font size and the box they are drawn in. */
function headersOf(doc: ReturnType<typeof wallChartDocument>) {
  const body = tableOf(doc.content as Content[])?.table.body ?? [];
  const row = body.find((r) => textOf(r[0]) === 'Naam') ?? [];
  const fromXml = (s: string) =>
    s.replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '',
    );
  return row.slice(1).map((cell) => {
    const svg = (cell as { stack: { svg: string; width: number; height: number }[] }).stack[0];
    if (!svg) throw new Error('no header');
    const texts = [
      ...svg.svg.matchAll(
        /<text transform="translate\(([\d.]+) [\d.]+\) rotate\(-90\)" font-family="Roboto" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ];
    return {
      width: svg.width,
      height: svg.height,
      fontSize: Number(texts[0]?.[2]),
      xs: texts.map((m) => Number(m[1])),
      lines: texts.map((m) => fromXml(m[3] ?? '')),
    };
  });
}

const withSkills = (names: string[], critical = false): IluoMatrix => ({
  ...matrix,
  groups: [{ name: '', skills: names.map((name, i) => skill(`s${i}`, name, critical, 0, null)) }],
  levels: matrix.people.map(() => names.map(() => null)),
});

const compact = (s: string) => s.replace(/\s+/g, '');

describe('skill names on the wall chart', () => {
  const long = ['Vloerbekleding verwijderen', 'Nagels en schroeven uittrekken', 'Inloggen met wachtwoord'];

  it.each([
    ['A4', 8],
    ['A4', 40],
    ['A3', 8],
    ['A3', 60],
  ] as [PdfSize, number][])('prints every name whole on %s with %i skills, never cut off', (size, count) => {
    const names = Array.from({ length: count }, (_, i) => long[i % long.length] as string);
    const doc = wallChartDocument(withSkills(names), size, '2026-11-23');
    expect(JSON.stringify(doc.content)).not.toContain('…');
    const headers = headersOf(doc);
    expect(headers.map((h) => h.lines.join(' '))).toEqual(names);
  });

  it('keeps a name on one line when it fits, else wraps it at spaces, side by side in the column', () => {
    const few = headersOf(wallChartDocument(withSkills(['Haag snoeien', ...long]), 'A4', '2026-11-23'));
    expect(few.map((h) => h.lines)).toEqual([
      ['Haag snoeien'],
      ['Vloerbekleding', 'verwijderen'],
      ['Nagels en schroeven', 'uittrekken'],
      ['Inloggen met', 'wachtwoord'],
    ]);
    // Two lines fit the usual header, so it does not grow.
    expect(few[0]?.height).toBe(96);
  });

  it('makes the header taller when a column holds only one line, rather than cutting the name', () => {
    const names = Array.from({ length: 40 }, (_, i) => (i === 0 ? 'Nagels en schroeven uittrekken' : 'Maaien'));
    const [first] = headersOf(wallChartDocument(withSkills(names), 'A4', '2026-11-23'));
    expect(first?.lines).toEqual(['Nagels en schroeven uittrekken']);
    expect(first?.height).toBeGreaterThan(96);
    expect(first?.height).toBeGreaterThanOrEqual(textWidth('Nagels en schroeven uittrekken', first?.fontSize ?? 0));
  });

  it('wraps a long word between letters only when nothing else fits, and never drops a letter', () => {
    expect(wrapText('Haag snoeien', 1000, 8)).toEqual(['Haag snoeien']);
    expect(wrapText('Haag snoeien', textWidth('snoeien', 8), 8)).toEqual(['Haag', 'snoeien']);
    expect(wrapText('Hogedrukreiniger', textWidth('Hoge', 8), 8).join('')).toBe('Hogedrukreiniger');
  });

  it('draws every name of up to 80 characters whole and inside its header, for any number of skills', () => {
    const word = fc.stringMatching(/^[A-Za-zéëïçÆŒ0-9&<>'()/-]{1,24}$/);
    const name = fc
      .array(word, { minLength: 1, maxLength: 10 })
      .map((words) => words.join(' ').slice(0, 80).trim())
      .filter((n) => n.length > 0);
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 60 }),
        fc.constantFrom<PdfSize>('A4', 'A3'),
        fc.boolean(),
        (names, size, critical) => {
          const headers = headersOf(wallChartDocument(withSkills(names, critical), size, '2026-11-23'));
          expect(headers).toHaveLength(names.length);
          const height = headers[0]?.height ?? 0;
          headers.forEach((h, i) => {
            const shown = critical ? `! ${names[i]}` : (names[i] as string);
            expect(compact(h.lines.join(''))).toBe(compact(shown));
            expect(h.height).toBe(height);
            // Read upwards from 2 points above the bottom: every line fits in the header's height.
            for (const line of h.lines) expect(textWidth(line, h.fontSize)).toBeLessThanOrEqual(h.height - 2);
            // The lines sit side by side inside the column.
            const left = Math.min(...h.xs) - h.fontSize;
            const right = Math.max(...h.xs) + h.fontSize * 0.3;
            expect(left).toBeGreaterThanOrEqual(-0.5);
            expect(right).toBeLessThanOrEqual(h.width + 0.5);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renders a PDF with long names over several lines', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `${long[i % 3]} ${'en nog iets langer '.repeat(i % 4)}`.trim());
    const pdf = await renderPdf(wallChartDocument(withSkills(names, true), 'A4', '2026-11-23'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
