import { describe, expect, it } from 'vitest';
import type { WorkPackage } from '#shared/pathways';
import { layoutMap, NODE_WIDTH } from './layout';

const pkg = (id: string, step: number, next: WorkPackage['nextSteps'] = []): WorkPackage => ({
  id,
  team: { id: 't', name: 'Groen' },
  name: `Pakket ${id}`,
  step,
  workMode: 'uitvoerend',
  description: '',
  competencies: [],
  skills: [],
  nextSteps: next,
  archived: false,
});

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
    expect(layout.edges).toEqual([
      { from: 'b', to: 'outflow:regular_job' },
      { from: 'a', to: 'b' },
    ]);
    // No two boxes of a row overlap, and every box fits in the drawing.
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
      for (const m of layout.nodes) {
        if (m !== n && m.y === n.y) expect(Math.abs(m.x - n.x)).toBeGreaterThanOrEqual(NODE_WIDTH);
      }
    }
  });
});
