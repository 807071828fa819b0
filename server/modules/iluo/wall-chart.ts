import type { CanvasElement, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type IluoMatrix, type IluoPerson, iluoFilledPolygon, matrixTrainingNeeds, type PdfSize } from '#shared/iluo';

/**
 * The ILUO wall chart as a pdfmake document (landscape A4 or A3): title with team and date, the legend, the matrix
 * with the four-quarter symbol drawn as vectors in each cell, critical skills marked, and the coverage row.
 * The words are Dutch: the chart hangs on the workfloor. Pure: the same matrix gives the same document.
 */

const pageWidth: Record<PdfSize, number> = { A4: 841.89, A3: 1190.55 };
const MARGIN = 24;
const PADDING = 2;
const LINE = 0.5;
const INK = '#1f3a2a';
const FILL = '#2f7d4a';
const CRITICAL_FILL = '#fdecea';
const NO_COVERAGE_FILL = '#f4b6ae';
const SINGLE_FILL = '#fbd99a';

/** Sizes that grow with the paper: A3 is read from further away. */
const scale = (size: PdfSize) =>
  size === 'A3'
    ? { base: 10, title: 20, nameColumn: 160, maxCell: 36, headerHeight: 130 }
    : { base: 8, title: 16, nameColumn: 116, maxCell: 26, headerHeight: 96 };

/** The four-quarter symbol in a box of `width` × `height`: the filled quarters, then the circle and its cross. */
export function iluoSymbol(level: number, width: number, height: number): CanvasElement[] {
  const r = Math.max(3, Math.min(width, height) / 2 - 1.5);
  const cx = width / 2;
  const cy = height / 2;
  const filled = iluoFilledPolygon(level, cx, cy, r);
  const quarters: CanvasElement[] = filled.length
    ? [{ type: 'polyline', points: filled, closePath: true, color: FILL, lineWidth: 0 }]
    : [];
  return [
    ...quarters,
    { type: 'ellipse', x: cx, y: cy, r1: r, r2: r, lineColor: INK, lineWidth: 0.8 },
    { type: 'line', x1: cx, y1: cy - r, x2: cx, y2: cy + r, lineColor: INK, lineWidth: 0.5 },
    { type: 'line', x1: cx - r, y1: cy, x2: cx + r, y2: cy, lineColor: INK, lineWidth: 0.5 },
  ];
}

const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** A name that fits in `room` points at this font size (Roboto averages about half an em per character). */
function shortened(text: string, room: number, fontSize: number) {
  const max = Math.max(3, Math.floor(room / (fontSize * 0.5)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Skill names turned a quarter, read from the bottom up, so forty columns fit across the page. */
function verticalName(name: string, critical: boolean, width: number, height: number, fontSize: number): Content {
  const label = shortened(critical ? `! ${name}` : name, height - 4, fontSize);
  const x = width / 2 + fontSize / 3;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text transform="translate(${x} ${height - 2}) rotate(-90)" font-family="Roboto" font-size="${fontSize}" font-weight="${critical ? 'bold' : 'normal'}" fill="${INK}">${xml(label)}</text></svg>`,
    width,
    height,
  };
}

const dutchDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

const personLabel = (p: IluoPerson) => (p.kind === 'staff' ? `${p.name} (begeleiding)` : p.name);

export function wallChartDocument(matrix: IluoMatrix, size: PdfSize, today: string): TDocumentDefinitions {
  const s = scale(size);
  const skills = matrix.groups.flatMap((g) => g.skills);
  const n = Math.max(1, skills.length);
  const available = pageWidth[size] - 2 * MARGIN;
  // Column widths exclude the padding and the rules between columns; what is left is shared by the skills.
  const room = available - s.nameColumn - (n + 1) * 2 * PADDING - (n + 2) * LINE;
  const cell = Math.max(8, Math.min(s.maxCell, Math.floor((room / n) * 10) / 10));
  const symbolHeight = Math.min(cell, s.maxCell - 4);
  const headerFont = Math.max(5, Math.min(s.base, cell - 3));
  const date = dutchDate(today);
  const title = `ILUO-matrix ${matrix.team.name}`;
  const withGroups = matrix.groups.some((g) => g.name !== '');

  const groupRow: TableCell[] = [
    { text: '', border: [false, false, false, false] },
    ...matrix.groups.flatMap((g): TableCell[] => [
      { text: g.name, colSpan: g.skills.length, bold: true, alignment: 'center', fontSize: s.base },
      ...g.skills.slice(1).map((): TableCell => ({ text: '' })),
    ]),
  ];
  const skillRow: TableCell[] = [
    { text: 'Naam', bold: true, fontSize: s.base, margin: [0, s.headerHeight - s.base * 1.6, 0, 0] },
    ...skills.map(
      (skill): TableCell => ({
        stack: [verticalName(skill.name, skill.critical, cell, s.headerHeight, headerFont)],
        fillColor: skill.critical ? CRITICAL_FILL : undefined,
      }),
    ),
  ];
  const personRows: TableCell[][] = matrix.people.map((person, row) => [
    { text: personLabel(person), fontSize: s.base, italics: person.kind === 'staff' },
    ...skills.map((skill, col): TableCell => {
      const found = matrix.levels[row]?.[col];
      return found
        ? { canvas: iluoSymbol(found.level, cell, symbolHeight), fillColor: skill.critical ? CRITICAL_FILL : undefined }
        : { text: '' };
    }),
  ]);
  const coverageRow: TableCell[] = [
    { text: 'Dekking (U of O)', bold: true, fontSize: s.base },
    ...skills.map(
      (skill): TableCell => ({
        text: skill.flag ? `${skill.coverage}!` : String(skill.coverage),
        bold: true,
        alignment: 'center',
        fontSize: s.base,
        fillColor:
          skill.flag === 'no_coverage'
            ? NO_COVERAGE_FILL
            : skill.flag === 'single_point_of_failure'
              ? SINGLE_FILL
              : undefined,
      }),
    ),
  ];

  const legend: Content = {
    columns: matrix.labels.map((label) => ({
      width: '*',
      columns: [
        { width: s.maxCell, canvas: iluoSymbol(label.level, s.maxCell - 4, s.maxCell - 4) },
        {
          width: '*',
          stack: [
            { text: `${label.letter} · ${label.label}`, bold: true, fontSize: s.base + 1 },
            { text: label.meaning, fontSize: s.base - 1 },
          ],
        },
      ],
      columnGap: 4,
    })),
    columnGap: 10,
    margin: [0, 0, 0, 6],
  };
  const marks: Content = {
    text: [
      { text: '! ', bold: true },
      'kritieke taak (gekleurde kolom)   ',
      { text: '0! ', bold: true },
      'niemand kan deze kritieke taak alleen   ',
      { text: '1! ', bold: true },
      'maar één persoon kan deze kritieke taak alleen',
    ],
    fontSize: s.base - 1,
    margin: [0, 0, 0, 8],
  };

  const skillName = new Map(skills.map((skill) => [skill.id, skill.name]));
  const personName = new Map(matrix.people.map((p) => [p.id, p.name]));
  const letter = (level: number) => matrix.labels.find((l) => l.level === level)?.letter ?? String(level);
  const needsBySkill = new Map<string, string[]>();
  for (const need of matrixTrainingNeeds(matrix)) {
    const list = needsBySkill.get(need.skillId) ?? [];
    list.push(`${personName.get(need.personId) ?? ''} (${letter(need.level)})`);
    needsBySkill.set(need.skillId, list);
  }
  const needs: Content[] = needsBySkill.size
    ? [
        { text: 'Opleidingsnood', bold: true, fontSize: s.base + 2, margin: [0, 10, 0, 2] },
        {
          ul: [...needsBySkill].map(([skillId, people]) => ({
            text: [{ text: `${skillName.get(skillId) ?? ''}: `, bold: true }, people.join(', ')],
          })),
          fontSize: s.base,
        },
      ]
    : [];

  const body: TableCell[][] = [...(withGroups ? [groupRow] : []), skillRow, ...personRows, coverageRow];
  const table: Content =
    skills.length === 0
      ? { text: 'Deze ploeg heeft nog geen taken.', fontSize: s.base + 1 }
      : {
          table: {
            headerRows: withGroups ? 2 : 1,
            dontBreakRows: true,
            widths: [s.nameColumn, ...skills.map(() => cell)],
            body,
          },
          layout: {
            hLineWidth: () => LINE,
            vLineWidth: () => LINE,
            hLineColor: () => '#8a9a90',
            vLineColor: () => '#8a9a90',
            paddingLeft: () => PADDING,
            paddingRight: () => PADDING,
            paddingTop: () => PADDING,
            paddingBottom: () => PADDING,
          },
        };

  return {
    pageSize: size,
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    info: { title, subject: `${matrix.team.name}, ${date}`, creator: 'Groeipad', producer: 'Groeipad' },
    defaultStyle: { font: 'Roboto', fontSize: s.base, color: INK },
    footer: (page, pages) => ({
      text: `${title} · ${date} · pagina ${page} van ${pages}`,
      fontSize: s.base - 1,
      margin: [MARGIN, 4, MARGIN, 0],
    }),
    content: [
      { text: title, fontSize: s.title, bold: true },
      { text: `Stand op ${date}`, fontSize: s.base + 2, margin: [0, 0, 0, 8] },
      legend,
      marks,
      table,
      ...needs,
    ],
  };
}
