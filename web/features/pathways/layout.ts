import type { NextStep, WorkPackage } from '#shared/pathways';

/**
 * Where each box of the map goes: one row per step (step 1 on top), the packages of a step side by side, and the
 * roles up the ladder and exits in a last row ("verder"). Pure, so it is tested without a browser.
 */

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 64;
export const GAP_X = 24;
export const ROW_HEIGHT = 132;
export const LABEL_WIDTH = 0;

export interface MapNode {
  id: string;
  kind: NextStep['kind'];
  label: string;
  /** Step of a package; null for the last row. */
  step: number | null;
  x: number;
  y: number;
  archived: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
}

export interface MapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  rows: { label: number | null; y: number }[];
  width: number;
  height: number;
}

export const targetNodeId = (step: Pick<NextStep, 'kind' | 'targetId'>) =>
  step.kind === 'package' ? step.targetId : `${step.kind}:${step.targetId}`;

export function layoutMap(packages: readonly WorkPackage[]): MapLayout {
  const byStep = new Map<number, WorkPackage[]>();
  for (const p of [...packages].sort((a, b) => a.step - b.step || a.name.localeCompare(b.name))) {
    byStep.set(p.step, [...(byStep.get(p.step) ?? []), p]);
  }
  const known = new Set(packages.map((p) => p.id));
  const beyond = new Map<string, NextStep>();
  const edges: MapEdge[] = [];
  for (const p of packages) {
    for (const s of p.nextSteps) {
      const to = targetNodeId(s);
      if (s.kind !== 'package') beyond.set(to, s);
      if (s.kind !== 'package' || known.has(to)) edges.push({ from: p.id, to });
    }
  }
  const rows: {
    label: number | null;
    items: { id: string; kind: NextStep['kind']; label: string; archived: boolean }[];
  }[] = [...byStep.entries()].map(([step, items]) => ({
    label: step,
    items: items.map((p) => ({ id: p.id, kind: 'package' as const, label: p.name, archived: p.archived })),
  }));
  if (beyond.size) {
    rows.push({
      label: null,
      items: [...beyond.entries()].map(([id, s]) => ({ id, kind: s.kind, label: s.label, archived: s.archived })),
    });
  }
  const widest = Math.max(1, ...rows.map((r) => r.items.length));
  const width = widest * NODE_WIDTH + (widest + 1) * GAP_X;
  const nodes: MapNode[] = [];
  const rowPositions: MapLayout['rows'] = [];
  rows.forEach((row, r) => {
    const y = 28 + r * ROW_HEIGHT;
    rowPositions.push({ label: row.label, y });
    const used = row.items.length * NODE_WIDTH + (row.items.length - 1) * GAP_X;
    const start = (width - used) / 2;
    row.items.forEach((item, i) => {
      nodes.push({ ...item, step: row.label, x: start + i * (NODE_WIDTH + GAP_X), y });
    });
  });
  return {
    nodes,
    edges,
    rows: rowPositions,
    width,
    height: 28 + rows.length * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT) + 36,
  };
}
