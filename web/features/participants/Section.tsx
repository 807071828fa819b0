import { Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** The button that opens this section's edit dialog; left out when the dossier is read-only. */
  edit?: { label: string; ariaLabel?: string; onClick: () => void };
  children: ReactNode;
}

/** One part of the dossier: a heading (h2) with its own edit button. */
export function Section({ title, edit, children }: Props) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" className="break-anywhere">
            {title}
          </Title>
          {edit && (
            <Button size="xs" variant="default" aria-label={edit.ariaLabel} onClick={edit.onClick}>
              {edit.label}
            </Button>
          )}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Label–value pairs: a description list reads well on a phone and to a screen reader. */
export function Facts({ items, columns = 1 }: { items: { label: string; value: ReactNode }[]; columns?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: columns }} spacing="sm" verticalSpacing={6} m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <dt style={{ fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' }}>{item.label}</dt>
          <dd style={{ margin: 0 }} className="break-anywhere">
            {item.value}
          </dd>
        </div>
      ))}
    </SimpleGrid>
  );
}
