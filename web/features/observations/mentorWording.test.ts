import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speaksToParticipant } from './mentorWording';

const competency = (description: string, indicators: string[] = []) => ({ description, indicators });

describe('speaksToParticipant', () => {
  it('finds the participant addressed as "je", "jij", "jou", "jouw" or "jezelf", in a description or an indicator', () => {
    expect(
      speaksToParticipant([
        competency('Je bent op tijd op het werk. Ben je ziek of te laat? Dan verwittig je op tijd.'),
      ]),
    ).toBe(true);
    expect(speaksToParticipant([competency('Stipt.', ['Jij ruimt op.'])])).toBe(true);
    expect(speaksToParticipant([competency('Wat vind jij?')])).toBe(true);
    expect(speaksToParticipant([competency('Dat is jouw taak.')])).toBe(true);
    expect(speaksToParticipant([competency('Je zet jezelf in.')])).toBe(true);
    expect(speaksToParticipant([competency('Stipt.'), competency('Vraagt hulp.', ['Helpt jou.'])])).toBe(true);
  });

  it('stays quiet for texts in the third person, and for words that only contain "je"', () => {
    expect(speaksToParticipant([])).toBe(false);
    expect(
      speaksToParticipant([
        competency('De stagiair is op tijd. Een meisje en een jongen werken samen.', ['Rijen, jeans, bijenkorf.']),
      ]),
    ).toBe(false);
  });

  it('never sees "je" in texts without it, whatever else they hold', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/).filter((w) => !['je', 'jij', 'jou', 'jouw', 'jezelf'].includes(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        expect(speaksToParticipant([competency(words.join(' '))])).toBe(false);
      }),
    );
  });
});
