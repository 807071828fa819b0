import type { FrameworkExchange, FrameworkInput, ScaleLevel } from '#shared/competencies';
import type { Queryable } from '../../db/client';
import { insertFramework } from './store';

/**
 * "11 kerncompetenties": the framework Groeipad ships, so a new organisation can observe on day one. Texts are
 * short Dutch (B1) sentences a participant understands; every organisation can edit them afterwards.
 *
 * ESCO links point at the transversal skill of ESCO v1.2 that matches best (only URI and Dutch label are kept;
 * default-framework.test.ts checks them against the official CSV). ESCO has no single transversal skill for
 * "communicatie" (it is a group of skills there), so that competency has no link.
 */

const esco = (id: string) => `http://data.europa.eu/esco/skill/${id}`;

export const defaultScale: ScaleLevel[] = [
  { value: 1, label: 'Nog niet', meaning: 'Dit lukt nog niet. We oefenen samen.', pictogram: 'seed' },
  { value: 2, label: 'Met hulp', meaning: 'Dit lukt als iemand je helpt of eraan herinnert.', pictogram: 'sprout' },
  { value: 3, label: 'Zelfstandig', meaning: 'Dit lukt je zelf, bijna altijd.', pictogram: 'plant' },
  { value: 4, label: 'Voorbeeld', meaning: 'Dit lukt altijd. Je kunt het aan anderen tonen.', pictogram: 'tree' },
];

export const defaultCompetencyKeys = [
  'afspraken_nakomen',
  'stiptheid_aanwezigheid',
  'zorgvuldigheid',
  'zelfstandig_werken',
  'samenwerken',
  'communicatie',
  'omgaan_met_feedback',
  'leerbereidheid',
  'initiatief',
  'veilig_werken',
  'werktempo_inzet',
] as const;
export type DefaultCompetencyKey = (typeof defaultCompetencyKeys)[number];

export const defaultFramework: FrameworkInput = {
  name: '11 kerncompetenties',
  description:
    'De elf algemene competenties voor het werk. Ze gelden voor elke job. Je leert ze op de werkvloer, stap voor stap.',
  scale: defaultScale,
  competencies: [
    {
      key: 'afspraken_nakomen',
      name: 'Afspraken nakomen',
      description: 'Je doet wat je hebt afgesproken. Lukt het niet? Dan laat je het op tijd weten.',
      indicators: [
        'Je vergeet afspraken vaak. Iemand moet je eraan herinneren.',
        'Je houdt je aan afspraken als iemand je eraan herinnert.',
        'Je houdt je zelf aan afspraken. Lukt het niet, dan zeg je het op tijd.',
        'Je houdt je altijd aan afspraken. Je helpt collega’s om dat ook te doen.',
      ],
      escoUri: esco('113b4428-0a31-4199-8496-070af7854b91'),
      escoLabel: 'verbintenissen nakomen',
    },
    {
      key: 'stiptheid_aanwezigheid',
      name: 'Stiptheid en aanwezigheid',
      description: 'Je bent op tijd op het werk. Ben je ziek of te laat? Dan verwittig je op tijd.',
      indicators: [
        'Je komt vaak te laat of bent afwezig zonder te verwittigen.',
        'Je bent meestal op tijd. Soms vergeet je te verwittigen.',
        'Je bent op tijd. Ben je ziek of te laat, dan verwittig je zelf.',
        'Je bent altijd op tijd en klaar om te starten. Collega’s rekenen op jou.',
      ],
      escoUri: esco('bcf002ce-90f8-42e5-ac1b-5dba208639b0'),
      escoLabel: 'blijk geven van betrouwbaarheid',
    },
    {
      key: 'zorgvuldigheid',
      name: 'Zorgvuldigheid',
      description: 'Je werkt netjes en precies. Je zorgt goed voor je materiaal en je werkplek.',
      indicators: [
        'Je werk moet vaak opnieuw. Je let weinig op je materiaal.',
        'Je werkt netjes als iemand je wijst op wat beter kan.',
        'Je werkt zelf netjes. Je kijkt je werk na en ruimt op.',
        'Je werk is altijd verzorgd. Je toont anderen hoe het netjes kan.',
      ],
      escoUri: esco('83e6510b-ffeb-4aec-959c-4265fd0ff7b7'),
      escoLabel: 'gedetailleerd werken',
    },
    {
      key: 'zelfstandig_werken',
      name: 'Zelfstandig werken',
      description: 'Je kunt een taak alleen doen. Je weet wat je moet doen en wanneer je hulp vraagt.',
      indicators: [
        'Je hebt bij elke stap uitleg of hulp nodig.',
        'Je doet een taak alleen als iemand je de stappen toont.',
        'Je doet je taken alleen. Je vraagt hulp als het nodig is.',
        'Je plant je werk zelf. Je helpt anderen om zelfstandig te werken.',
      ],
      escoUri: esco('c29aa9d2-4da8-4bdd-831c-8d4a2fb51730'),
      escoLabel: 'zelfstandig werken',
    },
    {
      key: 'samenwerken',
      name: 'Samenwerken',
      description: 'Je werkt goed samen met collega’s. Je helpt elkaar en je doet je deel van het werk.',
      indicators: [
        'Samenwerken lukt nog niet. Je werkt liever alleen of er is vaak ruzie.',
        'Je werkt samen als iemand zegt wat je moet doen.',
        'Je doet je deel van het werk. Je helpt collega’s als dat nodig is.',
        'Je zorgt voor een goede sfeer. Je helpt de groep om samen te werken.',
      ],
      escoUri: esco('60c78287-22eb-4103-9c8c-28deaa460da0'),
      escoLabel: 'in teams werken',
    },
    {
      key: 'communicatie',
      name: 'Communicatie',
      description: 'Je zegt duidelijk wat je denkt of nodig hebt. Je luistert naar anderen.',
      indicators: [
        'Je zegt weinig. Je vraagt geen hulp, ook als je iets niet weet.',
        'Je praat als iemand je iets vraagt. Soms is niet duidelijk wat je bedoelt.',
        'Je zegt duidelijk wat je nodig hebt. Je luistert en vraagt als je iets niet begrijpt.',
        'Je praat rustig en duidelijk, ook bij problemen. Je helpt anderen om elkaar te begrijpen.',
      ],
      escoUri: null,
      escoLabel: null,
    },
    {
      key: 'omgaan_met_feedback',
      name: 'Omgaan met feedback',
      description: 'Je luistert als iemand zegt wat beter kan. Je probeert het daarna anders te doen.',
      indicators: [
        'Je wordt boos of luistert niet als iemand zegt wat beter kan.',
        'Je luistert naar feedback. Je hebt hulp nodig om er iets mee te doen.',
        'Je luistert naar feedback en je doet er zelf iets mee.',
        'Je vraagt zelf om feedback. Je geeft ook op een goede manier feedback aan anderen.',
      ],
      escoUri: esco('05aa7c09-46e7-433f-a81b-92841f4551e7'),
      escoLabel: 'kritiek en begeleiding aanvaarden',
    },
    {
      key: 'leerbereidheid',
      name: 'Leerbereidheid',
      description: 'Je wilt nieuwe dingen leren. Je probeert iets nieuws, ook als het moeilijk is.',
      indicators: [
        'Je wilt liever niets nieuws leren.',
        'Je leert iets nieuws als iemand je erbij helpt en aanmoedigt.',
        'Je wilt graag leren. Je stelt vragen en oefent zelf.',
        'Je zoekt zelf nieuwe dingen om te leren. Je leert ook anderen iets bij.',
      ],
      escoUri: esco('9bf266a6-188b-4d17-a22f-2f266d76832b'),
      escoLabel: 'bereidheid tonen om te leren',
    },
    {
      key: 'initiatief',
      name: 'Initiatief',
      description: 'Je ziet zelf wat er moet gebeuren. Je begint eraan zonder dat iemand het vraagt.',
      indicators: [
        'Je wacht tot iemand zegt wat je moet doen.',
        'Je begint aan een taak als iemand je een tip geeft.',
        'Je ziet zelf werk liggen en je begint eraan.',
        'Je komt met ideeën om het werk beter te doen.',
      ],
      escoUri: esco('001115fb-569f-4ee6-8381-c6807ef2527f'),
      escoLabel: 'initiatief aan de dag leggen',
    },
    {
      key: 'veilig_werken',
      name: 'Veilig werken',
      description: 'Je volgt de veiligheidsregels. Je draagt je beschermkledij en je let op gevaar.',
      indicators: [
        'Je vergeet de veiligheidsregels vaak. Dat is gevaarlijk.',
        'Je volgt de veiligheidsregels als iemand je eraan herinnert.',
        'Je volgt zelf de veiligheidsregels. Je meldt gevaar.',
        'Je werkt altijd veilig. Je wijst anderen op gevaar en helpt het op te lossen.',
      ],
      escoUri: esco('c4180af3-befd-4bd8-9a65-6a496f9d9f15'),
      escoLabel: 'zich bewust zijn van gezondheidsrisico’s',
    },
    {
      key: 'werktempo_inzet',
      name: 'Werktempo en inzet',
      description: 'Je werkt door in een goed tempo. Je zet je in, ook voor werk dat je minder graag doet.',
      indicators: [
        'Je werkt traag of stopt vaak. Je hebt weinig zin in het werk.',
        'Je werkt door als iemand je aanmoedigt.',
        'Je werkt zelf door in een goed tempo. Je maakt je werk af.',
        'Je houdt een hoog tempo vol. Je trekt anderen mee.',
      ],
      escoUri: esco('1fce1197-3a5b-45b7-8797-575cd3b57a01'),
      escoLabel: 'inzet tonen',
    },
  ],
};

type Levels = Record<DefaultCompetencyKey, number>;

/** Every competency at one level, then the exceptions. */
const levels = (base: number, exceptions: Partial<Levels> = {}): Levels =>
  Object.fromEntries(defaultCompetencyKeys.map((key) => [key, exceptions[key] ?? base])) as Levels;

const expectations = (l: Levels) =>
  defaultCompetencyKeys.map((competencyKey) => ({ competencyKey, level: l[competencyKey] }));

/**
 * The career ladder of the source articles (arbeider → hulpmeestergast → meestergast → omkadering). Reliability
 * and safety are expected from the first rung on; thinking along (initiative, communication) grows with each step.
 */
export const defaultJobProfiles: FrameworkExchange['jobProfiles'] = [
  {
    name: 'Arbeider',
    description: 'Je voert duidelijke taken uit in de ploeg.',
    ladderStep: 1,
    workMode: 'uitvoerend',
    expectations: expectations(
      levels(2, { afspraken_nakomen: 3, stiptheid_aanwezigheid: 3, veilig_werken: 3, zorgvuldigheid: 3 }),
    ),
  },
  {
    name: 'Hulpmeestergast',
    description: 'Je helpt de meestergast. Je neemt soms een kleine groep op sleeptouw.',
    ladderStep: 2,
    workMode: 'uitvoerend',
    expectations: expectations(levels(3, { initiatief: 2, communicatie: 2 })),
  },
  {
    name: 'Meestergast',
    description: 'Je leidt een ploeg op de werkvloer. Je denkt mee over hoe het werk het best gebeurt.',
    ladderStep: 3,
    workMode: 'inzichtelijk',
    expectations: expectations(
      levels(3, {
        afspraken_nakomen: 4,
        stiptheid_aanwezigheid: 4,
        veilig_werken: 4,
        samenwerken: 4,
        communicatie: 4,
      }),
    ),
  },
  {
    name: 'Omkadering',
    description: 'Je begeleidt medewerkers en organiseert het werk van meerdere ploegen.',
    ladderStep: 4,
    workMode: 'inzichtelijk',
    expectations: expectations(levels(4)),
  },
];

/**
 * Inserts "11 kerncompetenties" with its job profiles for an organisation: version 1, default when the
 * organisation has no default yet. Works in the setup wizard's owner transaction and in a tenant transaction;
 * the caller writes the audit row.
 */
export async function createDefaultFramework(tx: Queryable, organisationId: string, actorId?: string | null) {
  return insertFramework(tx, organisationId, defaultFramework, defaultJobProfiles, { actorId: actorId ?? null });
}
