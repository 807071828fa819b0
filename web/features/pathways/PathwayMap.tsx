import { Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import { type CSSProperties, useId, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStep, Readiness, WorkPackage } from '#shared/pathways';
import { edgePath, LINE_HEIGHT, layoutMap, NODE_PADDING, NODE_WIDTH, targetNodeId } from './layout';
import './pathways.css';
import { useStepLabel } from './stepLabel';
import { type Audience, kindText, readinessColor, readinessText } from './words';

interface Props {
  packages: WorkPackage[];
  /** The participant's current package: highlighted ("Je bent hier" for the participant, "Huidig pakket" for staff). */
  currentId?: string | null;
  /** Packages the participant worked in before. */
  visitedIds?: readonly string[];
  /** Readiness per next step of the current package, by map node id (see targetNodeId). */
  readiness?: ReadonlyMap<string, Readiness>;
  /** Heading level of the list's step headings. */
  headingOrder?: 2 | 3 | 4 | 5;
  audience?: Audience;
}

/**
 * Whether the box scrolls sideways: then it is a tab stop (keyboard scrolling) and a hint says so. On a phone it
 * first scrolls just far enough to show the whole box of the current package (`focusRight`, in drawing units), so the
 * step labels on the left stay in view as far as possible.
 */
function useSidewaysScroll(drawingWidth: number, focusRight: number | null) {
  // A callback ref: the box only exists once there are packages, which can be after the first render.
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  useLayoutEffect(() => {
    if (!el || focusRight === null || el.scrollWidth <= el.clientWidth) return;
    const right = (focusRight * el.scrollWidth) / drawingWidth;
    if (right > el.clientWidth) el.scrollLeft = right - el.clientWidth;
  }, [el, focusRight, drawingWidth]);
  return { ref, overflows };
}

/**
 * The drawn pathway map plus the same content as a list (for screen readers, the keyboard and small print). The
 * drawing is one image with a label; everything it shows is in the list. It never shrinks below its own size, so the
 * text stays readable on a phone: a wider map scrolls sideways in its own box.
 */
export function PathwayMap({
  packages,
  currentId,
  visitedIds = [],
  readiness,
  headingOrder = 3,
  audience = 'staff',
}: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const stepLabel = useStepLabel();
  const visited = new Set(visitedIds);
  const nextIds = new Set(readiness?.keys() ?? []);
  const steps = [...new Set(packages.map((p) => p.step))].sort((a, b) => a - b);
  const hereText = audience === 'participant' ? t('pathways.map.youAreHere') : t('pathways.map.current');
  const labelOf = (node: { id: string; kind: NextStep['kind']; label: string }) =>
    node.kind === 'outflow'
      ? stepLabel({ kind: 'outflow', targetId: node.id.slice(8), label: node.label })
      : node.label;
  const subOf = (node: { id: string; kind: NextStep['kind'] }) =>
    node.kind !== 'package'
      ? kindText(t, node.kind, audience)
      : node.id !== currentId && visited.has(node.id)
        ? `✓ ${t('pathways.map.visited')}`
        : '';
  const layout = layoutMap(packages, {
    labelOf,
    extraLines: (node) => (node.id === currentId ? 1 : 0) + (subOf(node) ? 1 : 0) + (readiness?.has(node.id) ? 1 : 0),
  });

  const here = layout.nodes.find((n) => n.id === currentId);
  const { ref: scrollRef, overflows } = useSidewaysScroll(layout.width, here ? here.x + NODE_WIDTH + 12 : null);

  if (!packages.length) return <Text c="dimmed">{t('pathways.map.empty')}</Text>;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        {overflows && (
          <Text size="sm" c="dimmed" className="pathway-no-print">
            {t('pathways.map.scrollHint')} <span aria-hidden="true">→</span>
          </Text>
        )}
        <Box
          ref={scrollRef}
          className="pathway-scroll"
          role="region"
          aria-label={t('pathways.map.title')}
          tabIndex={overflows ? 0 : undefined}
        >
          <svg
            className="pathway-svg"
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            style={{ '--pathway-width': `${layout.width}px` } as CSSProperties}
            role="img"
            aria-labelledby={titleId}
            data-testid="pathway-svg"
          >
            <title id={titleId}>{t('pathways.map.svgLabel')}</title>
            <defs>
              <marker
                id={`${titleId}-arrow`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" fill="#5c6b73" />
              </marker>
            </defs>
            {layout.rows.map((row) => (
              <text key={row.label ?? 'beyond'} className="pathway-row-label" x={6} y={row.y - 8}>
                {row.label === null ? t('pathways.map.further') : t('pathways.map.step', { step: row.label })}
              </text>
            ))}
            {layout.edges.map((edge) => {
              const isNext = edge.from === currentId && nextIds.has(edge.to);
              return (
                <path
                  key={`${edge.from}-${edge.to}`}
                  d={edgePath(edge)}
                  className={`pathway-edge${isNext ? ' is-next' : ''}`}
                  markerEnd={`url(#${titleId}-arrow)`}
                />
              );
            })}
            {layout.nodes.map((node) => {
              const here = node.id === currentId;
              const r = readiness?.get(node.id);
              const sub = subOf(node);
              const classes = [
                'pathway-node',
                here ? 'is-here' : '',
                !here && visited.has(node.id) ? 'is-visited' : '',
                node.kind !== 'package' ? 'is-beyond' : '',
              ].join(' ');
              // One line under the other: the "here" label, the name, what kind or "done", the readiness.
              let line = 0;
              const lineTop = () => node.y + NODE_PADDING + line++ * LINE_HEIGHT;
              const baseline = (top: number) => top + 14;
              const hereTop = here ? lineTop() : 0;
              const names = node.lines.map((text) => ({ text, top: lineTop() }));
              const subTop = sub ? lineTop() : 0;
              const readinessTop = r ? lineTop() : 0;
              return (
                <g key={node.id} className={classes} data-node={node.id}>
                  <title>{labelOf(node)}</title>
                  <rect x={node.x} y={node.y} width={NODE_WIDTH} height={node.height} rx={10} />
                  {here && (
                    <g className="pathway-here-badge">
                      <rect
                        x={node.x + 8}
                        y={hereTop - 1}
                        width={Math.min(NODE_WIDTH - 16, hereText.length * 7.5 + 20)}
                        height={LINE_HEIGHT}
                        rx={9}
                      />
                      <text x={node.x + 17} y={baseline(hereTop) - 1}>
                        {hereText}
                      </text>
                    </g>
                  )}
                  <text className="pathway-node-name">
                    {names.map((name) => (
                      <tspan key={name.top} x={node.x + 10} y={baseline(name.top)}>
                        {name.text}
                      </tspan>
                    ))}
                  </text>
                  {sub && (
                    <text x={node.x + 10} y={baseline(subTop)}>
                      {sub}
                    </text>
                  )}
                  {r && (
                    <text x={node.x + 10} y={baseline(readinessTop)} fontWeight={700}>
                      {readinessText(t, r, audience)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </Box>
      </Stack>

      <Stack gap="sm" component="section" aria-label={t('pathways.map.listTitle')}>
        {steps.map((step) => (
          <Stack key={step} gap={4}>
            <Title order={headingOrder} size="h5">
              {t('pathways.map.step', { step })}
            </Title>
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {packages
                .filter((p) => p.step === step)
                .map((p) => {
                  const here = p.id === currentId;
                  const r = readiness?.get(p.id);
                  return (
                    <Box
                      component="li"
                      key={p.id}
                      pl="sm"
                      style={{
                        borderLeft: `${here ? 5 : 3}px solid var(--mantine-color-${here ? 'groen-8' : 'gray-5'})`,
                      }}
                    >
                      <Group gap="xs" wrap="wrap">
                        <Text fw={700} className="break-anywhere">
                          {p.name}
                        </Text>
                        {p.archived && <Text size="sm">{t('pathways.map.archived')}</Text>}
                        {here && <Badge color="groen.8">{hereText}</Badge>}
                        {!here && visited.has(p.id) && (
                          <Badge variant="outline" color="gray.8">
                            {t('pathways.map.visited')}
                          </Badge>
                        )}
                        {r && (
                          <Badge variant="light" color={readinessColor(r)}>
                            {readinessText(t, r, audience)}
                          </Badge>
                        )}
                      </Group>
                      {audience === 'participant' ? (
                        <>
                          <Text size="sm">{t(`pathways.participant.workModes.${p.workMode}`)}</Text>
                          {p.description && <Text size="sm">{p.description}</Text>}
                        </>
                      ) : (
                        <Text size="sm">
                          {t(`pathways.workModes.${p.workMode}`)}
                          {p.description ? ` · ${p.description}` : ''}
                        </Text>
                      )}
                      <Text size="sm">
                        {p.nextSteps.length
                          ? t('pathways.map.leadsTo', {
                              names: p.nextSteps
                                .map((s) =>
                                  s.kind === 'package' ? s.label : `${stepLabel(s)} (${kindText(t, s.kind, audience)})`,
                                )
                                .join(', '),
                            })
                          : t('pathways.map.nothingNext')}
                      </Text>
                    </Box>
                  );
                })}
            </Stack>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

export { readinessText, targetNodeId };
