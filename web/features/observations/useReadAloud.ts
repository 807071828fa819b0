import { useCallback, useEffect, useState } from 'react';
import { currentLanguage } from '../../i18n';
import { pickVoice, speechLang } from './voices';

function synthesis(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : undefined;
}

/**
 * Reads text aloud with the browser's speech synthesis, in a Dutch voice when the page is Dutch (nl-BE, else nl-NL,
 * else any Dutch one). `supported` is false when the browser has no speech synthesis: hide the button then.
 * One text at a time: starting another one, or the same one again, stops what is playing.
 */
export function useReadAloud() {
  const synth = synthesis();
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  const [playing, setPlaying] = useState<string | null>(null);

  useEffect(() => {
    if (!synth) return;
    // Most browsers load their voices after the page: the list arrives with this event.
    const load = () => setVoices(synth.getVoices());
    synth.addEventListener('voiceschanged', load);
    return () => {
      synth.removeEventListener('voiceschanged', load);
      synth.cancel();
    };
  }, [synth]);

  const stop = useCallback(() => {
    synth?.cancel();
    setPlaying(null);
  }, [synth]);

  const toggle = useCallback(
    (id: string, text: string) => {
      if (!synth) return;
      synth.cancel();
      if (playing === id) {
        setPlaying(null);
        return;
      }
      const language = currentLanguage();
      const utterance = new SpeechSynthesisUtterance(text);
      const voice = pickVoice(voices, language);
      utterance.lang = voice?.lang ?? speechLang(language);
      if (voice) utterance.voice = voice;
      // Slightly slower than normal: easier to follow for someone who reads with difficulty.
      utterance.rate = 0.9;
      const done = () => setPlaying((current) => (current === id ? null : current));
      utterance.onend = done;
      utterance.onerror = done;
      setPlaying(id);
      synth.speak(utterance);
    },
    [synth, voices, playing],
  );

  return { supported: !!synth, playing, toggle, stop };
}

export type ReadAloud = ReturnType<typeof useReadAloud>;
