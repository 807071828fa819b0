import type { ParseKeys } from 'i18next';
import type { Role } from '#shared/common';
import { type NavItem, navItemsFor } from './navigation';

type To = NavItem['to'];

/** The counting cards of the home page; each leads to its own list. */
export type HomeCard = 'feedbackDue' | 'popCompliance';

/** Which pictogram a tile shows (web/features/shell/HomeIcons.tsx). */
export type HomeIcon = 'observe' | 'participants' | 'heatmap' | 'iluo' | 'counts' | 'users' | 'teams' | 'competencies';

export interface HomeTile {
  to: To;
  title: ParseKeys;
  /** One short sentence: why you would open it. */
  text: ParseKeys;
  icon: HomeIcon;
  /** One tile per team the user leads, that team already chosen; the ILUO matrix keeps its team in the URL. */
  perLedTeam?: boolean;
}

export interface HomePlan {
  intro: ParseKeys | null;
  /** The one thing this role does most: a big button above everything else. */
  primary: HomeTile | null;
  cards: HomeCard[];
  links: HomeTile[];
}

const tiles = {
  observe: {
    to: '/observaties/nieuw',
    title: 'home.tiles.observe.title',
    text: 'home.tiles.observe.text',
    icon: 'observe',
  },
  caseload: {
    to: '/deelnemers',
    title: 'home.tiles.caseload.title',
    text: 'home.tiles.caseload.text',
    icon: 'participants',
  },
  participants: {
    to: '/deelnemers',
    title: 'home.tiles.participants.title',
    text: 'home.tiles.participants.text',
    icon: 'participants',
  },
  heatmap: {
    to: '/teamoverzicht',
    title: 'home.tiles.heatmap.title',
    text: 'home.tiles.heatmap.text',
    icon: 'heatmap',
  },
  iluo: { to: '/iluo', title: 'home.tiles.iluo.title', text: 'home.tiles.iluo.text', icon: 'iluo' },
  sensitiveCounts: {
    to: '/overzicht/gevoelig',
    title: 'home.tiles.sensitiveCounts.title',
    text: 'home.tiles.sensitiveCounts.text',
    icon: 'counts',
  },
  usersRead: {
    to: '/gebruikers',
    title: 'home.tiles.usersRead.title',
    text: 'home.tiles.usersRead.text',
    icon: 'users',
  },
  users: { to: '/gebruikers', title: 'home.tiles.users.title', text: 'home.tiles.users.text', icon: 'users' },
  teams: { to: '/ploegen', title: 'home.tiles.teams.title', text: 'home.tiles.teams.text', icon: 'teams' },
  competencies: {
    to: '/competenties',
    title: 'home.tiles.competencies.title',
    text: 'home.tiles.competencies.text',
    icon: 'competencies',
  },
} as const satisfies Record<string, HomeTile>;

/** The list each card leads to: a card is shown only to whom may open that list. */
export const cardTarget = { feedbackDue: '/feedback', popCompliance: '/pop-opvolging' } as const satisfies Record<
  HomeCard,
  To
>;

interface Wish {
  intro: ParseKeys;
  primary?: HomeTile;
  cards?: HomeCard[];
  links?: HomeTile[];
}

/**
 * What each role would get, most urgent first. This only orders and words things: whether a role may open a screen
 * stays with web/app/access.ts through the navigation, so a screen taken from a role leaves its home page too.
 */
const wishes: Partial<Record<Role, Wish>> = {
  supervisor: {
    intro: 'home.intro.staff',
    primary: tiles.observe,
    cards: ['feedbackDue'],
    links: [tiles.heatmap, { ...tiles.iluo, perLedTeam: true }],
  },
  coach: { intro: 'home.intro.staff', cards: ['feedbackDue', 'popCompliance'], links: [tiles.caseload] },
  manager: {
    intro: 'home.intro.staff',
    cards: ['feedbackDue', 'popCompliance'],
    links: [tiles.participants, tiles.heatmap, tiles.iluo, tiles.sensitiveCounts, tiles.usersRead],
  },
  trainer: { intro: 'home.intro.trainer', links: [tiles.iluo] },
  admin: { intro: 'home.intro.admin', links: [tiles.users, tiles.teams, tiles.competencies] },
};

/** Whether a role may open a route: the navigation's answer, so there is one list of who opens what. */
export const navOpens = (role: Role) => {
  const open = new Set<To>(navItemsFor(role).map((item) => item.to));
  return (to: To) => open.has(to);
};

/** The home page of a role: only what `opens` allows. A participant has the portal instead, so gets nothing here. */
export function homePlanFor(role: Role, opens: (to: To) => boolean = navOpens(role)): HomePlan {
  const wish = wishes[role];
  if (!wish) return { intro: null, primary: null, cards: [], links: [] };
  return {
    intro: wish.intro,
    primary: wish.primary && opens(wish.primary.to) ? wish.primary : null,
    cards: (wish.cards ?? []).filter((card) => opens(cardTarget[card])),
    links: (wish.links ?? []).filter((tile) => opens(tile.to)),
  };
}
