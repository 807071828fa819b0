import { Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Readiness, WorkPackage } from '#shared/pathways';
import { layoutMap, NODE_HEIGHT, NODE_WIDTH, targetNodeId } from './layout';
import './pathways.css';
import { useStepLabel } from './stepLabel';

interface Props {
  packages: WorkPackage[];
  /** The participant's current package: highlighted ("Je bent hier"). */
  currentId?: string | null;
  /** Packages the participant worked in before. */
  visitedIds?: readonly string[];
  /** Readiness per next step of the current package, by map node id (see targetNodeId). */
  readiness?: ReadonlyMap<string, Readiness>;
  /** Heading level of the list's step headings. */
  headingOrder?: 2 | 3 | 4 | 5;
}

/** SVG text does not wrap: long names are shortened on the map; the list below shows them whole. */
const shorten = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function readinessText(t: TFunction, r: Readiness) {
  if (r.total === 0) return t('pathways.map.noRequirements');
  return r.ready ? t('pathways.map.readyAll') : t('pathways.map.ready', { met: r.met, total: r.total });
}

/**
 * The drawn pathway map plus the same content as a list (for screen readers, the keyboard and small print). The
 * drawing is one image with a label; everything it shows is in the list.
 */
export function PathwayMap({ packages, currentId, visitedIds = [], readiness, headingOrder = 3 }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const stepLabel = useStepLabel();
  const layout = layoutMap(packages);
  const position = new Map(layout.nodes.map((n) => [n.id, n]));
  const visited = new Set(visitedIds);
  const nextIds = new Set(readiness?.keys() ?? []);
  const steps = [...new Set(packages.map((p) => p.step))].sort((a, b) => a - b);

  if (!packages.length) return <Text c="dimmed">{t('pathways.map.empty')}</Text>;

  return (
    <Stack gap="md">
      <Box style={{ overflowX: 'auto' }}>
        <svg
          className="pathway-svg"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
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
            const from = position.get(edge.from);
            const to = position.get(edge.to);
            if (!from || !to) return null;
            const x1 = from.x + NODE_WIDTH / 2;
            const x2 = to.x + NODE_WIDTH / 2;
            // Downwards: bottom to top; a step back or sideways: from the side, bending around.
            const down = to.y > from.y;
            const y1 = down ? from.y + NODE_HEIGHT : from.y + NODE_HEIGHT / 2;
            const y2 = down ? to.y : to.y + NODE_HEIGHT / 2;
            const mid = (y1 + y2) / 2;
            const d = down
              ? `M ${x1} ${y1} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2 - 2}`
              : `M ${from.x + NODE_WIDTH} ${y1} C ${from.x + NODE_WIDTH + 30} ${y1}, ${to.x + NODE_WIDTH + 30} ${y2}, ${to.x + NODE_WIDTH + 2} ${y2}`;
            const isNext = edge.from === currentId && nextIds.has(edge.to);
            return (
              <path
                key={`${edge.from}-${edge.to}`}
                d={d}
                className={`pathway-edge${isNext ? ' is-next' : ''}`}
                markerEnd={`url(#${titleId}-arrow)`}
              />
            );
          })}
          {layout.nodes.map((node) => {
            const here = node.id === currentId;
            const r = readiness?.get(node.id);
            const classes = [
              'pathway-node',
              here ? 'is-here' : '',
              !here && visited.has(node.id) ? 'is-visited' : '',
              node.kind !== 'package' ? 'is-beyond' : '',
            ].join(' ');
            const sub =
              node.kind !== 'package'
                ? t(`pathways.kinds.${node.kind}`)
                : !here && visited.has(node.id)
                  ? `✓ ${t('pathways.map.visited')}`
                  : '';
            return (
              <g key={node.id} className={classes} data-node={node.id}>
                <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={10} />
                <text className="pathway-node-name" x={node.x + 10} y={node.y + 24}>
                  {shorten(
                    node.kind === 'outflow'
                      ? stepLabel({ kind: 'outflow', targetId: node.id.slice(8), label: node.label })
                      : node.label,
                  )}
                </text>
                {sub && (
                  <text x={node.x + 10} y={node.y + 44}>
                    {sub}
                  </text>
                )}
                {r && (
                  <text x={node.x + 10} y={node.y + (sub ? 58 : 46)} fontWeight={700}>
                    {readinessText(t, r)}
                  </text>
                )}
                {here && (
                  <g className="pathway-here-badge">
                    <rect x={node.x + NODE_WIDTH - 96} y={node.y - 13} width={92} height={22} rx={11} />
                    <text x={node.x + NODE_WIDTH - 50} y={node.y + 2} textAnchor="middle">
                      {t('pathways.map.youAreHere')}
                    </text>
                  </g>
                )}
              </g>
            );
          })}
        </svg>
      </Box>

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
                        {here && <Badge color="groen.8">{t('pathways.map.youAreHere')}</Badge>}
                        {!here && visited.has(p.id) && (
                          <Badge variant="outline" color="gray.8">
                            {t('pathways.map.visited')}
                          </Badge>
                        )}
                        {r && (
                          <Badge variant="light" color={r.ready ? 'groen.9' : 'orange.9'}>
                            {readinessText(t, r)}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm">
                        {t(`pathways.workModes.${p.workMode}`)}
                        {p.description ? ` · ${p.description}` : ''}
                      </Text>
                      <Text size="sm">
                        {p.nextSteps.length
                          ? t('pathways.map.leadsTo', {
                              names: p.nextSteps
                                .map((s) =>
                                  s.kind === 'package' ? s.label : `${stepLabel(s)} (${t(`pathways.kinds.${s.kind}`)})`,
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

export { targetNodeId };
