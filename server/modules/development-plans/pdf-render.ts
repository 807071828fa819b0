import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ActionOwner, ActionStatus, LiveCompetency, PlanVersion } from '#shared/development-plans';
import { iluoLetters } from '#shared/iluo';
import type { RaterKind } from '#shared/observations';

/**
 * An agreed POP as a pdfmake document: the participant's own words first (who I am, my job target, my dreams), then
 * goals, actions, competencies with the scores it was agreed on, support, the next review and where it was presented.
 * Dutch (B1), for the dossier and for inspection. Pure: the same input gives the same document.
 */

export interface PlanPdfInput {
  participantName: string;
  version: PlanVersion;
  presentations: { presentedOn: string; occasion: 'team_meeting' | 'closing_event' }[];
}

const INK = '#1f3a2a';
const MUTED = '#5b6b61';
const RULE = '#c9d3cc';
const EMPTY = 'Nog niet ingevuld.';

const brusselsDate = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Brussels',
});
/** A calendar date (2026-03-01) as "1 maart 2026". */
export const dutchDay = (iso: string) => brusselsDate.format(new Date(`${iso}T12:00:00Z`));
/** A moment as the day it was in Belgium. */
const dutchMoment = (iso: string) => brusselsDate.format(new Date(iso));

const owners: Record<ActionOwner, string> = {
  participant: 'Ik',
  coach: 'Mijn coach',
  supervisor: 'Mijn werkleider',
  other: 'Iemand anders',
};
const statuses: Record<ActionStatus, string> = { open: 'Nog te doen', busy: 'Bezig', done: 'Klaar' };
const workModes = {
  uitvoerend: 'Uitvoerend werk: een duidelijke taak die ik afwerk.',
  inzichtelijk: 'Inzichtelijk werk: ik denk mee over de aanpak en werk samen.',
} as const;
const raters: { kind: RaterKind; label: string }[] = [
  { kind: 'self', label: 'Ikzelf' },
  { kind: 'supervisor', label: 'Werkleider' },
  { kind: 'coach', label: 'Coach' },
  { kind: 'mentor', label: 'Mentor' },
];
const occasions = { team_meeting: 'Teamvergadering', closing_event: 'Slotmoment' } as const;

const heading = (text: string): Content => ({ text, style: 'heading' });
const paragraph = (text: string): Content =>
  text.trim() ? { text, margin: [0, 0, 0, 6] } : { text: EMPTY, color: MUTED, italics: true, margin: [0, 0, 0, 6] };
const labelled = (label: string, text: string): Content => ({
  text: [{ text: `${label}: `, bold: true }, text.trim() ? text : { text: EMPTY, color: MUTED, italics: true }],
  margin: [0, 0, 0, 3],
});

function table(headers: string[], rows: TableCell[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [headers.map((h) => ({ text: h, bold: true, fillColor: '#e8efe9' })), ...rows],
    },
    layout: {
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 8],
  };
}

function agreementLines(version: PlanVersion): Content[] {
  const lines: Content[] = [];
  if (version.agreedAt) lines.push({ text: `Afgesproken op ${dutchMoment(version.agreedAt)}`, bold: true });
  if (version.participantAgreedAt) lines.push(`Ik ging akkoord op ${dutchMoment(version.participantAgreedAt)}.`);
  if (version.coachAgreedAt) {
    const who = version.coachAgreedBy ? `Coach ${version.coachAgreedBy.name}` : 'Mijn coach';
    lines.push(`${who} ging akkoord op ${dutchMoment(version.coachAgreedAt)}.`);
  }
  return lines;
}

function goals(input: PlanPdfInput): Content[] {
  const { content, evidence } = input.version;
  if (!content.goals.length) return [paragraph('')];
  const nameOf = new Map(evidence.competencies.map((c) => [c.key, c.name]));
  const skillOf = new Map(evidence.skills.map((s) => [s.id, s.name]));
  return content.goals.map((g, i) => {
    const linked = [
      ...g.competencyKeys.map((k) => nameOf.get(k) ?? k),
      ...g.skillIds.flatMap((id) => skillOf.get(id) ?? []),
    ];
    return {
      stack: [
        { text: `Doel ${i + 1}: ${g.what}`, bold: true, margin: [0, 0, 0, 2] },
        labelled('Zo zien we dat het lukt', g.evidence),
        labelled('Waarom dit belangrijk is voor mij', g.why),
        labelled('Tegen', dutchDay(g.dueDate)),
        ...(linked.length ? [labelled('Hoort bij', linked.join(', '))] : []),
      ],
      unbreakable: true,
      margin: [0, 0, 0, 8],
    } satisfies Content;
  });
}

function actions(input: PlanPdfInput): Content {
  const list = input.version.content.actions;
  if (!list.length) return paragraph('');
  return table(
    ['Wat', 'Wie', 'Tegen', 'Stand'],
    list.map((a) => [
      a.what,
      a.ownerName.trim() ? `${owners[a.owner]} (${a.ownerName})` : owners[a.owner],
      dutchDay(a.dueDate),
      statuses[a.status],
    ]),
    ['*', 120, 80, 60],
  );
}

const score = (c: LiveCompetency, kind: RaterKind) => {
  const s = c.latest[kind];
  return s ? `${s.score}/${c.scaleMax}` : '–';
};

function competencyBlock(title: string, keys: string[], skillIds: string[], input: PlanPdfInput): Content[] {
  const { evidence } = input.version;
  const byKey = new Map(evidence.competencies.map((c) => [c.key, c]));
  const byId = new Map(evidence.skills.map((s) => [s.id, s]));
  const generic = keys.flatMap((k) => byKey.get(k) ?? []);
  const technical = skillIds.flatMap((id) => byId.get(id) ?? []);
  const out: Content[] = [{ text: title, style: 'subheading' }];
  if (!generic.length && !technical.length) return [...out, paragraph('')];
  if (generic.length) {
    out.push(
      table(
        ['Competentie', ...raters.map((r) => r.label), 'Verwacht nu', 'Verwacht in mijn doeljob'],
        generic.map((c) => [
          c.name,
          ...raters.map((r) => score(c, r.kind)),
          c.currentExpected === null ? '–' : String(c.currentExpected),
          c.targetExpected === null ? '–' : String(c.targetExpected),
        ]),
        ['*', 40, 55, 40, 45, 50, 65],
      ),
    );
  }
  if (technical.length) {
    out.push(
      table(
        ['Taak (ILUO)', 'Ploeg', 'Niveau'],
        technical.map((s) => [
          s.group ? `${s.name} (${s.group})` : s.name,
          s.team,
          s.level
            ? `${iluoLetters[s.level as 1 | 2 | 3 | 4]}${s.on ? ` (${dutchDay(s.on)})` : ''}`
            : 'Nog niet beoordeeld',
        ]),
        ['*', 120, 110],
      ),
    );
  }
  return out;
}

export function planDocument(input: PlanPdfInput): TDocumentDefinitions {
  const { version, participantName } = input;
  const c = version.content;
  const jobTarget = c.escoOccupation
    ? `${c.jobTarget}${c.jobTarget.trim() ? '\n' : ''}ESCO-beroep: ${c.escoOccupation.label}`
    : c.jobTarget;
  const workMode = c.workMode ? workModes[c.workMode] : '';
  const asOf = dutchMoment(version.evidence.asOf);
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    info: { title: `Mijn persoonlijk ontwikkelingsplan – ${participantName} – versie ${version.number}` },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2, color: INK },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      name: { fontSize: 16, margin: [0, 0, 0, 4] },
      heading: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      subheading: { fontSize: 12, bold: true, margin: [0, 6, 0, 4] },
    },
    content: [
      { text: 'Mijn persoonlijk ontwikkelingsplan', style: 'title' },
      { text: participantName, style: 'name' },
      { text: `Versie ${version.number}`, color: MUTED, margin: [0, 0, 0, 4] },
      { stack: agreementLines(version), margin: [0, 0, 0, 6] },
      heading('Wie ben ik'),
      paragraph(c.summary),
      heading('Mijn jobdoelwit'),
      paragraph(jobTarget),
      heading('Mijn dromen en interesses'),
      paragraph(c.dreams),
      heading('Hoe ik graag werk'),
      paragraph(workMode),
      ...(c.workModeReason.trim() ? [labelled('Waarom', c.workModeReason)] : []),
      heading('Mijn doelen'),
      ...goals(input),
      heading('Mijn acties'),
      actions(input),
      heading('Mijn competenties'),
      { text: `De scores zijn die van ${asOf}, toen we dit plan afspraken.`, color: MUTED, fontSize: 9 },
      ...competencyBlock('Wat ik nu kan', c.competencies.genericCurrent, c.competencies.technicalCurrent, input),
      ...competencyBlock('Wat ik wil leren', c.competencies.genericFuture, c.competencies.technicalFuture, input),
      heading('Steun die ik nodig heb'),
      paragraph(c.support),
      heading('Volgende evaluatie'),
      paragraph(c.nextReviewDate ? dutchDay(c.nextReviewDate) : ''),
      heading('Ik stelde mijn plan voor'),
      input.presentations.length
        ? {
            ul: input.presentations.map((p) => `${occasions[p.occasion]} op ${dutchDay(p.presentedOn)}`),
          }
        : paragraph(''),
    ],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `${participantName} – POP versie ${version.number}`, color: MUTED },
        { text: `Pagina ${currentPage} van ${pageCount}`, alignment: 'right', color: MUTED },
      ],
      fontSize: 9,
      margin: [48, 20, 48, 0],
    }),
  };
}
