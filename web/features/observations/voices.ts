/** The part of SpeechSynthesisVoice a choice needs. */
export interface VoiceLike {
  lang: string;
  localService?: boolean;
  default?: boolean;
}

const normalise = (lang: string) => lang.replace('_', '-').toLowerCase();

/**
 * The voice to read with. Dutch: Flemish first (nl-BE), then Netherlands Dutch (nl-NL), then any Dutch voice.
 * English: en-GB, then en-US, then any English. Within one language a voice of the device itself comes first: it
 * keeps working without a connection. Undefined when the browser has no voice for the language at all.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], language: 'nl' | 'en'): V | undefined {
  const preferred = language === 'nl' ? ['nl-be', 'nl-nl'] : ['en-gb', 'en-us'];
  const rank = (voice: V) => {
    const lang = normalise(voice.lang);
    const exact = preferred.indexOf(lang);
    const base = exact >= 0 ? exact : lang === language || lang.startsWith(`${language}-`) ? preferred.length : -1;
    return base < 0 ? -1 : base * 2 + (voice.localService === false ? 1 : 0);
  };
  let best: V | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const voice of voices) {
    const r = rank(voice);
    if (r >= 0 && r < bestRank) {
      best = voice;
      bestRank = r;
    }
  }
  return best;
}

/** The language tag to put on an utterance when no voice matched: the browser may still find one. */
export const speechLang = (language: 'nl' | 'en') => (language === 'nl' ? 'nl-BE' : 'en-GB');
