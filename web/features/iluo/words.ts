import type { TFunction } from 'i18next';
import type { IluoLabel } from '#shared/iluo';
import { builtInIluoLabels, iluoLetters } from '#shared/iluo-levels';

export interface LevelWords {
  letter: string;
  label: string;
  meaning: string;
}

const isLevel = (level: number): level is 1 | 2 | 3 | 4 => level >= 1 && level <= 4 && Number.isInteger(level);

/**
 * The words for a level: the organisation's own when it set them, otherwise the built-in words in the reader's
 * language (the server sends the built-in words in Dutch).
 */
export function levelWords(t: TFunction, level: number, labels: readonly IluoLabel[] = []): LevelWords {
  if (!isLevel(level)) return { letter: String(level), label: String(level), meaning: '' };
  const own = labels.find((l) => l.level === level && l.custom);
  if (own) return { letter: own.letter, label: own.label, meaning: own.meaning };
  const key = String(level) as '1' | '2' | '3' | '4';
  return { letter: iluoLetters[level], label: t(`iluo.levels.${key}.label`), meaning: t(`iluo.levels.${key}.meaning`) };
}

/** "U · Lukt alleen" */
export const levelName = (t: TFunction, level: number, labels?: readonly IluoLabel[]) => {
  const words = levelWords(t, level, labels);
  return t('iluo.levelWithLetter', { letter: words.letter, label: words.label });
};

export const levels = builtInIluoLabels.map((l) => l.level);
