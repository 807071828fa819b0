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
    ? { base: 10, title: 20, nameColumn: 160, maxCell: 36, headerHeight: 130, maxHeaderHeight: 280 }
    : { base: 8, title: 16, nameColumn: 116, maxCell: 26, headerHeight: 96, maxHeaderHeight: 200 };

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

/**
 * How wide Roboto draws each printable ASCII character (space to tilde), in hundredths of an em: the wider of the
 * regular and the bold (Medium) face, rounded up, so a measured name is never shorter than the printed one.
 */
const ROBOTO_WIDTHS = [
  25, 27, 33, 62, 57, 74, 65, 18, 35, 35, 45, 57, 23, 34, 28, 42, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 27, 24, 51,
  57, 53, 49, 90, 67, 64, 66, 66, 57, 56, 69, 72, 29, 56, 64, 55, 88, 72, 69, 64, 69, 63, 61, 61, 66, 65, 89, 64, 62,
  61, 28, 42, 28, 43, 46, 33, 55, 57, 53, 57, 54, 36, 57, 56, 26, 26, 53, 26, 88, 56, 58, 57, 57, 36, 52, 34, 56, 50,
  76, 51, 49, 51, 34, 25, 34, 69,
];
/** The widest Latin letter (Œ, Æ): the width of anything the table does not know. */
const UNKNOWN_WIDTH = 97;

/** The width of `text` in points at `fontSize`; "é" measures as "e". */
export function textWidth(text: string, fontSize: number): number {
  let hundredths = 0;
  for (const ch of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    const code = ch.codePointAt(0) ?? 0;
    hundredths += (code >= 32 && code < 127 ? ROBOTO_WIDTHS[code - 32] : undefined) ?? UNKNOWN_WIDTH;
  }
  return (hundredths / 100) * fontSize;
}

/**
 * Greedy line breaking at spaces; a word wider than a line is broken between letters, so nothing is ever dropped.
 * The number of lines never grows when `room` grows, which is what the search in `skillLabel` relies on.
 */
export function wrapText(text: string, room: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, fontSize) <= room) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && textWidth(line + ch, fontSize) > room) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const lineHeight = (fontSize: number) => fontSize * 1.15;
const round = (n: number) => Math.round(n * 100) / 100;
const SMALLEST_FONT = 5;

export interface SkillLabel {
  lines: string[];
  fontSize: number;
  /** The height the lines need, turned a quarter: the longest line plus a little room. */
  height: number;
}

/**
 * A skill name for a column `width` points wide, the header `height` high: on one line when it fits, else over as
 * many lines as the column holds, side by side. The header grows for a name that still does not fit; beyond
 * `maxHeight` the letters get smaller, which gives room for more lines. The whole name is always printed.
 */
export function skillLabel(text: string, width: number, height: number, maxHeight: number, fontSize: number) {
  const fits = (size: number): SkillLabel => {
    const maxLines = Math.max(1, Math.floor((width - 1) / lineHeight(size)));
    // The narrowest room that needs no more lines than the column holds, never narrower than the usual header, and
    // wide enough for the longest word as long as the header may grow: words are only broken as a last resort.
    const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size)));
    let low = Math.max(height - 4, Math.min(longestWord, maxHeight - 4));
    let high = Math.max(low, textWidth(text, size));
    if (wrapText(text, low, size).length > maxLines) {
      while (high - low > 0.5) {
        const middle = (low + high) / 2;
        if (wrapText(text, middle, size).length <= maxLines) high = middle;
        else low = middle;
      }
      low = high;
    }
    const lines = wrapText(text, low, size);
    return { lines, fontSize: size, height: Math.max(0, ...lines.map((l) => textWidth(l, size))) + 4 };
  };
  let label = fits(fontSize);
  for (let size = fontSize - 0.5; label.height > maxHeight && size >= SMALLEST_FONT; size -= 0.5) {
    label = fits(size);
  }
  return label;
}

/** Skill names turned a quarter, read from the bottom up, so forty columns fit across the page. */
function verticalName(label: SkillLabel, critical: boolean, width: number, height: number): Content {
  const step = lineHeight(label.fontSize);
  // The lines side by side, centred in the column; each baseline a third of the font right of its line's middle.
  const first = width / 2 - ((label.lines.length - 1) * step) / 2 + label.fontSize / 3;
  const texts = label.lines
    .map(
      (line, i) =>
        `<text transform="translate(${round(first + i * step)} ${height - 2}) rotate(-90)" font-family="Roboto" font-size="${label.fontSize}" font-weight="${critical ? 'bold' : 'normal'}" fill="${INK}">${xml(line)}</text>`,
    )
    .join('');
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${texts}</svg>`,
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
  const headerFont = Math.max(SMALLEST_FONT, Math.min(s.base, cell - 3));
  const labels = skills.map((skill) =>
    skillLabel(skill.critical ? `! ${skill.name}` : skill.name, cell, s.headerHeight, s.maxHeaderHeight, headerFont),
  );
  // One height for the whole header row: the usual one, or what the longest name needs.
  const headerHeight = Math.ceil(Math.max(s.headerHeight, ...labels.map((l) => l.height)));
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
    { text: 'Naam', bold: true, fontSize: s.base, margin: [0, headerHeight - s.base * 1.6, 0, 0] },
    ...skills.map(
      (skill, i): TableCell => ({
        stack: [verticalName(labels[i] as SkillLabel, skill.critical, cell, headerHeight)],
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
