import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CadenceState } from '#shared/feedback';

const colours: Record<CadenceState, string> = {
  ok: 'groen',
  due_this_week: 'orange',
  overdue: 'red',
  not_applicable: 'gray',
};

/** Where the next feedback conversation stands, in words (the colour only helps). */
export function CadenceBadge({ state }: { state: CadenceState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[state]} variant="light">
      {t(`feedback.state.${state}`)}
    </Badge>
  );
}
