import type { ParseKeys } from 'i18next';
import type { Role } from '#shared/common';
import { canSee, type Screen } from '../../app/access';

export interface NavItem {
  to:
    | '/'
    | '/organisatie'
    | '/vestigingen'
    | '/ploegen'
    | '/gebruikers'
    | '/auditlog'
    | '/uitgaande-mails'
    | '/deelnemers'
    | '/lijsten'
    | '/mijn-dossier'
    | '/teamoverzicht'
    | '/iluo'
    | '/observaties/nieuw'
    | '/zelfevaluatie'
    | '/feedback'
    | '/feedbackregels'
    | '/competenties'
    | '/functieprofielen'
    | '/mijn-account'
    | '/mijn-pad'
    | '/mijn-doelen'
    | '/mijn-feedback'
    | '/mijn-vooruitgang'
    | '/pop-opvolging'
    | '/pakketten'
    | '/instellingen/privacy'
    | '/instellingen/instrumenten'
    | '/overzicht/gevoelig';
  label: ParseKeys;
  screen?: Screen;
  /** In the participant portal's menu (web/features/portal/PortalNav.tsx): participants see only these. */
  portal?: true;
}

const items: NavItem[] = [
  { to: '/mijn-pad', label: 'portal.nav.path', screen: 'portal', portal: true },
  { to: '/mijn-doelen', label: 'portal.nav.goals', screen: 'portal', portal: true },
  { to: '/mijn-feedback', label: 'portal.nav.feedback', screen: 'portal', portal: true },
  { to: '/mijn-vooruitgang', label: 'portal.nav.progress', screen: 'portal', portal: true },
  { to: '/', label: 'nav.home' },
  { to: '/deelnemers', label: 'nav.participants', screen: 'participants' },
  { to: '/teamoverzicht', label: 'competencyProfile.heatmap.title', screen: 'teamOverview' },
  { to: '/feedback', label: 'feedback.nav', screen: 'feedbackDue' },
  { to: '/pop-opvolging', label: 'developmentPlans.nav', screen: 'popCompliance' },
  { to: '/iluo', label: 'iluo.nav', screen: 'iluo' },
  { to: '/mijn-dossier', label: 'nav.myDossier', screen: 'myDossier' },
  { to: '/observaties/nieuw', label: 'observations.nav.observe', screen: 'observationNew' },
  { to: '/zelfevaluatie', label: 'observations.nav.selfAssessment', screen: 'selfAssessment' },
  { to: '/organisatie', label: 'nav.organisation', screen: 'organisation' },
  { to: '/vestigingen', label: 'nav.sites', screen: 'sites' },
  { to: '/ploegen', label: 'nav.teams', screen: 'teams' },
  { to: '/lijsten', label: 'nav.lists', screen: 'lists' },
  { to: '/feedbackregels', label: 'feedback.navRules', screen: 'feedbackRules' },
  { to: '/competenties', label: 'competencies.nav.frameworks', screen: 'competencies' },
  { to: '/functieprofielen', label: 'competencies.nav.jobProfiles', screen: 'competencies' },
  { to: '/pakketten', label: 'pathways.nav', screen: 'pathways' },
  { to: '/instellingen/privacy', label: 'nav.privacy', screen: 'privacy' },
  { to: '/instellingen/instrumenten', label: 'nav.instruments', screen: 'instrumentDefinitions' },
  { to: '/overzicht/gevoelig', label: 'nav.sensitiveCounts', screen: 'sensitiveCounts' },
  { to: '/gebruikers', label: 'nav.users', screen: 'users' },
  { to: '/auditlog', label: 'nav.audit', screen: 'audit' },
  { to: '/uitgaande-mails', label: 'nav.outbox', screen: 'outbox' },
  { to: '/mijn-account', label: 'nav.account', portal: true },
];

/** A participant gets the portal's menu only (the dossier and the self-assessment are reached from there). */
export const navItemsFor = (role: Role) =>
  items.filter(
    (item) => (!item.screen || canSee(role, item.screen)) && (!canSee(role, 'portal') || item.portal === true),
  );
