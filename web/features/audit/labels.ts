import type { TFunction } from 'i18next';
import { nl } from '../../i18n/nl';

type ActionKey = keyof typeof nl.audit.actions;
type TargetKey = keyof typeof nl.audit.targets;

/** Action codes contain dots, which i18next reads as nesting: the keys use underscores instead. */
const actionKey = (action: string) => action.replaceAll('.', '_');
const isActionKey = (key: string): key is ActionKey => key in nl.audit.actions;
const isTargetKey = (key: string): key is TargetKey => key in nl.audit.targets;

export const knownActions = Object.keys(nl.audit.actions).map((key) => key.replace('_', '.'));
export const knownTargetTypes = Object.keys(nl.audit.targets);

/** A translated label where we know the action; the raw code otherwise, so nothing is hidden. */
export function actionLabel(t: TFunction, action: string): string {
  const key = actionKey(action);
  return isActionKey(key) ? t(`audit.actions.${key}`) : action;
}

export function targetTypeLabel(t: TFunction, targetType: string): string {
  return isTargetKey(targetType) ? t(`audit.targets.${targetType}`) : targetType;
}
