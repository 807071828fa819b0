import type { ReferrerKind } from '#shared/referrers';
import { addDays, type Random, slug, stableId, timestampOn } from '../random';
import type { OrganisationRecord, ReferrerRecord, SiteRecord, TeamRecord } from '../records';
import type { Scale } from '../scales';

export interface City {
  name: string;
  postcode: string;
}

// biome-ignore format: a table of towns reads better packed
export const cities: readonly City[] = [
  { name: 'Gent', postcode: '9000' }, { name: 'Antwerpen', postcode: '2000' }, { name: 'Brugge', postcode: '8000' },
  { name: 'Leuven', postcode: '3000' }, { name: 'Hasselt', postcode: '3500' }, { name: 'Mechelen', postcode: '2800' },
  { name: 'Kortrijk', postcode: '8500' }, { name: 'Aalst', postcode: '9300' }, { name: 'Genk', postcode: '3600' },
  { name: 'Oostende', postcode: '8400' }, { name: 'Sint-Niklaas', postcode: '9100' }, { name: 'Roeselare', postcode: '8800' },
  { name: 'Turnhout', postcode: '2300' }, { name: 'Dendermonde', postcode: '9200' }, { name: 'Geel', postcode: '2440' },
  { name: 'Lier', postcode: '2500' }, { name: 'Ieper', postcode: '8900' }, { name: 'Vilvoorde', postcode: '1800' },
  { name: 'Tienen', postcode: '3300' }, { name: 'Lokeren', postcode: '9160' }, { name: 'Ronse', postcode: '9600' },
  { name: 'Lommel', postcode: '3920' }, { name: 'Herentals', postcode: '2200' }, { name: 'Waregem', postcode: '8790' },
];

const organisationForms = ['Maatwerkbedrijf', 'Sociale Werkplaats', 'Werkplaats', 'Werkbedrijf', 'Atelier'];
// biome-ignore format: word list
const organisationNames = [
  'De Brug', 'Het Anker', 'Groeikracht', 'De Kringwerf', 'Nieuwe Kansen', 'Vlasbloem', 'De Schakel', 'Den Azalee',
  'De Ploeg', 'Het Veer', 'Handwerk', 'De Wissel', 'Opstap', 'De Vonk', 'Het Spoor', 'Zonnewerf', 'De Beuk',
  'Samenwerk', 'De Ladder', 'Het Gareel', 'Ambacht', 'De Draad', 'Werkhaven', 'De Stek',
];

/** Work domains (the first four are the app's defaults) and how a team of each is named. */
export const workDomains = ['renovatie', 'groen', 'industrie', 'administratie', 'schoonmaak', 'kringwinkel', 'keuken'];
const teamLabel = (domain: string) => domain.charAt(0).toUpperCase() + domain.slice(1);

/** The shape of one organisation before ids: drawn for a scale, or written by hand for the demo. */
export interface OrganisationPlan {
  index: number;
  name: string;
  /** For staff e-mail addresses: unique over the data set. */
  domain: string;
  sites: { city: City; teams: { name: string; workDomain: string }[] }[];
}

export function planOrganisations(random: Random, scale: Scale): OrganisationPlan[] {
  const names = random.sample(organisationNames, scale.organisations);
  return Array.from({ length: scale.organisations }, (_, index) => {
    const name = `${random.pick(organisationForms)} ${names[index] ?? `Nummer ${index + 1}`}`;
    const siteCities = random.sample(cities, random.int(scale.sites[0], scale.sites[1]));
    const multiSite = siteCities.length > 1;
    return {
      index,
      name,
      domain: `${slug(name, '-')}.example.org`,
      sites: siteCities.map((city) => ({
        city,
        teams: random.sample(workDomains, random.int(scale.teamsPerSite[0], scale.teamsPerSite[1])).map((d) => ({
          name: multiSite ? `${teamLabel(d)} ${city.name}` : teamLabel(d),
          workDomain: d,
        })),
      })),
    };
  });
}

export interface BuiltOrganisation {
  plan: OrganisationPlan;
  organisation: OrganisationRecord;
  sites: (SiteRecord & { city: City })[];
  teams: TeamRecord[];
}

/** The organisation exists from before the oldest history the data set holds. */
export function organisationRecords(
  seed: number | string,
  plan: OrganisationPlan,
  createdOn: string,
): BuiltOrganisation {
  const organisationId = stableId(seed, 'organisation', plan.index);
  const createdAt = timestampOn(createdOn);
  const sites = plan.sites.map((s, i) => ({
    id: stableId(seed, 'site', plan.index, i),
    organisationId,
    name: s.city.name,
    address: `Industrieweg ${10 + i * 7}, ${s.city.postcode} ${s.city.name}`,
    createdAt,
    city: s.city,
  }));
  const teams = plan.sites.flatMap((s, i) =>
    s.teams.map((t, j) => ({
      id: stableId(seed, 'team', plan.index, i, j),
      organisationId,
      siteId: (sites[i] as SiteRecord).id,
      name: t.name,
      workDomain: t.workDomain,
      createdAt,
    })),
  );
  return { plan, organisation: { id: organisationId, name: plan.name, createdAt }, sites, teams };
}

/**
 * The managed list of referrers (doorverwijzers): the public employment service, the social welfare centres of
 * the organisation's towns, general welfare work, addiction care and a few others.
 */
export function referrerRecords(
  seed: number | string,
  random: Random,
  built: BuiltOrganisation,
  createdOn: string,
): ReferrerRecord[] {
  const towns = built.sites.map((s) => s.city.name);
  const list: [string, ReferrerKind][] = [
    ['VDAB', 'vdab'],
    ...towns.map((t): [string, ReferrerKind] => [`OCMW ${t}`, 'ocmw_cpas']),
    [`CAW ${towns[0]}`, 'caw'],
    ['De Sleutel', 'addiction_care'],
    ['MSOC', 'addiction_care'],
    ['GTB', 'other'],
    ['CGG', 'other'],
  ];
  return list.map(([name, kind], i) => {
    const domain = `${slug(name, '-')}.example.net`;
    return {
      id: stableId(seed, 'referrer', built.plan.index, i),
      organisationId: built.organisation.id,
      name,
      kind,
      email: random.chance(0.7) ? `info@${domain}` : null,
      phone: random.chance(0.6)
        ? `0${random.int(2, 9)} ${random.int(200, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`
        : null,
      createdAt: timestampOn(addDays(createdOn, i)),
    };
  });
}
