import type { PlannedCareer, PlannedEvent } from './generators/careers';
import { type OrganisationPlan, organisationRecords, referrerRecords } from './generators/organisations';
import type { ParticipantPlan } from './generators/participants';
import { type StaffPlan, staffRecords } from './generators/staff';
import { addDays, Random } from './random';
import { emptyDataset } from './records';
import { addParticipants, bulkOf, type Generated } from './scenario';
import { addWorkfloor, indexPeople } from './workfloor';

/**
 * The demo workplace: one organisation shaped by hand, with invented people and stories, built from the same
 * generators and loaded by the same loader as the scales. Dates count back from the reference date (the demo
 * uses today), so the demo always looks current: someone registered last week, someone on a pause since May.
 */
export const DEMO_SEED = 'demo';
const DOMAIN = 'demo.example.org';

const plan: OrganisationPlan = {
  index: 0,
  name: 'Werkplaats De Brug',
  domain: DOMAIN,
  sites: [
    {
      city: { name: 'Gent', postcode: '9000' },
      teams: [
        { name: 'Renovatie', workDomain: 'renovatie' },
        { name: 'Groen', workDomain: 'groen' },
      ],
    },
    {
      city: { name: 'Antwerpen', postcode: '2000' },
      teams: [
        { name: 'Industrie', workDomain: 'industrie' },
        { name: 'Administratie', workDomain: 'administratie' },
      ],
    },
  ],
};

type TeamKey = 'renovatie' | 'groen' | 'industrie' | 'administratie';
type CoachKey = 'sofie' | 'youssef' | 'katrien';

/** Staff, one login per role at least; the login is the part before @demo.example.org. */
function staffPlans(teamId: (k: TeamKey) => string, siteId: (city: 'Gent' | 'Antwerpen') => string): StaffPlan[] {
  return [
    { role: 'admin', firstName: 'Hilde', lastName: 'Vermeulen', login: 'hilde' },
    { role: 'manager', firstName: 'Marc', lastName: 'De Smet', login: 'marc' },
    { role: 'trainer', firstName: 'Nadia', lastName: 'Benali', login: 'nadia' },
    { role: 'coach', firstName: 'Sofie', lastName: 'Claes', login: 'sofie', siteId: siteId('Gent') },
    { role: 'coach', firstName: 'Youssef', lastName: 'El Amrani', login: 'youssef', siteId: siteId('Gent') },
    { role: 'coach', firstName: 'Katrien', lastName: 'Maes', login: 'katrien', siteId: siteId('Antwerpen') },
    { role: 'supervisor', firstName: 'Dirk', lastName: 'Janssens', login: 'dirk', teamIds: [teamId('renovatie')] },
    { role: 'supervisor', firstName: 'Ilse', lastName: 'Wouters', login: 'ilse', teamIds: [teamId('groen')] },
    { role: 'supervisor', firstName: 'Emre', lastName: 'Kaya', login: 'emre', teamIds: [teamId('industrie')] },
    {
      role: 'supervisor',
      firstName: 'Annelies',
      lastName: 'Goossens',
      login: 'annelies',
      teamIds: [teamId('administratie')],
    },
  ];
}

/** Each story is a path in days after the intake; the notes are what a coach would write, in plain Dutch. */
type Story = (intake: string, team: string, other: string) => PlannedEvent[];
const at = (intake: string, days: number) => addDays(intake, days);

const stories = {
  aangemeld: (i, team) => [
    {
      kind: 'intake',
      date: i,
      teamId: team,
      note: 'Aangemeld door de doorverwijzer. Kennismaking op de werkvloer gepland.',
    },
  ],
  gestart: (i, team) => [
    { kind: 'intake', date: i, teamId: team, note: 'Eerste gesprek. Wil graag met de handen werken.' },
    { kind: 'start', date: at(i, 14), note: 'Start na oriëntatie. Krijgt een vaste collega als peter.' },
  ],
  loopt: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 10), note: 'Eerste werkdag. Goed ontvangen in de ploeg.' },
  ],
  ploegwissel: (i, team, other) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 12), note: 'Start in de ploeg na een week oriëntatie.' },
    {
      kind: 'team_change',
      date: at(i, 150),
      teamId: other,
      note: 'Wil iets anders leren. Overstap naar een andere ploeg.',
    },
  ],
  promotie: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 20), note: 'Start halftijds. Na drie maanden voltijds.' },
    {
      kind: 'promotion',
      date: at(i, 700),
      toRole: 'hulpmeestergast',
      note: 'Wordt hulpmeestergast. Start de ploeg op in de ochtend en toont nieuwe collega’s het werk.',
    },
  ],
  pauze: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 15) },
    { kind: 'pause', date: at(i, 260), note: 'Pauze wegens ziekte. We bellen elke twee weken.' },
  ],
  hervat: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 14) },
    { kind: 'pause', date: at(i, 120), note: 'Pauze na een operatie aan de knie.' },
    { kind: 'resume', date: at(i, 190), note: 'Terug aan het werk na revalidatie. Eerst halve dagen.' },
  ],
  job: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 21) },
    {
      kind: 'exit',
      date: at(i, 540),
      exitDestination: 'regular_job',
      note: 'Vaste job als magazijnier bij een bouwbedrijf.',
    },
  ],
  opleiding: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 14) },
    {
      kind: 'exit',
      date: at(i, 300),
      exitDestination: 'training',
      note: 'Start met de opleiding heftruckchauffeur bij VDAB.',
    },
  ],
  ondersteund: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 10) },
    {
      kind: 'exit',
      date: at(i, 620),
      exitDestination: 'supported_job',
      note: 'Aan de slag in een tuinbedrijf, met hulp van een jobcoach.',
    },
  ],
  uitval: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 14) },
    { kind: 'pause', date: at(i, 90), note: 'Komt niet meer opdagen. We zoeken contact.' },
    { kind: 'exit', date: at(i, 130), exitDestination: 'drop_out', note: 'Brief en telefoon bleven zonder antwoord.' },
  ],
  vrijwilliger: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 30), note: 'Start drie halve dagen per week.' },
    {
      kind: 'exit',
      date: at(i, 400),
      exitDestination: 'volunteer_work',
      note: 'Helpt nu als vrijwilliger in het buurtrestaurant.',
    },
  ],
  herstart: (i, team) => [
    { kind: 'intake', date: i, teamId: team },
    { kind: 'start', date: at(i, 14) },
    { kind: 'exit', date: at(i, 200), exitDestination: 'other_programme', note: 'Eerst een traject bij het CAW.' },
    { kind: 'start', date: at(i, 420), note: 'Opnieuw gestart na het traject bij het CAW.' },
  ],
} satisfies Record<string, Story>;

type StoryKey = keyof typeof stories;

interface Person {
  first: string;
  last: string;
  born: string;
  team: TeamKey;
  coach: CoachKey | [CoachKey, CoachKey];
  story: StoryKey;
  /** Days between the intake and the reference date. */
  ago: number;
  programme?: 'maatwerk' | 'activering' | 'arbeidszorg';
  /** Index in the referrer list: 0 VDAB, 1 OCMW Gent, 2 OCMW Antwerpen, 3 CAW Gent, 4 De Sleutel, 5 MSOC, 6 GTB, 7 CGG. */
  referrer?: number;
  archived?: boolean;
  username?: string;
  indication?: 'pmah' | 'pmp';
  stakeholder?: [string, string, boolean];
  consent?: boolean;
}

// biome-ignore format: one person per line reads as a table
const people: Person[] = [
  { first: 'Yusuf', last: 'Demir', born: '1994-03-12', team: 'industrie', coach: 'katrien', story: 'ploegwissel', ago: 420, referrer: 0, username: 'yusuf.demir', indication: 'pmah', consent: true },
  { first: 'Lotte', last: 'Peeters', born: '1999-08-30', team: 'groen', coach: 'sofie', story: 'loopt', ago: 200, referrer: 1, username: 'lotte.peeters', indication: 'pmah', stakeholder: ['Rita Peeters', 'moeder', true], consent: true },
  { first: 'Koen', last: 'Van Damme', born: '1978-11-02', team: 'renovatie', coach: 'sofie', story: 'promotie', ago: 1300, referrer: 0, indication: 'pmp' },
  { first: 'Fatima', last: 'Bouzid', born: '1986-01-21', team: 'administratie', coach: 'katrien', story: 'gestart', ago: 30, referrer: 2, indication: 'pmah', consent: true },
  { first: 'Piotr', last: 'Kowalski', born: '1981-06-14', team: 'renovatie', coach: 'youssef', story: 'job', ago: 900, referrer: 0, indication: 'pmah' },
  { first: 'Grace', last: 'Mbuyi', born: '1990-09-09', team: 'groen', coach: 'sofie', story: 'aangemeld', ago: 6, referrer: 3 },
  { first: 'Jonas', last: 'De Backer', born: '2001-04-18', team: 'groen', coach: 'youssef', story: 'hervat', ago: 380, referrer: 4, programme: 'activering', indication: 'pmah', stakeholder: ['Luc De Backer', 'vader', false], consent: true },
  { first: 'Samira', last: 'El Idrissi', born: '1983-12-05', team: 'administratie', coach: 'katrien', story: 'promotie', ago: 1100, referrer: 2, indication: 'pmp' },
  { first: 'Ahmad', last: 'Rahimi', born: '1997-02-27', team: 'industrie', coach: 'katrien', story: 'loopt', ago: 160, referrer: 2, programme: 'activering', indication: 'pmah', stakeholder: ['Shabnam Rahimi', 'zus', true] },
  { first: 'Els', last: 'Mertens', born: '1969-07-07', team: 'groen', coach: 'sofie', story: 'vrijwilliger', ago: 700, programme: 'arbeidszorg', referrer: 7, indication: 'pmp' },
  { first: 'Mehmet', last: 'Yıldız', born: '1975-05-23', team: 'renovatie', coach: ['youssef', 'sofie'], story: 'pauze', ago: 300, referrer: 0, indication: 'pmah', stakeholder: ['Ayşe Yıldız', 'partner', true], consent: true },
  { first: 'Bart', last: 'Willems', born: '1988-10-10', team: 'renovatie', coach: 'sofie', story: 'uitval', ago: 560, referrer: 5, programme: 'activering', archived: true },
  { first: 'Ioana', last: 'Popescu', born: '1992-01-30', team: 'industrie', coach: 'katrien', story: 'opleiding', ago: 420, referrer: 0, programme: 'activering', indication: 'pmah' },
  { first: 'Junior', last: 'Kabongo', born: '2000-12-01', team: 'renovatie', coach: 'youssef', story: 'gestart', ago: 25, referrer: 1, indication: 'pmah', consent: true },
  { first: 'Martine', last: 'Aerts', born: '1966-03-03', team: 'administratie', coach: 'katrien', story: 'loopt', ago: 1500, programme: 'arbeidszorg', referrer: 7, indication: 'pmp', stakeholder: ['Patrick Lenaerts', 'bewindvoerder', true] },
  { first: 'Omar', last: 'Haddad', born: '1995-08-08', team: 'groen', coach: 'youssef', story: 'ploegwissel', ago: 330, referrer: 3, indication: 'pmah', consent: true },
  { first: 'Stijn', last: 'Claeys', born: '1984-04-04', team: 'renovatie', coach: 'sofie', story: 'herstart', ago: 640, referrer: 4, indication: 'pmah', stakeholder: ['An Claeys', 'zus', true], consent: true },
  { first: 'Meryem', last: 'Tahiri', born: '1998-06-16', team: 'administratie', coach: 'katrien', story: 'hervat', ago: 260, referrer: 2, indication: 'pmah' },
  { first: 'Dawit', last: 'Haile', born: '1993-09-19', team: 'industrie', coach: 'katrien', story: 'gestart', ago: 40, referrer: 0, programme: 'activering' },
  { first: 'Nathalie', last: 'Verstraete', born: '1979-02-11', team: 'groen', coach: 'sofie', story: 'ondersteund', ago: 1000, referrer: 0, indication: 'pmp', archived: true },
  { first: 'Giuseppe', last: 'Russo', born: '1971-11-28', team: 'industrie', coach: 'katrien', story: 'promotie', ago: 1700, referrer: 0, indication: 'pmp' },
  { first: 'Wout', last: 'Lambrecht', born: '2002-07-01', team: 'renovatie', coach: 'youssef', story: 'aangemeld', ago: 3, referrer: 0, programme: 'activering' },
  { first: 'Zeynep', last: 'Aydın', born: '1991-05-05', team: 'administratie', coach: 'katrien', story: 'job', ago: 800, referrer: 2, indication: 'pmah', consent: true },
  { first: 'Glenn', last: 'Desmet', born: '1987-03-17', team: 'groen', coach: 'sofie', story: 'pauze', ago: 290, referrer: 6, indication: 'pmah' },
  { first: 'Blaise', last: 'Mukendi', born: '1989-10-22', team: 'industrie', coach: 'katrien', story: 'loopt', ago: 520, referrer: 2, indication: 'pmah', consent: true },
  { first: 'Katarzyna', last: 'Nowak', born: '1985-08-13', team: 'administratie', coach: 'katrien', story: 'ploegwissel', ago: 450, referrer: 0, indication: 'pmah' },
  { first: 'Rachid', last: 'Chaouki', born: '1977-01-09', team: 'renovatie', coach: 'youssef', story: 'loopt', ago: 800, referrer: 1, indication: 'pmp', stakeholder: ['Naima Chaouki', 'partner', true] },
  { first: 'Leen', last: 'Cools', born: '1996-12-24', team: 'groen', coach: 'sofie', story: 'opleiding', ago: 380, referrer: 0, programme: 'activering' },
  { first: 'Tomasz', last: 'Wójcik', born: '1990-04-27', team: 'industrie', coach: ['katrien', 'youssef'], story: 'uitval', ago: 300, referrer: 0, programme: 'activering' },
  { first: 'Nour', last: 'Khalil', born: '2003-02-02', team: 'administratie', coach: 'katrien', story: 'aangemeld', ago: 9, referrer: 2, programme: 'activering' },
  { first: 'Rudi', last: 'Coppens', born: '1968-09-15', team: 'groen', coach: 'youssef', story: 'loopt', ago: 1800, programme: 'arbeidszorg', referrer: 7, indication: 'pmp', stakeholder: ['Linda Coppens', 'zus', false] },
  { first: 'Hamza', last: 'Ouali', born: '1999-11-11', team: 'renovatie', coach: 'sofie', story: 'hervat', ago: 350, referrer: 5, indication: 'pmah', consent: true },
  { first: 'Senait', last: 'Tesfamariam', born: '1994-07-21', team: 'industrie', coach: 'katrien', story: 'gestart', ago: 60, referrer: 3, programme: 'activering', indication: 'pmah' },
  { first: 'Kevin', last: 'Smets', born: '1992-06-06', team: 'renovatie', coach: 'youssef', story: 'job', ago: 1500, referrer: 0, indication: 'pmah', archived: true },
  { first: 'Elena', last: 'Dumitru', born: '1983-03-25', team: 'administratie', coach: 'katrien', story: 'loopt', ago: 240, referrer: 0, indication: 'pmah' },
  { first: 'Ruben', last: 'Hermans', born: '2000-01-14', team: 'groen', coach: 'sofie', story: 'ploegwissel', ago: 280, referrer: 1, programme: 'activering', consent: true },
  { first: 'Jean-Pierre', last: 'Ilunga', born: '1974-10-30', team: 'industrie', coach: 'katrien', story: 'ondersteund', ago: 900, referrer: 0, indication: 'pmp' },
  { first: 'Hafsa', last: 'Amrani', born: '1997-09-03', team: 'groen', coach: 'youssef', story: 'loopt', ago: 120, referrer: 4, indication: 'pmah', stakeholder: ['Latifa Amrani', 'moeder', true], consent: true },
  { first: 'Manuel', last: 'Santos', born: '1982-12-19', team: 'renovatie', coach: 'sofie', story: 'pauze', ago: 600, referrer: 0, indication: 'pmah' },
  { first: 'Veerle', last: 'Van Acker', born: '1980-05-29', team: 'administratie', coach: 'katrien', story: 'vrijwilliger', ago: 1200, programme: 'arbeidszorg', referrer: 7, indication: 'pmp', archived: true },
];

/** The demo organisation as a data set, histories ending on the reference date. Pure like generateScale. */
export function generateDemo(referenceDate: string): Generated {
  const random = new Random(DEMO_SEED, 'demo');
  const createdOn = addDays(referenceDate, -2000);
  const built = organisationRecords(DEMO_SEED, plan, createdOn);
  const teamId = (k: TeamKey) => {
    const team = built.teams.find((t) => t.workDomain === k);
    if (!team) throw new Error(`demo team ${k} missing`);
    return team.id;
  };
  const siteId = (city: 'Gent' | 'Antwerpen') => built.sites.find((s) => s.name === city)?.id as string;
  const { staff, teamSupervisors } = staffRecords(DEMO_SEED, built, staffPlans(teamId, siteId), createdOn);
  const coachId = (k: CoachKey) => staff.find((s) => s.user.email === `${k}@${DOMAIN}`)?.user.id as string;
  const referrers = referrerRecords(DEMO_SEED, random, built, createdOn);
  // Moves stay on the site: renovatie ↔ groen in Gent, industrie ↔ administratie in Antwerpen.
  const otherTeam: Record<TeamKey, TeamKey> = {
    renovatie: 'groen',
    groen: 'renovatie',
    industrie: 'administratie',
    administratie: 'industrie',
  };

  const plans: ParticipantPlan[] = people.map((p) => {
    const intake = addDays(referenceDate, -p.ago);
    const events = stories[p.story](intake, teamId(p.team), teamId(otherTeam[p.team]));
    const late = events.find((e) => e.date > referenceDate);
    if (late) throw new Error(`demo story ${p.story} of ${p.first} runs past the reference date: increase ago`);
    const last = events.at(-1) as PlannedEvent;
    const career: PlannedCareer = { events, archivedOn: p.archived ? addDays(last.date, 30) : undefined };
    if (career.archivedOn && career.archivedOn > referenceDate) career.archivedOn = referenceDate;
    const coaches = Array.isArray(p.coach) ? p.coach : [p.coach];
    const referrer = p.referrer === undefined ? undefined : referrers[p.referrer];
    const slugName = `${p.first}.${p.last}`.toLowerCase().replace(/[^a-z]+/g, '.');
    return {
      firstName: p.first,
      lastName: p.last,
      dateOfBirth: p.born,
      email: random.chance(0.6) ? `${slugName}@example.com` : undefined,
      phone: `04${random.int(70, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      address: `${random.pick(['Kerkstraat', 'Molenstraat', 'Stationsstraat', 'Kapelstraat'])} ${random.int(1, 90)}, ${
        p.team === 'renovatie' || p.team === 'groen' ? '9000 Gent' : '2000 Antwerpen'
      }`,
      programmeType: p.programme ?? 'maatwerk',
      referrerId: referrer?.id,
      referrerContact: referrer
        ? `${random.pick(['Sarah', 'Tom', 'Ellen', 'Karim', 'Sylvie'])} (trajectbegeleider)`
        : undefined,
      coachIds: coaches.map(coachId),
      career,
      indications: p.indication
        ? [
            {
              type: p.indication,
              supportLevel: p.indication === 'pmp' ? 'high' : 'medium',
              validFrom: addDays(intake, -30),
              validUntil: addDays(intake, 3 * 365),
            },
          ]
        : [],
      stakeholders: p.stakeholder
        ? [
            {
              name: p.stakeholder[0],
              relation: p.stakeholder[1],
              contact: '0476 12 34 56',
              mayBeInvolved: p.stakeholder[2],
            },
          ]
        : [],
      consents: p.consent ? [{ granted: true, recordedOn: intake }] : [],
      username: p.username,
    };
  });

  const dataset = emptyDataset();
  dataset.organisations.push(built.organisation);
  dataset.sites.push(...built.sites.map(({ city: _city, ...site }) => site));
  dataset.teams.push(...built.teams);
  dataset.users.push(...staff.map((s) => s.user));
  dataset.teamSupervisors.push(...teamSupervisors);
  dataset.referrers.push(...referrers);
  addParticipants(dataset, DEMO_SEED, built, plans);

  // The workfloor of the last ten months: observations, feedback and ILUO levels. Ahmad is on an internship right
  // now (his mentor scores him through a link); Rachid's feedback conversation is overdue, everyone else's is not.
  const idOf = (first: string) => dataset.participants.find((p) => p.firstName === first)?.id;
  const intern = idOf('Ahmad');
  const overdue = idOf('Rachid');
  // Yusuf and Lotte log in themselves: their POP has an agreed version, a draft with a change, their proposals
  // (one open, one accepted into the draft, one to talk about), ticked-off actions and a team meeting they presented
  // it at, so every POP screen and the participant portal show something. Everyone else's POP history is drawn.
  const fullPlan = new Set([idOf('Yusuf'), idOf('Lotte')]);
  const dossiers = indexPeople(dataset).get(built.organisation.id);
  if (!intern || !overdue || !dossiers) throw new Error('demo people missing');
  const workfloor = addWorkfloor(
    dataset,
    DEMO_SEED,
    { built, staff, people: dossiers, createdOn, referenceDate },
    {
      historyFrom: addDays(referenceDate, -300),
      internshipOf: (id) =>
        id === intern ? { from: addDays(referenceDate, -24), to: referenceDate, host: 'Logistiek Vandamme' } : null,
      overdueOf: (id) => id === overdue,
      planOf: (id) => (fullPlan.has(id) ? { draft: true, proposals: true, ticked: true, presented: true } : undefined),
    },
  );
  const organisations = [{ built, staff, workfloor }];
  return { dataset, organisations, referenceDate, bulk: bulkOf(organisations) };
}
