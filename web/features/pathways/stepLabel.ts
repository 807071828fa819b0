import type { NextStep } from '#shared/pathways';
import { useListChoices } from '../lists/queries';

/** An exit in the organisation's words as the web shows them everywhere (built-in codes are translated). */
export function useStepLabel() {
  const destinations = useListChoices('exit_destination');
  return (step: Pick<NextStep, 'kind' | 'targetId' | 'label'>) =>
    step.kind === 'outflow' ? destinations.label(step.targetId) : step.label;
}
