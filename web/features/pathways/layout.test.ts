import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NextStep, WorkPackage } from '#shared/pathways';
import {
  edgePath,
  layoutMap,
  MAX_NAME_LINES,
  type MapLayout,
  NAME_CHARS_PER_LINE,
  NODE_WIDTH,
  type Point,
  sampleEdge,
  wrapText,
} from './layout';

const pkg = (id: string, step: number, next: WorkPackage['nextSteps'] = [], name = `Pakket ${id}`): WorkPackage => ({
  id,
  team: { id: 't', name: 'Groen' },
  name,
  step,
  workMode: 'uitvoerend',
  description: '',
  competencies: [],
  skills: [],
  nextSteps: next,
  archived: false,
});

const toPackage = (p: WorkPackage): NextStep => ({
  kind: 'package',
  targetId: p.id,
  label: p.name,
  step: p.step,
  archived: false,
});
const outflow = (code: string, label: string): NextStep => ({
  kind: 'outflow',
  targetId: code,
  label,
  step: null,
  archived: false,
});
const role = (id: string, label: string): NextStep => ({
  kind: 'job_profile',
  targetId: id,
  label,
  step: 2,
  archived: false,
});

/** The administration team of the demo: the map on which an arrow ran through "Administratie zelfstandig". */
function demoMap() {
  const step3 = pkg(
    'zelfstandig',
    3,
    [role('hmg', 'Hulpmeestergast'), outflow('regular_job', 'Gewone job')],
    'Administratie zelfstandig',
  );
  const step2 = pkg(
    'onthaal',
    2,
    [toPackage(step3), outflow('supported_job', 'Job met ondersteuning')],
    'Onthaal en telefoon',
  );
  const step1 = pkg('post', 1, [toPackage(step2)], 'Post en archief');
  return [step3, step2, step1];
}

type Rect = { id: string; x: number; y: number; w: number; h: number };
const rectsOf = (layout: MapLayout): Rect[] =>
  layout.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, w: NODE_WIDTH, h: n.height }));

/** Whether the segment p–q touches the rectangle (Liang–Barsky clipping). */
function segmentHitsRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const checks: [number, number][] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.w - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.h - p.y],
  ];
  for (const [pp, qq] of checks) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

const inside = (p: Point, r: Rect, inset = 0.5) =>
  p.x > r.x + inset && p.x < r.x + r.w - inset && p.y > r.y + inset && p.y < r.y + r.h - inset;

/** Every way a drawn map can go wrong that a reader would notice, in words (empty when none). */
function problemsOf(layout: MapLayout): string[] {
  const problems: string[] = [];
  const rects = rectsOf(layout);
  for (const a of rects) {
    if (a.x < 0 || a.y < 0 || a.x + a.w > layout.width || a.y + a.h > layout.height)
      problems.push(`${a.id} sticks out`);
    for (const b of rects) {
      if (a === b) continue;
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      if (!apart) problems.push(`${a.id} overlaps ${b.id}`);
    }
  }
  for (const edge of layout.edges) {
    const name = `${edge.from} → ${edge.to}`;
    const points = sampleEdge(edge);
    if (points.length < 2 || !/^M [\d.]+ [\d.]+ /.test(edgePath(edge))) problems.push(`${name} is not drawn`);
    if (points.some((p) => p.x < 0 || p.x > layout.width || p.y < 0 || p.y > layout.height)) {
      problems.push(`${name} leaves the drawing`);
    }
    for (const r of rects) {
      if (r.id === edge.from || r.id === edge.to) {
        // Its own boxes only at their border: the arrow starts on one and stops just short of the other.
        if (points.some((p) => inside(p, r))) problems.push(`${name} runs into ${r.id}`);
        continue;
      }
      for (let i = 0; i + 1 < points.length; i++) {
        if (segmentHitsRect(points[i] as Point, points[i + 1] as Point, r)) {
          problems.push(`${name} passes through ${r.id}`);
          break;
        }
      }
    }
  }
  return problems;
}

const expectReadable = (layout: MapLayout) => expect(problemsOf(layout)).toEqual([]);

describe('layoutMap', () => {
  it('puts packages in rows by step, the ladder and exits last, and edges only to drawn boxes', () => {
    const layout = layoutMap([
      pkg('b', 2, [{ kind: 'outflow', targetId: 'regular_job', label: 'Reguliere job', step: null, archived: false }]),
      pkg('a', 1, [
        { kind: 'package', targetId: 'b', label: 'Pakket b', step: 2, archived: false },
        { kind: 'package', targetId: 'elders', label: 'Elders', step: 3, archived: false },
      ]),
      pkg('c', 2),
    ]);
    const y = (id: string) => layout.nodes.find((n) => n.id === id)?.y;
    expect(y('a')).toBeLessThan(y('b') as number);
    expect(y('b')).toBe(y('c'));
    expect(y('outflow:regular_job')).toBeGreaterThan(y('b') as number);
    expect(layout.edges.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: 'b', to: 'outflow:regular_job' },
      { from: 'a', to: 'b' },
    ]);
    expectReadable(layout);
  });

  it('routes the demo map around "Administratie zelfstandig": the arrow to the exit does not cross it', () => {
    const layout = layoutMap(demoMap());
    const edge = layout.edges.find((e) => e.from === 'onthaal' && e.to === 'outflow:supported_job');
    expect(edge).toBeDefined();
    const box = rectsOf(layout).find((r) => r.id === 'zelfstandig') as Rect;
    const points = sampleEdge(edge as NonNullable<typeof edge>);
    for (let i = 0; i + 1 < points.length; i++) {
      expect(segmentHitsRect(points[i] as Point, points[i + 1] as Point, box)).toBe(false);
    }
    expectReadable(layout);
  });

  it('wraps a long name over lines instead of cutting it, and grows the row to fit', () => {
    const layout = layoutMap(demoMap());
    const node = layout.nodes.find((n) => n.id === 'zelfstandig');
    expect(node?.lines).toEqual(['Administratie', 'zelfstandig']);
    const short = layout.nodes.find((n) => n.id === 'post');
    expect(short?.lines).toEqual(['Post en archief']);
    expect(node?.height).toBeGreaterThan(short?.height as number);
    // Extra lines (the readiness, "Je bent hier") make the box taller too.
    const taller = layoutMap(demoMap(), { extraLines: (n) => (n.id === 'post' ? 2 : 0) });
    expect(taller.nodes.find((n) => n.id === 'post')?.height).toBeGreaterThan(short?.height as number);
    // The reader's label is what is wrapped.
    const relabelled = layoutMap(demoMap(), {
      labelOf: (n) => (n.kind === 'outflow' ? 'Een heel gewone job buiten het atelier' : n.label),
    });
    expect(relabelled.nodes.find((n) => n.id === 'outflow:regular_job')?.lines).toEqual([
      'Een heel gewone job',
      'buiten het atelier',
    ]);
  });

  it('draws arrows back to an earlier step and within a step without crossing boxes', () => {
    const a = pkg('a', 1);
    const b = pkg('b', 2);
    const c = pkg('c', 3);
    const d = pkg('d', 3);
    const layout = layoutMap([
      { ...a, nextSteps: [toPackage(b), toPackage(c)] },
      { ...b, nextSteps: [toPackage(c), toPackage(d)] },
      { ...c, nextSteps: [toPackage(a), toPackage(d)] },
      { ...d, nextSteps: [toPackage(b)] },
    ]);
    expect(layout.edges).toHaveLength(7);
    expectReadable(layout);
  });

  it('never draws an arrow through a box it does not connect, for any map', () => {
    const word = fc.constantFrom(
      'Groen',
      'onderhoud',
      'Administratie',
      'zelfstandig',
      'en',
      'Onthaal',
      'telefoon',
      'Werk',
      'x',
      'Kwaliteitscontrolesamenwerking',
    );
    const name = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const map = fc
      .record({
        steps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 9 }),
        names: fc.array(name, { minLength: 9, maxLength: 9 }),
        links: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 20 }),
        exits: fc.array(
          fc.tuple(fc.nat(8), fc.constantFrom('regular_job', 'supported_job', 'training'), fc.boolean()),
          {
            maxLength: 8,
          },
        ),
      })
      .map(({ steps, names, links, exits }) => {
        const packages = steps.map((step, i) => pkg(`p${i}`, step, [], names[i]));
        for (const [from, to] of links) {
          const p = packages[from % packages.length] as WorkPackage;
          const q = packages[to % packages.length] as WorkPackage;
          if (p !== q && !p.nextSteps.some((s) => s.targetId === q.id)) p.nextSteps.push(toPackage(q));
        }
        for (const [from, code, isRole] of exits) {
          const p = packages[from % packages.length] as WorkPackage;
          const step = isRole ? role(code, `Functie ${code}`) : outflow(code, code);
          if (!p.nextSteps.some((s) => s.kind === step.kind && s.targetId === step.targetId)) p.nextSteps.push(step);
        }
        return packages;
      });
    fc.assert(
      fc.property(map, fc.nat(2), (packages, extra) => {
        expectReadable(layoutMap(packages, { extraLines: (n) => (n.id.length % 2 ? extra : 0) }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('wrapText', () => {
  it('keeps short names on one line and splits long ones between words', () => {
    expect(wrapText('Post en archief')).toEqual(['Post en archief']);
    expect(wrapText('Administratie zelfstandig')).toEqual(['Administratie', 'zelfstandig']);
  });

  it('never makes a line longer than fits, nor more lines than allowed, and loses no word that fits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const lines = wrapText(text);
        expect(lines.length).toBeGreaterThanOrEqual(1);
        expect(lines.length).toBeLessThanOrEqual(MAX_NAME_LINES);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(NAME_CHARS_PER_LINE);
        if (!lines.at(-1)?.endsWith('…')) {
          expect(lines.join('').replace(/[\s-]/g, '')).toBe(text.replace(/[\s-]/g, ''));
        }
      }),
    );
  });
});
