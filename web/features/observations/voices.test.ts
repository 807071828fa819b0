import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesName } from './names';
import { pickVoice } from './voices';

const voice = (lang: string, localService = true) => ({ lang, localService, name: `${lang}-${localService}` });

describe('pickVoice', () => {
  it('prefers Flemish, then Netherlands Dutch, then any Dutch voice', () => {
    const nlNL = voice('nl-NL');
    const nlBE = voice('nl-BE');
    const nl = voice('nl');
    const en = voice('en-GB');
    expect(pickVoice([en, nl, nlNL, nlBE], 'nl')).toBe(nlBE);
    expect(pickVoice([en, nl, nlNL], 'nl')).toBe(nlNL);
    expect(pickVoice([en, nl], 'nl')).toBe(nl);
    expect(pickVoice([en], 'nl')).toBeUndefined();
  });

  it('reads Android’s underscore tags and any capitals', () => {
    const android = voice('nl_BE');
    expect(pickVoice([voice('nl-NL'), android], 'nl')).toBe(android);
    expect(pickVoice([voice('NL-be')], 'nl')?.lang).toBe('NL-be');
  });

  it('takes a voice of the device before a network voice of the same language', () => {
    const online = voice('nl-BE', false);
    const local = voice('nl-BE', true);
    expect(pickVoice([online, local], 'nl')).toBe(local);
    // But a Flemish network voice still beats a Netherlands one on the device.
    expect(pickVoice([voice('nl-NL', true), online], 'nl')).toBe(online);
  });

  it('never picks a voice of another language: "nld" or "no" are not Dutch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('en-GB', 'fr-BE', 'de-DE', 'nb-NO', 'no', 'nld', 'nl-BE', 'nl', 'nl-NL')),
        (langs) => {
          const picked = pickVoice(
            langs.map((l) => voice(l)),
            'nl',
          );
          if (picked) expect(picked.lang === 'nl' || picked.lang.startsWith('nl-')).toBe(true);
          else expect(langs.some((l) => l === 'nl' || l.startsWith('nl-'))).toBe(false);
        },
      ),
    );
  });

  it('picks English voices for the English page', () => {
    expect(pickVoice([voice('nl-BE'), voice('en-US'), voice('en-GB')], 'en')?.lang).toBe('en-GB');
  });
});

describe('matchesName', () => {
  it('finds by the start of any word, in any order, without accents or capitals', () => {
    expect(matchesName('Lotte Janssens', '')).toBe(true);
    expect(matchesName('Lotte Janssens', 'jan lot')).toBe(true);
    expect(matchesName('Chloë De Smet', 'chloe')).toBe(true);
    expect(matchesName('Yasmina El Amrani', 'amr')).toBe(true);
    expect(matchesName('Lotte Janssens', 'otte')).toBe(false);
  });
});
