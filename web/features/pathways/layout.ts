import type { NextStep, WorkPackage } from '#shared/pathways';

/**
 * Where each box of the map goes and how each arrow runs: one row per step (step 1 on top), the packages of a step
 * side by side, and the roles up the ladder and exits in a last row ("verder"). Pure, so it is tested without a
 * browser.
 *
 * An arrow never crosses a box it does not connect: between two rows it only runs through the empty band between
 * them, and where it skips a row it goes through a narrow lane kept free in that row (the usual layered drawing with
 * "dummy" nodes). An arrow to an earlier step runs the same way upwards; one within a row dips under the row.
 */

export const NODE_WIDTH = 168;
/** Space between two boxes of a row, and between a box and a lane. */
export const GAP_X = 24;
const LANE_WIDTH = 8;
const LANE_GAP = 12;
const MARGIN_X = 24;
/** Above the first row: room for its label. */
const MARGIN_TOP = 28;
const MARGIN_BOTTOM = 24;
/** The empty band between two rows: arrows and the next row's label live here. */
export const ROW_GAP = 72;
/** How far an arrow within a row dips under it. */
const DIP = 44;

export const LINE_HEIGHT = 18;
export const NODE_PADDING = 12;
/** A name gets at most this many lines; longer names end in "…" (the full name is in the box's title and the list). */
export const MAX_NAME_LINES = 3;
/**
 * SVG text does not wrap, so names are wrapped by character count. 19 characters of the 14 px bold name fit in the
 * box's 148 px even with wide letters in the usual sans-serif fonts.
 */
export const NAME_CHARS_PER_LINE = 19;

export interface Point {
  x: number;
  y: number;
}

/** A straight piece, or a curve with vertical ends that stays between the heights of its two ends. */
export type EdgeSegment =
  | { kind: 'line'; from: Point; to: Point }
  | { kind: 'curve'; from: Point; c1: Point; c2: Point; to: Point };

export interface MapNode {
  id: string;
  kind: NextStep['kind'];
  label: string;
  /** The name over at most MAX_NAME_LINES lines. */
  lines: string[];
  /** Step of a package; null for the last row. */
  step: number | null;
  x: number;
  y: number;
  height: number;
  archived: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  /** From the edge of the box `from` to just outside the box `to` (where the arrowhead goes). */
  segments: EdgeSegment[];
}

export interface MapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  rows: { label: number | null; y: number; height: number }[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** The name as drawn (an exit's label in the reader's words); the package's or step's own label otherwise. */
  labelOf?: (item: { id: string; kind: NextStep['kind']; label: string }) => string;
  /** Lines drawn in a box besides its name ("Je bent hier", "Al gedaan", the readiness). */
  extraLines?: (item: { id: string; kind: NextStep['kind'] }) => number;
}

export const targetNodeId = (step: Pick<NextStep, 'kind' | 'targetId'>) =>
  step.kind === 'package' ? step.targetId : `${step.kind}:${step.targetId}`;

/** Greedy word wrap; a word longer than a line is cut; what does not fit in `maxLines` ends in "…". */
export function wrapText(text: string, perLine = NAME_CHARS_PER_LINE, maxLines = MAX_NAME_LINES): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > perLine) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(`${word.slice(0, perLine - 1)}-`);
      word = word.slice(perLine - 1);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= perLine) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.length ? lines : [''];
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  kept[maxLines - 1] = `${(last.length >= perLine ? last.slice(0, perLine - 1) : last).replace(/-$/, '')}…`;
  return kept;
}

export const nodeHeight = (nameLines: number, extraLines: number) =>
  2 * NODE_PADDING + (nameLines + extraLines) * LINE_HEIGHT;

interface Item {
  /** A box's id, or a lane's "edgeIndex/layer". */
  id: string;
  lane: boolean;
  width: number;
  x: number;
  /** Neighbours in the row above and below (box or lane ids), for ordering and placing. */
  up: string[];
  down: string[];
}

export function layoutMap(packages: readonly WorkPackage[], options: LayoutOptions = {}): MapLayout {
  const labelOf = options.labelOf ?? ((item) => item.label);
  const extraLines = options.extraLines ?? (() => 0);

  // ---------- the rows and the boxes in them ----------
  const byStep = new Map<number, WorkPackage[]>();
  for (const p of [...packages].sort((a, b) => a.step - b.step || a.name.localeCompare(b.name))) {
    byStep.set(p.step, [...(byStep.get(p.step) ?? []), p]);
  }
  const known = new Set(packages.map((p) => p.id));
  const beyond = new Map<string, NextStep>();
  const edges: { from: string; to: string }[] = [];
  const seen = new Set<string>();
  for (const p of packages) {
    for (const s of p.nextSteps) {
      const to = targetNodeId(s);
      if (s.kind !== 'package') beyond.set(to, s);
      if ((s.kind !== 'package' || known.has(to)) && to !== p.id && !seen.has(`${p.id}>${to}`)) {
        seen.add(`${p.id}>${to}`);
        edges.push({ from: p.id, to });
      }
    }
  }
  type Box = Omit<MapNode, 'x' | 'y' | 'height' | 'step' | 'lines'>;
  const rowDefs: { label: number | null; boxes: Box[] }[] = [...byStep.entries()].map(([step, items]) => ({
    label: step,
    boxes: items.map((p) => ({ id: p.id, kind: 'package' as const, label: p.name, archived: p.archived })),
  }));
  if (beyond.size) {
    rowDefs.push({
      label: null,
      boxes: [...beyond.entries()].map(([id, s]) => ({ id, kind: s.kind, label: s.label, archived: s.archived })),
    });
  }
  const rowOf = new Map<string, number>();
  rowDefs.forEach((row, r) => {
    for (const b of row.boxes) rowOf.set(b.id, r);
  });

  // ---------- lanes: an arrow that skips rows takes a lane in every row it passes ----------
  const rows: Item[][] = rowDefs.map((row) =>
    row.boxes.map((b) => ({ id: b.id, lane: false, width: NODE_WIDTH, x: 0, up: [], down: [] })),
  );
  const items = new Map<string, Item>();
  for (const row of rows) for (const item of row) items.set(item.id, item);
  /** Per edge, the ids it passes from its start box to its end box, row by row. */
  const chains: string[][] = edges.map((edge, e) => {
    const a = rowOf.get(edge.from) as number;
    const b = rowOf.get(edge.to) as number;
    const chain = [edge.from];
    const dir = b > a ? 1 : -1;
    for (let r = a + dir; b !== a && r !== b; r += dir) {
      const lane: Item = { id: `${e}/${r}`, lane: true, width: LANE_WIDTH, x: 0, up: [], down: [] };
      (rows[r] as Item[]).push(lane);
      items.set(lane.id, lane);
      chain.push(lane.id);
    }
    chain.push(edge.to);
    return chain;
  });
  for (const chain of chains) {
    for (let i = 0; i + 1 < chain.length; i++) {
      const p = items.get(chain[i] as string) as Item;
      const q = items.get(chain[i + 1] as string) as Item;
      const [upper, lower] = rowIndex(p.id) < rowIndex(q.id) ? [p, q] : [q, p];
      if (upper !== lower && rowIndex(upper.id) !== rowIndex(lower.id)) {
        upper.down.push(lower.id);
        lower.up.push(upper.id);
      }
    }
  }
  function rowIndex(id: string) {
    const box = rowOf.get(id);
    return box ?? Number(id.split('/')[1]);
  }

  // ---------- order within rows: a few sweeps by the mean position of the neighbours (fewer crossings) ----------
  const order = (row: Item[], neighbours: (item: Item) => string[], index: Map<string, number>) => {
    const keyed = row.map((item, i) => {
      const ns = neighbours(item)
        .map((n) => index.get(n))
        .filter((n): n is number => n !== undefined);
      return { item, key: ns.length ? ns.reduce((s, n) => s + n, 0) / ns.length : null, i };
    });
    // Items without neighbours keep their place relative to the others.
    let last = -1;
    for (const k of keyed) {
      if (k.key === null) k.key = last;
      else last = k.key;
    }
    keyed.sort((a, b) => (a.key as number) - (b.key as number) || a.i - b.i);
    return keyed.map((k) => k.item);
  };
  const indexOf = (row: Item[]) => new Map(row.map((item, i) => [item.id, i]));
  for (let sweep = 0; sweep < 4; sweep++) {
    if (sweep % 2 === 0) {
      for (let r = 1; r < rows.length; r++)
        rows[r] = order(rows[r] as Item[], (i) => i.up, indexOf(rows[r - 1] as Item[]));
    } else {
      for (let r = rows.length - 2; r >= 0; r--)
        rows[r] = order(rows[r] as Item[], (i) => i.down, indexOf(rows[r + 1] as Item[]));
    }
  }

  // ---------- x: every item near the middle of its neighbours, in order, without overlapping ----------
  const gapBetween = (a: Item, b: Item) => (a.lane || b.lane ? LANE_GAP : GAP_X);
  const rowWidth = (row: Item[]) =>
    row.reduce((w, item, i) => w + item.width + (i ? gapBetween(row[i - 1] as Item, item) : 0), 0);
  const widest = Math.max(0, ...rows.map(rowWidth));
  for (const row of rows) {
    let x = (widest - rowWidth(row)) / 2;
    row.forEach((item, i) => {
      if (i) x += gapBetween(row[i - 1] as Item, item);
      item.x = x;
      x += item.width;
    });
  }
  const centre = (id: string) => {
    const item = items.get(id) as Item;
    return item.x + item.width / 2;
  };
  const place = (row: Item[], neighbours: (item: Item) => string[]) => {
    const wanted = row.map((item) => {
      const ns = neighbours(item);
      return ns.length ? ns.reduce((s, n) => s + centre(n), 0) / ns.length - item.width / 2 : item.x;
    });
    const xs: number[] = [];
    row.forEach((item, i) => {
      const prev = row[i - 1];
      xs.push(
        prev
          ? Math.max(wanted[i] as number, (xs[i - 1] as number) + prev.width + gapBetween(prev, item))
          : (wanted[i] as number),
      );
    });
    // Pushing right only drifts the row; shifting it back by the mean drift keeps it around its neighbours.
    const drift = xs.reduce((s, x, i) => s + x - (wanted[i] as number), 0) / (xs.length || 1);
    row.forEach((item, i) => {
      item.x = (xs[i] as number) - drift;
    });
  };
  for (let sweep = 0; sweep < 3; sweep++) {
    if (sweep % 2 === 0) for (let r = 1; r < rows.length; r++) place(rows[r] as Item[], (i) => i.up);
    else for (let r = rows.length - 2; r >= 0; r--) place(rows[r] as Item[], (i) => i.down);
  }
  const xs = [...items.values()].map((item) => item.x);
  const minX = xs.length ? Math.min(...xs) : 0;
  for (const item of items.values()) item.x = item.x - minX + MARGIN_X;
  const width = Math.max(NODE_WIDTH, ...[...items.values()].map((item) => item.x + item.width)) + MARGIN_X;

  // ---------- y: each row as tall as its tallest box ----------
  const nodes: MapNode[] = [];
  const rowPositions: MapLayout['rows'] = [];
  let y = MARGIN_TOP;
  for (const def of rowDefs) {
    const drawn = def.boxes.map((b) => {
      const lines = wrapText(labelOf(b));
      return { b, lines, height: nodeHeight(lines.length, extraLines(b)) };
    });
    const height = Math.max(nodeHeight(1, 0), ...drawn.map((d) => d.height));
    rowPositions.push({ label: def.label, y, height });
    for (const { b, lines } of drawn) {
      nodes.push({ ...b, lines, step: def.label, x: (items.get(b.id) as Item).x, y, height });
    }
    y += height + ROW_GAP;
  }
  const top = (r: number) => (rowPositions[r] as MapLayout['rows'][number]).y;
  const bottom = (r: number) => top(r) + (rowPositions[r] as MapLayout['rows'][number]).height;

  // ---------- the arrows: ports spread along a box's side, ordered by where the arrow goes ----------
  type Side = 'top' | 'bottom';
  const ports = new Map<string, { edge: number; towards: number }[]>();
  const addPort = (id: string, side: Side, edge: number, towards: string) => {
    const key = `${id}|${side}`;
    ports.set(key, [...(ports.get(key) ?? []), { edge, towards: centre(towards) }]);
  };
  const sides = edges.map((edge) => {
    const a = rowOf.get(edge.from) as number;
    const b = rowOf.get(edge.to) as number;
    const start: Side = b >= a ? 'bottom' : 'top';
    const end: Side = b > a ? 'top' : 'bottom';
    return { start, end };
  });
  chains.forEach((chain, e) => {
    const s = sides[e] as { start: Side; end: Side };
    addPort(chain[0] as string, s.start, e, chain[1] as string);
    addPort(chain[chain.length - 1] as string, s.end, e, chain[chain.length - 2] as string);
  });
  const portX = (id: string, side: Side, edge: number) => {
    const list = [...(ports.get(`${id}|${side}`) ?? [])].sort((p, q) => p.towards - q.towards || p.edge - q.edge);
    const i = list.findIndex((p) => p.edge === edge);
    const item = items.get(id) as Item;
    const inset = 20;
    return item.x + inset + ((i + 1) * (item.width - 2 * inset)) / (list.length + 1);
  };
  const sCurve = (from: Point, to: Point): EdgeSegment => {
    const mid = (from.y + to.y) / 2;
    return { kind: 'curve', from, c1: { x: from.x, y: mid }, c2: { x: to.x, y: mid }, to };
  };
  const line = (from: Point, to: Point): EdgeSegment[] =>
    from.x === to.x && from.y === to.y ? [] : [{ kind: 'line', from, to }];

  /** Space between the arrowhead's tip and the box. */
  const TIP = 2;
  const mapEdges: MapEdge[] = edges.map((edge, e) => {
    const chain = chains[e] as string[];
    const a = rowOf.get(edge.from) as number;
    const b = rowOf.get(edge.to) as number;
    const s = sides[e] as { start: Side; end: Side };
    const start: Point = { x: portX(edge.from, s.start, e), y: s.start === 'bottom' ? bottom(a) : top(a) };
    const endX = portX(edge.to, s.end, e);
    if (a === b) {
      // Within a row: under it, through the band below, and up into the other box.
      const end: Point = { x: endX, y: bottom(b) + TIP };
      return {
        ...edge,
        segments: [
          {
            kind: 'curve',
            from: start,
            c1: { x: start.x, y: start.y + DIP },
            c2: { x: end.x, y: start.y + DIP },
            to: end,
          },
        ],
      };
    }
    const down = b > a;
    const segments: EdgeSegment[] = [];
    let at = start;
    for (const laneId of chain.slice(1, -1)) {
      const r = rowIndex(laneId);
      const x = centre(laneId);
      const enter: Point = { x, y: down ? top(r) : bottom(r) };
      const leave: Point = { x, y: down ? bottom(r) : top(r) };
      segments.push(sCurve(at, enter), ...line(enter, leave));
      at = leave;
    }
    segments.push(sCurve(at, { x: endX, y: down ? top(b) - TIP : bottom(b) + TIP }));
    return { ...edge, segments };
  });

  const sameRowInLast = edges.some(
    (edge) => rowOf.get(edge.from) === rowDefs.length - 1 && rowOf.get(edge.to) === rowDefs.length - 1,
  );
  const lastBottom = rowPositions.length ? bottom(rowPositions.length - 1) : MARGIN_TOP;
  return {
    nodes,
    edges: mapEdges,
    rows: rowPositions,
    width,
    height: lastBottom + (sameRowInLast ? DIP : 0) + MARGIN_BOTTOM,
  };
}

/** The SVG path of an arrow. */
export function edgePath(edge: Pick<MapEdge, 'segments'>): string {
  const first = edge.segments[0];
  if (!first) return '';
  const f = (p: Point) => `${round(p.x)} ${round(p.y)}`;
  return [
    `M ${f(first.from)}`,
    ...edge.segments.map((s) => (s.kind === 'line' ? `L ${f(s.to)}` : `C ${f(s.c1)}, ${f(s.c2)}, ${f(s.to)}`)),
  ].join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Points along an arrow, close enough together to check what it crosses. */
export function sampleEdge(edge: Pick<MapEdge, 'segments'>, perCurve = 24): Point[] {
  const points: Point[] = [];
  for (const s of edge.segments) {
    if (!points.length) points.push(s.from);
    if (s.kind === 'line') {
      points.push(s.to);
      continue;
    }
    for (let i = 1; i <= perCurve; i++) {
      const t = i / perCurve;
      const u = 1 - t;
      const at = (k: 'x' | 'y') =>
        u * u * u * s.from[k] + 3 * u * u * t * s.c1[k] + 3 * u * t * t * s.c2[k] + t * t * t * s.to[k];
      points.push({ x: at('x'), y: at('y') });
    }
  }
  return points;
}
