import type { Role } from '#shared/common';
import type { Db } from '../../server/db/client';
import { addAction, saveDomain } from '../../server/modules/action-plans/write';
import type { RequestContext } from '../../server/modules/audit/record';
import { listDefinitions } from '../../server/modules/instruments/definitions';
import { createResult } from '../../server/modules/instruments/results';
import { createPackage } from '../../server/modules/pathways/packages';
import { placeParticipant } from '../../server/modules/pathways/position';
import { type LoadCounts, type LoadOptions, loadDataset } from './load';
import { addDays } from './random';
import type { Dataset, UserRecord } from './records';
import type { Generated } from './scenario';

/**
 * The parts of the demo that are made through the services a person would use, after the dataset is loaded: the
 * pathway map of every team with every working participant placed on it, and the sensitive compartment (PAP and
 * instrument results) of a few participants. Through the services, so every rule holds (the timeline, the
 * compartment's need-to-know) and the audit log shows who did it, as it would after a coach's week.
 */

type TeamKey = 'renovatie' | 'groen' | 'industrie' | 'administratie';

interface PackagePlan {
  name: string;
  workMode: 'uitvoerend' | 'inzichtelijk';
  description: string;
}

/** Three steps per team, from working alongside someone to working on one's own. */
const packagesByTeam: Record<TeamKey, [PackagePlan, PackagePlan, PackagePlan]> = {
  renovatie: [
    {
      name: 'Afbraak en opruimen',
      workMode: 'uitvoerend',
      description: 'Afbreken, puin ruimen en materiaal dragen. Altijd samen met een collega.',
    },
    {
      name: 'Schilderen en plamuren',
      workMode: 'uitvoerend',
      description: 'Muren voorbereiden, plamuren en schilderen zoals afgesproken.',
    },
    {
      name: 'Een kamer zelf afwerken',
      workMode: 'inzichtelijk',
      description: 'Zelf plannen wat eerst moet. De meestergast kijkt op het einde na.',
    },
  ],
  groen: [
    { name: 'Maaien en ruimen', workMode: 'uitvoerend', description: 'Gras maaien, bladeren ruimen, afval sorteren.' },
    {
      name: 'Snoeien en planten',
      workMode: 'uitvoerend',
      description: 'Hagen snoeien en planten zetten volgens het plan van de dag.',
    },
    {
      name: 'Een site onderhouden',
      workMode: 'inzichtelijk',
      description: 'Zelf zien wat een site nodig heeft en het werk met een collega verdelen.',
    },
  ],
  industrie: [
    {
      name: 'Inpakken en sorteren',
      workMode: 'uitvoerend',
      description: 'Producten tellen, inpakken en klaarzetten voor de klant.',
    },
    {
      name: 'Machine bedienen',
      workMode: 'uitvoerend',
      description: 'Een machine instellen en bedienen, met de veiligheidsregels.',
    },
    {
      name: 'Kwaliteitscontrole',
      workMode: 'inzichtelijk',
      description: 'Nakijken of een order klopt en fouten zelf melden en oplossen.',
    },
  ],
  administratie: [
    { name: 'Post en archief', workMode: 'uitvoerend', description: 'Post sorteren, scannen en archiveren.' },
    {
      name: 'Onthaal en telefoon',
      workMode: 'inzichtelijk',
      description: 'Bezoekers ontvangen, de telefoon opnemen en berichten doorgeven.',
    },
    {
      name: 'Administratie zelfstandig',
      workMode: 'inzichtelijk',
      description: 'Facturen en dossiers zelf afwerken, met een vaste collega voor vragen.',
    },
  ],
};

/** What each step asks, on the default framework's scale (1–4), growing step by step. */
const competenciesByStep: { competencyKey: string; level: number }[][] = [
  [
    { competencyKey: 'stiptheid_aanwezigheid', level: 2 },
    { competencyKey: 'veilig_werken', level: 2 },
  ],
  [
    { competencyKey: 'stiptheid_aanwezigheid', level: 3 },
    { competencyKey: 'samenwerken', level: 3 },
    { competencyKey: 'zorgvuldigheid', level: 3 },
  ],
  [
    { competencyKey: 'zelfstandig_werken', level: 3 },
    { competencyKey: 'initiatief', level: 3 },
    { competencyKey: 'communicatie', level: 3 },
  ],
];

const ctxOf = (u: UserRecord): RequestContext => ({
  actor: { id: u.id as string, name: u.name, role: u.role as Role, organisationId: u.organisationId },
});

export interface DemoServiceSummary {
  packages: number;
  placements: number;
  papDomains: number;
  papActions: number;
  instrumentResults: number;
}

export async function addDemoThroughServices(
  db: Db,
  dataset: Dataset,
  referenceDate: string,
  compartmentOf: readonly string[],
): Promise<DemoServiceSummary> {
  const summary: DemoServiceSummary = {
    packages: 0,
    placements: 0,
    papDomains: 0,
    papActions: 0,
    instrumentResults: 0,
  };
  const users = new Map(dataset.users.map((u) => [u.id as string, u]));
  const admin = dataset.users.find((u) => u.role === 'admin');
  if (!admin) throw new Error('the demo has no admin');
  const adminCtx = ctxOf(admin);
  const hulpmeestergast = dataset.jobProfiles.find((j) => j.name === 'Hulpmeestergast');

  // The map of every team: step 3 first, so the steps before it can lead to it.
  const packagesOfTeam = new Map<string, string[]>();
  for (const team of dataset.teams) {
    const plans = packagesByTeam[team.workDomain as TeamKey];
    if (!plans) continue;
    const skills = dataset.skills.filter((s) => s.teamId === team.id).map((s) => s.id as string);
    const ids: string[] = [];
    for (let step = 3; step >= 1; step--) {
      const plan = plans[step - 1] as PackagePlan;
      const nextSteps =
        step === 3
          ? [
              ...(hulpmeestergast
                ? [{ kind: 'job_profile' as const, jobProfileId: hulpmeestergast.id as string }]
                : []),
              { kind: 'outflow' as const, exitDestination: 'regular_job' },
            ]
          : [
              { kind: 'package' as const, packageId: ids[0] as string },
              ...(step === 2 ? [{ kind: 'outflow' as const, exitDestination: 'supported_job' }] : []),
            ];
      const created = await createPackage(db, adminCtx, {
        teamId: team.id as string,
        name: plan.name,
        step,
        workMode: plan.workMode,
        description: plan.description,
        competencies: competenciesByStep[step - 1] ?? [],
        // Two skills of the team per step, at L on the first step and U after it.
        skills: skills.slice((step - 1) * 2, step * 2).map((skillId) => ({ skillId, level: step === 1 ? 2 : 3 })),
        nextSteps,
      });
      ids.unshift(created.id);
      summary.packages++;
    }
    packagesOfTeam.set(team.id as string, ids);
  }

  // Everyone at work is placed by their coach: on the first step from their start (or their move to this team), and
  // a step further after every five months there, up to the third.
  const coachOf = new Map<string, UserRecord>();
  for (const pc of dataset.participantCoaches) {
    const coach = users.get(pc.userId);
    if (coach && !coachOf.has(pc.participantId)) coachOf.set(pc.participantId, coach);
  }
  for (const p of dataset.participants) {
    if ((p.status !== 'active' && p.status !== 'paused') || !p.startDate || !p.teamId || p.archivedAt) continue;
    const ids = packagesOfTeam.get(p.teamId);
    const coach = coachOf.get(p.id as string);
    if (!ids || !coach) continue;
    const joined = dataset.careerEvents
      .filter((e) => e.participantId === p.id && e.kind === 'team_change' && e.teamId === p.teamId)
      .map((e) => e.date)
      .sort()
      .at(-1);
    let from = joined && joined > p.startDate ? joined : p.startDate;
    for (const [i, packageId] of ids.entries()) {
      if (from > referenceDate) break;
      await placeParticipant(db, ctxOf(coach), p.id as string, {
        packageId,
        fromDate: from,
        note: i === 0 ? 'Start op de eerste stap.' : 'Klaar voor de volgende stap, besproken in het feedbackgesprek.',
      });
      summary.placements++;
      from = addDays(from, 150);
    }
  }

  // The compartment of a few participants, written by their coach after the intake interviews.
  const definitions = await listDefinitions(db, adminCtx);
  const asi = definitions.find((d) => d.kind === 'asi' && d.builtIn);
  const bps = definitions.find((d) => d.kind === 'bps' && d.builtIn);
  for (const [n, participantId] of compartmentOf.entries()) {
    const p = dataset.participants.find((x) => x.id === participantId);
    const coach = coachOf.get(participantId);
    if (!p?.startDate || !coach) throw new Error('a demo compartment needs a started participant with a coach');
    const ctx = ctxOf(coach);
    const domains: [string, 'no_concern' | 'attention' | 'hindering', string, string][] = [
      [
        'work_income',
        'attention',
        'Schulden bij de energieleverancier. Loon gaat naar een budgetbeheerder.',
        'Ik wil mijn schulden zelf leren regelen.',
      ],
      ['physical_health', 'no_concern', '', 'Ik voel me goed. Ik sport twee keer per week.'],
      [
        'family_social',
        n === 0 ? 'hindering' : 'attention',
        'Weinig mensen om op terug te vallen buiten het werk.',
        'Mijn collega’s zijn nu mijn vrienden.',
      ],
    ];
    for (const [code, status, hinderingFactors, ownView] of domains) {
      await saveDomain(db, ctx, participantId, code, {
        status,
        hinderingFactors,
        ownView,
        staffOnly: false,
        staffOnlyReason: '',
        revision: 0,
      });
      summary.papDomains++;
    }
    // One item the coach keeps for the team for now, with the reason the participant would see it is held back for.
    await saveDomain(db, ctx, participantId, 'justice', {
      status: 'attention',
      hinderingFactors: 'Een lopende zaak bij de vrederechter.',
      ownView: '',
      staffOnly: true,
      staffOnlyReason: 'Eerst samen bespreken met de advocaat.',
      revision: 0,
    });
    summary.papDomains++;
    const actions = [
      {
        domainCode: 'work_income',
        what: 'Afspraak maken bij het OCMW over de budgetbegeleiding',
        owner: 'participant' as const,
        dueDate: addDays(referenceDate, 14),
      },
      {
        domainCode: 'work_income',
        what: 'Samen de brieven van de schuldeiser overlopen',
        owner: 'coach' as const,
        dueDate: addDays(referenceDate, 7),
      },
      {
        domainCode: 'family_social',
        what: 'Eens meegaan naar de wandelclub van de buurt',
        owner: 'participant' as const,
        dueDate: addDays(referenceDate, 30),
      },
    ];
    for (const action of actions) {
      await addAction(db, ctx, participantId, { ...action, ownerName: '', staffOnly: false, staffOnlyReason: '' });
      summary.papActions++;
    }
    const takenOn = addDays(p.startDate, 10) < referenceDate ? addDays(p.startDate, 10) : referenceDate;
    if (asi) {
      const severities = [2, 5, 1, 0, 3, 6, 2];
      const values: Record<string, number> = {};
      for (const [i, area] of [
        'medical',
        'employment',
        'alcohol',
        'drugs',
        'legal',
        'family',
        'psychiatric',
      ].entries()) {
        values[`${area}_severity`] = severities[i] ?? 0;
        values[`${area}_composite`] = Math.round(((severities[i] ?? 0) / 9) * 0.8 * 100) / 100;
      }
      await createResult(db, ctx, participantId, {
        definitionId: asi.id,
        takenOn,
        values,
        note: 'Afgenomen bij de intake.',
      });
      summary.instrumentResults++;
    }
    if (bps) {
      await createResult(db, ctx, participantId, {
        definitionId: bps.id,
        takenOn,
        values: {
          work_attitude: 4,
          physical_capacity: 3,
          social_skills: 3,
          learning: 4,
          self_reliance: 2,
          conclusion: 'Gemotiveerd. Heeft steun nodig bij papieren.',
        },
        note: '',
      });
      summary.instrumentResults++;
    }
  }
  return summary;
}

/**
 * The demo as `npm run demo` builds it: the generated dataset loaded, then the pathway maps and the compartments of
 * Yusuf and Lotte (the two who log in themselves) made through the services.
 */
export async function loadDemo(
  db: Db,
  generated: Generated,
  options: Omit<LoadOptions, 'bulk'>,
): Promise<{ loaded: LoadCounts; services: DemoServiceSummary }> {
  const loaded = await loadDataset(db, generated.dataset, { ...options, bulk: generated.bulk });
  const idOf = (first: string) => generated.dataset.participants.find((p) => p.firstName === first)?.id as string;
  const services = await addDemoThroughServices(db, generated.dataset, generated.referenceDate, [
    idOf('Yusuf'),
    idOf('Lotte'),
  ]);
  return { loaded, services };
}
