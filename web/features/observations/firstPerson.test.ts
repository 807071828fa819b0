import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inOwnWords, toFirstPerson } from './firstPerson';

describe('toFirstPerson', () => {
  it.each([
    [
      'Je doet wat je hebt afgesproken. Lukt het niet? Dan laat je het op tijd weten.',
      'Ik doe wat ik heb afgesproken. Lukt het niet? Dan laat ik het op tijd weten.',
    ],
    [
      'Je bent op tijd op het werk. Ben je ziek of te laat? Dan verwittig je op tijd.',
      'Ik ben op tijd op het werk. Ben ik ziek of te laat? Dan verwittig ik op tijd.',
    ],
    [
      'Je werkt netjes en precies. Je zorgt goed voor je materiaal en je werkplek.',
      'Ik werk netjes en precies. Ik zorg goed voor mijn materiaal en mijn werkplek.',
    ],
    [
      'Je kunt een taak alleen doen. Je weet wat je moet doen en wanneer je hulp vraagt.',
      'Ik kan een taak alleen doen. Ik weet wat ik moet doen en wanneer ik hulp vraag.',
    ],
    [
      'Je zegt duidelijk wat je denkt of nodig hebt. Je luistert naar anderen.',
      'Ik zeg duidelijk wat ik denk of nodig heb. Ik luister naar anderen.',
    ],
    [
      'Je luistert als iemand zegt wat beter kan. Je probeert het daarna anders te doen.',
      'Ik luister als iemand zegt wat beter kan. Ik probeer het daarna anders te doen.',
    ],
    [
      'Je volgt de veiligheidsregels. Je draagt je beschermkledij en je let op gevaar.',
      'Ik volg de veiligheidsregels. Ik draag mijn beschermkledij en ik let op gevaar.',
    ],
    [
      'Je werkt door in een goed tempo. Je zet je in, ook voor werk dat je minder graag doet.',
      'Ik werk door in een goed tempo. Ik zet me in, ook voor werk dat ik minder graag doe.',
    ],
    [
      'Je bent altijd op tijd en klaar om te starten. Collega’s rekenen op jou.',
      'Ik ben altijd op tijd en klaar om te starten. Collega’s rekenen op mij.',
    ],
    [
      'Je bent op tijd. Ben je ziek of te laat, dan verwittig je zelf.',
      'Ik ben op tijd. Ben ik ziek of te laat, dan verwittig ik zelf.',
    ],
    ['Je houdt je altijd aan afspraken.', 'Ik houd me altijd aan afspraken.'],
    // "je" as an object of someone else: not something these rules can turn.
    ['Je houdt je aan afspraken als iemand je eraan herinnert.', null],
    ['Je vergeet afspraken vaak. Iemand moet je eraan herinneren.', null],
  ])('%s', (text, expected) => {
    expect(toFirstPerson(text)).toBe(expected);
  });

  it('leaves texts it cannot be sure of alone: "elkaar", an unknown verb, the polite form', () => {
    expect(toFirstPerson('Je werkt goed samen met collega’s. Je helpt elkaar en je doet je deel.')).toBeNull();
    expect(toFirstPerson('Je repareert fietsen.')).toBeNull();
    expect(toFirstPerson('U komt op tijd.')).toBeNull();
    expect(inOwnWords('Je repareert fietsen.')).toBe('Je repareert fietsen.');
  });

  it('returns null for a text without "je": nothing to turn', () => {
    expect(toFirstPerson('Stiptheid en aanwezigheid.')).toBeNull();
  });

  it('never leaves a "je" or "jij" behind when it converts, and keeps everything but words as it was', () => {
    const word = fc.constantFrom(
      'je',
      'Je',
      'jij',
      'doet',
      'werkt',
      'hebt',
      'bent',
      'wat',
      'als',
      'voor',
      'en',
      'het',
      'werk',
      'goed',
      'materiaal',
      'in',
      'zet',
      'laat',
      'Dan',
      'iemand',
    );
    const separator = fc.constantFrom(' ', ', ', '. ', '? ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 14 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join('');
        const result = toFirstPerson(text);
        if (result === null) return;
        expect(result).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
        expect(result.replace(/[\p{L}’']+/gu, '')).toBe(text.replace(/[\p{L}’']+/gu, ''));
      }),
    );
  });
});
