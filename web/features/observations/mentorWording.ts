/**
 * Competency texts are written to the participant ("Je bent op tijd op het werk."); a mentor reads them about
 * someone else. Rewriting them in the third person needs the intern's gender and Dutch grammar we cannot trust, so
 * the mentor's form says once, at the top, who the sentences speak to. Only when they do: an organisation may
 * write its framework in the third person, and then the line would only confuse.
 */
const secondPerson = /(^|[^\p{L}])(je|jij|jou|jouw|jezelf)(?=[^\p{L}’']|$)/iu;

export function speaksToParticipant(competencies: readonly { description: string; indicators: readonly string[] }[]) {
  return competencies.some((c) => [c.description, ...c.indicators].some((text) => secondPerson.test(text)));
}
