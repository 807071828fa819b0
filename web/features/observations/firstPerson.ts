/**
 * Competency texts are written to the participant ("Je doet wat je hebt afgesproken."). A self-assessment reads
 * better in the participant's own voice ("Ik doe wat ik heb afgesproken."). Dutch grammar does not allow a simple
 * word swap, so this handles the plain sentences the framework uses — and gives up (null) on anything it is not
 * sure of: the original text is then shown. A text is never half converted.
 */

/** Second person (after "je") → first person. Only verbs listed here are recognised as verbs. */
const verbs: Record<string, string> = {
  bent: 'ben',
  hebt: 'heb',
  kunt: 'kan',
  wilt: 'wil',
  zult: 'zal',
  mag: 'mag',
  moet: 'moet',
  weet: 'weet',
  doet: 'doe',
  gaat: 'ga',
  staat: 'sta',
  ziet: 'zie',
  komt: 'kom',
  werkt: 'werk',
  zorgt: 'zorg',
  zegt: 'zeg',
  luistert: 'luister',
  probeert: 'probeer',
  begint: 'begin',
  volgt: 'volg',
  draagt: 'draag',
  let: 'let',
  zet: 'zet',
  houdt: 'houd',
  vraagt: 'vraag',
  helpt: 'help',
  leert: 'leer',
  vergeet: 'vergeet',
  blijft: 'blijf',
  neemt: 'neem',
  maakt: 'maak',
  toont: 'toon',
  denkt: 'denk',
  voert: 'voer',
  leidt: 'leid',
  begeleidt: 'begeleid',
  organiseert: 'organiseer',
  verwittigt: 'verwittig',
  laat: 'laat',
  kijkt: 'kijk',
  ruimt: 'ruim',
  geeft: 'geef',
  vindt: 'vind',
  wordt: 'word',
  zit: 'zit',
  praat: 'praat',
  wacht: 'wacht',
  stopt: 'stop',
  meldt: 'meld',
  spreekt: 'spreek',
  antwoordt: 'antwoord',
  durft: 'durf',
  onthoudt: 'onthoud',
  controleert: 'controleer',
  respecteert: 'respecteer',
  aanvaardt: 'aanvaard',
  gebruikt: 'gebruik',
  belt: 'bel',
  rust: 'rust',
  lost: 'los',
  deelt: 'deel',
};

/** Forms that exist only in the second person: left over anywhere, they still belong to "je" and are safe to turn. */
const onlySecondPerson = new Set(['bent', 'hebt', 'kunt', 'wilt', 'zult']);

/** The verb before an inverted subject ("Dan laat je", "Ben je"): the stem, and kun/zul for kan/zal. */
const inverted: Record<string, string> = {
  ...Object.fromEntries(Object.values(verbs).map((v) => [v, v])),
  kun: 'kan',
  zul: 'zal',
};

/** Verbs that take "je" as themselves ("je zet je in" → "ik zet me in"). */
const reflexive = new Set(['zet', 'houd', 'meld', 'gedraag', 'voel', 'concentreer', 'stel']);

/** Words that open a subordinate clause: "je" after them is the subject, its verb comes at the end. */
const subordinators = new Set(['wat', 'wanneer', 'als', 'dat', 'omdat', 'zodat', 'terwijl', 'waar', 'hoe', 'of']);

const prepositions = new Set([
  'voor',
  'aan',
  'met',
  'op',
  'in',
  'bij',
  'van',
  'naar',
  'over',
  'uit',
  'om',
  'door',
  'zonder',
  'tegen',
  'achter',
  'onder',
  'naast',
  'en',
]);

/** After "je" these mean "je" was an object ("zet je in"), not a possessive. */
const particles = new Set(['in', 'aan', 'op', 'uit', 'af', 'zelf', 'niet', 'ook', 'goed', 'altijd', 'bij', 'voor']);

/** Words that may stand before an inverted verb at the start of a clause: "Dan laat je", "Soms vergeet je". */
const openers = new Set(['dan', 'soms', 'daarna', 'nu', 'ook', 'vaak', 'meestal', 'zo', 'daar', 'hier', 'toen']);

/** Words that make "ik" wrong or unclear: the text stays as it is. */
const giveUp = new Set(['elkaar', 'u', 'uw', 'jullie', 'je’t', "je't"]);

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const like = (original: string, replacement: string) =>
  original.charAt(0) === original.charAt(0).toUpperCase() ? capitalise(replacement) : replacement;

const isWord = (token: string) => /^[\p{L}’']+$/u.test(token);

function convertSentence(sentence: string): string | null {
  // Words and everything between them, so the text is put back together exactly.
  const tokens = sentence.split(/([\p{L}’']+)/u);
  const words = tokens.map((token, index) => ({ token, index })).filter((t) => isWord(t.token));
  const lower = (i: number) => words[i]?.token.toLowerCase() ?? '';
  const set = (i: number, value: string) => {
    const word = words[i];
    if (word) tokens[word.index] = like(word.token, value);
  };
  let subject = false;
  // Where the current clause starts (after a comma): an inverted verb stands first, or second after an opener.
  let clauseStart = 0;
  let clauseSubject = false;
  // Subordinate clauses whose verb still has to turn: "wanneer je hulp vraagt".
  let pendingVerb = false;

  for (let i = 0; i < words.length; i++) {
    const word = lower(i);
    const before = tokens[(words[i]?.index ?? 0) - 1] ?? '';
    if (i > 0 && before.includes(',')) {
      clauseStart = i;
      clauseSubject = false;
    }
    if (giveUp.has(word)) return null;
    if (word === 'jou') set(i, 'mij');
    else if (word === 'jouw') set(i, 'mijn');
    else if (word === 'jezelf') set(i, 'mezelf');
    else if (word === 'je' || word === 'jij') {
      const next = lower(i + 1);
      const previous = lower(i - 1);
      if (verbs[next] !== undefined) {
        set(i, 'ik');
        set(i + 1, verbs[next] as string);
        i++;
        subject = true;
        clauseSubject = true;
      } else if (!clauseSubject && inverted[previous] !== undefined && invertedAt(i - 1)) {
        set(i - 1, inverted[previous] as string);
        set(i, 'ik');
        subject = true;
        clauseSubject = true;
      } else if (subordinators.has(previous)) {
        set(i, 'ik');
        pendingVerb = true;
      } else if (subject && particles.has(next) && reflexive.has(verbs[previous] ?? inverted[previous] ?? '')) {
        set(i, 'me');
      } else if (
        word === 'je' &&
        i > 0 &&
        // After a preposition ("voor je materiaal"), or after the verb of a subject already turned ("Ik draag je …").
        (prepositions.has(previous) ||
          (subject && (verbs[previous] !== undefined || inverted[previous] !== undefined))) &&
        next &&
        !next.endsWith('t') &&
        !particles.has(next)
      ) {
        set(i, 'mijn');
      } else {
        return null;
      }
    } else if (pendingVerb && verbs[word] !== undefined) {
      set(i, verbs[word] as string);
      pendingVerb = false;
    } else if (subject && onlySecondPerson.has(word)) {
      set(i, verbs[word] as string);
    } else if (subject && (previous(i) === 'en' || previous(i) === 'of') && verbs[word] !== undefined) {
      // "Ik luister en help": a second verb of the same subject.
      set(i, verbs[word] as string);
    }
  }
  return pendingVerb ? null : tokens.join('');

  function previous(i: number) {
    return lower(i - 1);
  }

  /** The verb at `verb` opens its clause, or follows an opener that does. */
  function invertedAt(verb: number) {
    const position = verb - clauseStart;
    return position === 0 || (position === 1 && openers.has(lower(verb - 1)));
  }
}

/** The text in the first person, or null when it cannot be done with certainty. */
export function toFirstPerson(text: string): string | null {
  if (!/\b(je|jij|jou|jouw|jezelf)\b/i.test(text)) return null;
  const sentences = text.split(/(?<=[.!?])(\s+)/);
  const converted: string[] = [];
  for (const part of sentences) {
    if (/^\s*$/.test(part)) {
      converted.push(part);
      continue;
    }
    const sentence = /\b(je|jij|jou|jouw|jezelf)\b/i.test(part) ? convertSentence(part) : part;
    if (sentence === null) return null;
    converted.push(sentence);
  }
  return converted.join('');
}

/** What the self-assessment shows: the first-person text where that works, else the text as written. */
export const inOwnWords = (text: string) => toFirstPerson(text) ?? text;
