import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ExportDocument } from '#shared/privacy';
import { dutchDay } from '../development-plans/pdf-render';

/**
 * The export as a readable Dutch document: the same content as the JSON, one heading per section, tables for lists.
 * Attachments are listed by name (the files themselves are in the JSON export). Pure: same input, same document.
 */

const MUTED = '#5b6b61';
const RULE = '#c9d3cc';
const NONE = 'Niets bewaard.';

const moment = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});
const day = (iso: string | null) => (iso ? dutchDay(iso) : '—');
const at = (iso: string | null) => (iso ? moment.format(new Date(iso)) : '—');
const words = (value: string | null | undefined) => (value?.trim() ? value : '—');
const yesNo = (value: boolean) => (value ? 'ja' : 'nee');

const heading = (text: string): Content => ({ text, style: 'heading' });
const none: Content = { text: NONE, color: MUTED, italics: true, margin: [0, 0, 0, 8] };

function table(headers: string[], rows: TableCell[][]): Content {
  if (!rows.length) return none;
  return {
    table: {
      headerRows: 1,
      widths: headers.map(() => '*'),
      body: [headers.map((h) => ({ text: h, bold: true, fillColor: '#e8efe9' })), ...rows],
    },
    layout: { hLineColor: () => RULE, vLineColor: () => RULE, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: 9,
    margin: [0, 2, 0, 10],
  };
}

/** Label–value pairs as a two-column table without a header. */
function facts(pairs: [string, string][]): Content {
  return {
    table: { widths: [140, '*'], body: pairs.map(([label, value]) => [{ text: label, bold: true }, value]) },
    layout: 'noBorders',
    margin: [0, 2, 0, 10],
  };
}

function participantSection(doc: ExportDocument): Content[] {
  const p = doc.participant;
  return [
    heading('Persoonsgegevens'),
    facts([
      ['Voornaam', p.firstName],
      ['Achternaam', p.lastName],
      ['Geboortedatum', day(p.dateOfBirth)],
      ['E-mail', words(p.email)],
      ['Telefoon', words(p.phone)],
      ['Adres', words(p.address)],
      ['Vestiging', p.site],
      ['Ploeg', words(p.team)],
      ['Traject', p.programmeType],
      ['Doorverwijzer', words(p.referrer)],
      ['Contact bij de doorverwijzer', words(p.referrerContact)],
      ['Status', p.status],
      ['Gestart op', day(p.startDate)],
      ['Gearchiveerd op', at(p.archivedAt)],
      ['Anoniem gemaakt op', at(p.anonymisedAt)],
      ['Dossier gemaakt op', at(p.createdAt)],
      ['Eigen login', p.login ? words(p.login.username) : 'geen'],
      ['Coaches', doc.coaches.join(', ') || '—'],
    ]),
  ];
}

function dossierSections(doc: ExportDocument): Content[] {
  return [
    heading('Loopbaan in de organisatie'),
    table(
      ['Datum', 'Wat', 'Ploeg', 'Nieuwe rol', 'Uitstroom naar', 'Notitie', 'Door'],
      doc.careerEvents.map((e) => [
        day(e.date),
        e.kind,
        words(e.team),
        words(e.toRole),
        words(e.exitDestination),
        words(e.note),
        words(e.recordedBy),
      ]),
    ),
    heading('Indicering'),
    table(
      ['Soort', 'Ondersteuning', 'Van', 'Tot', 'Notitie'],
      doc.indications.map((i) => [i.type, i.supportLevel, day(i.validFrom), day(i.validUntil), words(i.note)]),
    ),
    heading('Belangrijke personen'),
    table(
      ['Naam', 'Relatie', 'Contact', 'Mag betrokken worden'],
      doc.stakeholders.map((s) => [s.name, s.relation, words(s.contact), yesNo(s.mayBeInvolved)]),
    ),
    heading('Toestemmingen'),
    table(
      ['Waarvoor', 'Gegeven', 'Op', 'Door'],
      doc.consents.map((c) => [c.kind, yesNo(c.granted), day(c.recordedOn), words(c.recordedBy)]),
    ),
  ];
}

function workSections(doc: ExportDocument): Content[] {
  return [
    heading('Observaties en scores'),
    table(
      ['Datum', 'Wie scoorde', 'Naam', 'Waar', 'Scores', 'Notitie'],
      doc.observations.map((o) => [
        day(o.observedOn),
        o.raterKind,
        words(o.raterName),
        o.context,
        o.ratings.map((r) => `${r.competency}: ${r.score}${r.note ? ` (${r.note})` : ''}`).join('\n') || '—',
        words(o.note),
      ]),
    ),
    heading('Feedbackgesprekken'),
    table(
      ['Datum', 'Met', 'Wat ging goed', 'Werkpunten', 'Afspraken', 'Anderen'],
      doc.feedbackConversations.map((f) => [
        day(f.heldOn),
        f.staff.join(', ') || '—',
        words(f.wentWell),
        words(f.toWorkOn),
        words(f.agreements),
        words(f.otherAttendees),
      ]),
    ),
    heading('Links voor stagementoren'),
    table(
      ['Mentor', 'E-mail', 'Stageplaats', 'Van', 'Tot', 'Stand'],
      doc.mentorLinks.map((m) => [
        m.mentorName,
        m.mentorEmail,
        words(m.hostOrganisation),
        day(m.validFrom),
        day(m.validUntil),
        m.status,
      ]),
    ),
    heading('Vaardigheden (ILUO)'),
    table(
      ['Vaardigheid', 'Ploeg', 'Niveau', 'Op', 'Door', 'Notitie'],
      doc.skillLevels.map((l) => [
        l.skill,
        l.team,
        String(l.level),
        day(l.assessedOn),
        words(l.assessor),
        words(l.note),
      ]),
    ),
    heading('Werkpakketten'),
    table(
      ['Pakket', 'Ploeg', 'Van', 'Tot'],
      doc.pathwayPlacements.map((p) => [p.workPackage, p.team, day(p.fromDate), day(p.toDate)]),
    ),
  ];
}

/** Plan content is stored as the POP module writes it; the PDF shows its own words, goals and actions. */
function planText(content: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const key of ['summary', 'jobTarget', 'dreams', 'workModeReason', 'support'] as const) {
    const value = content[key];
    if (typeof value === 'string' && value.trim()) lines.push(value);
  }
  for (const list of ['goals', 'actions'] as const) {
    const items = content[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const what = (item as { what?: unknown }).what;
      if (typeof what === 'string') lines.push(`${list === 'goals' ? 'Doel' : 'Actie'}: ${what}`);
    }
  }
  return lines.join('\n') || '—';
}

function planSections(doc: ExportDocument): Content[] {
  const plan = doc.developmentPlan;
  return [
    heading('Persoonlijk ontwikkelingsplan (POP)'),
    table(
      ['Versie', 'Stand', 'Afgesproken op', 'Inhoud'],
      plan.versions.map((v) => [String(v.number), v.status, at(v.agreedAt), planText(v.content)]),
    ),
    { text: 'Notities bij doelen', bold: true, margin: [0, 4, 0, 2] },
    table(
      ['Op', 'Door', 'Notitie'],
      plan.goalNotes.map((n) => [at(n.createdAt), words(n.author), n.text]),
    ),
    { text: 'Voorstellen', bold: true, margin: [0, 4, 0, 2] },
    table(
      ['Op', 'Soort', 'Bericht', 'Stand', 'Antwoord'],
      plan.proposals.map((r) => [at(r.createdAt), r.kind, words(r.message), r.status, words(r.reply)]),
    ),
    { text: 'Voorgesteld op', bold: true, margin: [0, 4, 0, 2] },
    table(
      ['Versie', 'Datum', 'Gelegenheid'],
      plan.presentations.map((r) => [String(r.versionNumber), day(r.presentedOn), r.occasion]),
    ),
  ];
}

function sensitiveSections(doc: ExportDocument): Content[] {
  const s = doc.sensitive;
  return [
    heading('Actieplan (PAP)'),
    table(
      ['Levensdomein', 'Stand', 'Wat hindert', 'Eigen kijk', 'Enkel voor begeleiders'],
      s.papDomains.map((d) => [
        d.domain,
        d.status,
        words(d.hinderingFactors),
        words(d.ownView),
        d.staffOnly ? `ja: ${d.staffOnlyReason}` : 'nee',
      ]),
    ),
    table(
      ['Levensdomein', 'Actie', 'Wie', 'Tegen', 'Stand', 'Enkel voor begeleiders'],
      s.papActions.map((a) => [
        a.domain,
        a.what,
        a.ownerName || a.owner,
        day(a.dueDate),
        a.status,
        a.staffOnly ? `ja: ${a.staffOnlyReason}` : 'nee',
      ]),
    ),
    heading('Instrumenten'),
    table(
      ['Instrument', 'Op', 'Resultaten', 'Notitie', 'Bijlagen'],
      s.instrumentResults.map((r) => [
        r.instrument,
        day(r.takenOn),
        r.values.map((v) => `${v.label}: ${v.value ?? '—'}`).join('\n') || '—',
        words(r.note),
        r.attachments.map((a) => a.fileName).join('\n') || '—',
      ]),
    ),
    heading('Toegang tot het gevoelige deel'),
    table(
      ['Soort', 'Wie', 'Reden', 'Van', 'Tot', 'Ingetrokken'],
      s.accessGrants.map((g) => [
        g.kind === 'break_glass' ? 'Noodtoegang' : 'Toegang gegeven',
        words(g.grantee),
        g.reason,
        at(g.startsAt),
        at(g.expiresAt),
        at(g.revokedAt),
      ]),
    ),
  ];
}

export function exportPdfDocument(doc: ExportDocument): TDocumentDefinitions {
  return {
    info: { title: 'Groeipad: alle gegevens', creator: 'Groeipad' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
    },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'right', margin: [0, 10, 36, 0], fontSize: 8 }),
    content: [
      { text: 'Alle gegevens die Groeipad over jou bewaart', style: 'title' },
      {
        text: `${doc.organisation}. Gemaakt op ${at(doc.exportedAt)}.`,
        color: MUTED,
        margin: [0, 0, 0, 8],
      },
      ...participantSection(doc),
      ...dossierSections(doc),
      ...workSections(doc),
      ...planSections(doc),
      ...sensitiveSections(doc),
      heading('Wie je gegevens gebruikte'),
      table(
        ['Wanneer', 'Wie', 'Wat', 'Reden'],
        doc.auditTrail.map((a) => [at(a.at), words(a.actor), a.action, words(a.reason)]),
      ),
    ],
  };
}
