import type { TFunction } from 'i18next';
import type { NextStep, Readiness, ReadinessItem } from '#shared/pathways';
import { levelWords } from '../iluo/words';

/** Who reads the map: the participant gets their own words ("Je bent hier"), staff the terms of the trade. */
export type Audience = 'staff' | 'participant';

export function readinessText(t: TFunction, r: Readiness, audience: Audience = 'staff') {
  if (r.total === 0)
    return audience === 'participant' ? t('pathways.participant.noRequirements') : t('pathways.map.noRequirements');
  return r.ready ? t('pathways.map.readyAll') : t('pathways.map.ready', { met: r.met, total: r.total });
}

/** What kind of step it is ("Uitstroom"; for the participant "Buiten de werkplaats"). */
export const kindText = (t: TFunction, kind: NextStep['kind'], audience: Audience = 'staff') =>
  audience === 'participant' ? t(`pathways.participant.kinds.${kind}`) : t(`pathways.kinds.${kind}`);

/** Readiness badges: variant light with a palette's name, never a shade (see lightTextColours in theme.ts). */
export const readinessColor = (r: Readiness) => (r.ready ? 'groen' : 'orange');

/**
 * What is needed and what the participant has now. Staff read the bare numbers and where the score comes from; the
 * participant reads "niveau 3", a task's level in words ("Lukt alleen") and whose points they are.
 */
export function levelsText(t: TFunction, item: ReadinessItem, audience: Audience): string {
  if (audience === 'staff') {
    const levels =
      item.current === null
        ? t('pathways.readiness.never', { required: item.required })
        : t('pathways.readiness.levels', { required: item.required, current: item.current });
    return item.source ? `${levels} (${t(`pathways.readiness.sources.${item.source}`)})` : levels;
  }
  const levels =
    item.kind === 'skill'
      ? item.current === null
        ? t('pathways.participant.skillNever', { required: levelWords(t, item.required).label })
        : t('pathways.participant.skillLevels', {
            required: levelWords(t, item.required).label,
            current: levelWords(t, item.current).label,
          })
      : item.current === null
        ? t('pathways.participant.never', { required: item.required })
        : t('pathways.participant.levels', { required: item.required, current: item.current });
  // ILUO is the staff's word; for a task the level words already say enough.
  return item.source === 'supervisor' || item.source === 'coach'
    ? `${levels} (${t(`pathways.participant.sources.${item.source}`)})`
    : levels;
}
