import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { Role } from '#shared/common';
import { PublicLayout } from '../components/PublicLayout';
import { parsePlanSearch, parsePresentationSearch } from '../features/development-plans/search';
import { parseIluoSearch } from '../features/iluo/search';
import { caseloadSearchKeys } from '../features/participants/search-keys';
import { AppLayout } from '../features/shell/AppLayout';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { i18n } from '../i18n';
import type { SessionUser } from '../lib/api';
import { notify } from '../lib/notify';
import { sessionQuery, setupStatusQuery } from '../lib/session';
import { canSee, type Screen } from './access';

interface RouterContext {
  queryClient: QueryClient;
}

// Every screen loads on demand (its own chunk): a participant on a phone downloads only the portal, never the staff
// screens. Keep it that way: import a page here only through lazyRouteComponent (test/bundle-budget.test.ts measures).
const AuditPage = lazyRouteComponent(() => import('../features/audit/AuditPage'), 'AuditPage');
const OutboxPage = lazyRouteComponent(() => import('../features/audit/OutboxPage'), 'OutboxPage');
const AccountPage = lazyRouteComponent(() => import('../features/auth/AccountPage'), 'AccountPage');
const ActivatePage = lazyRouteComponent(() => import('../features/auth/ActivatePage'), 'ActivatePage');
const LoginPage = lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage');
const ForgotPasswordPage = lazyRouteComponent(
  () => import('../features/auth/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyRouteComponent(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const FrameworkEditorPage = lazyRouteComponent(
  () => import('../features/competencies/FrameworkEditorPage'),
  'FrameworkEditorPage',
);
const NewFrameworkPage = lazyRouteComponent(
  () => import('../features/competencies/FrameworkEditorPage'),
  'NewFrameworkPage',
);
const FrameworksPage = lazyRouteComponent(() => import('../features/competencies/FrameworksPage'), 'FrameworksPage');
const JobProfilesPage = lazyRouteComponent(() => import('../features/competencies/JobProfilesPage'), 'JobProfilesPage');
const TeamHeatmapPage = lazyRouteComponent(
  () => import('../features/competency-profile/TeamHeatmapPage'),
  'TeamHeatmapPage',
);
const DuePage = lazyRouteComponent(() => import('../features/feedback/DuePage'), 'DuePage');
const RulesPage = lazyRouteComponent(() => import('../features/feedback/RulesPage'), 'RulesPage');
const IluoPage = lazyRouteComponent(() => import('../features/iluo/IluoPage'), 'IluoPage');
const ListsPage = lazyRouteComponent(() => import('../features/lists/ListsPage'), 'ListsPage');
const MentorPage = lazyRouteComponent(() => import('../features/observations/MentorPage'), 'MentorPage');
const NewObservationPage = lazyRouteComponent(
  () => import('../features/observations/NewObservationPage'),
  'NewObservationPage',
);
const SelfAssessmentPage = lazyRouteComponent(
  () => import('../features/observations/SelfAssessmentPage'),
  'SelfAssessmentPage',
);
const OrganisationPage = lazyRouteComponent(
  () => import('../features/organisation/OrganisationPage'),
  'OrganisationPage',
);
const CaseloadPage = lazyRouteComponent(() => import('../features/participants/CaseloadPage'), 'CaseloadPage');
const DossierPage = lazyRouteComponent(() => import('../features/participants/DossierPage'), 'DossierPage');
const ImportPage = lazyRouteComponent(() => import('../features/participants/import/ImportPage'), 'ImportPage');
const MyDossierPage = lazyRouteComponent(() => import('../features/participants/MyDossierPage'), 'MyDossierPage');
const RegisterPage = lazyRouteComponent(() => import('../features/participants/RegisterPage'), 'RegisterPage');
const SetupPage = lazyRouteComponent(() => import('../features/setup/SetupPage'), 'SetupPage');
const HomePage = lazyRouteComponent(() => import('../features/shell/HomePage'), 'HomePage');
const SitesPage = lazyRouteComponent(() => import('../features/sites/SitesPage'), 'SitesPage');
const TeamsPage = lazyRouteComponent(() => import('../features/teams/TeamsPage'), 'TeamsPage');
const UsersPage = lazyRouteComponent(() => import('../features/users/UsersPage'), 'UsersPage');
// The participant portal (web/features/portal).
const MyPathPage = lazyRouteComponent(() => import('../features/portal/MyPathPage'), 'MyPathPage');
const MyGoalsPage = lazyRouteComponent(() => import('../features/portal/MyGoalsPage'), 'MyGoalsPage');
const MyFeedbackPage = lazyRouteComponent(() => import('../features/portal/MyFeedbackPage'), 'MyFeedbackPage');
const MyProgressPage = lazyRouteComponent(() => import('../features/portal/MyProgressPage'), 'MyProgressPage');
const MyPresentationPage = lazyRouteComponent(
  () => import('../features/portal/MyPresentationPage'),
  'MyPresentationPage',
);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// Pages before login. Paths are Dutch: they appear in mails (/wachtwoord-herstellen).
const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });

const setupRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'installatie',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (!status.needsSetup) throw redirect({ to: '/inloggen' });
  },
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'inloggen',
  validateSearch: (search: Record<string, unknown>): { ended?: boolean } =>
    search.ended === true || search.ended === 'true' ? { ended: true } : {},
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: '/installatie' });
    if (await context.queryClient.ensureQueryData(sessionQuery)) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'wachtwoord-vergeten',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'wachtwoord-herstellen',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' && search.token ? { token: search.token } : {},
  component: ResetPasswordPage,
});

// The paper a coach hands a participant names this address: it must work whether someone is logged in or not.
const activateRoute = createRoute({ getParentRoute: () => publicRoute, path: 'activeren', component: ActivatePage });

// An external internship mentor opens the link from their invitation mail: no account, no login.
const mentorRoute = createRoute({ getParentRoute: () => publicRoute, path: 'mentor/$token', component: MentorPage });

// Everything after login.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }): Promise<{ user: SessionUser }> => {
    const user = await context.queryClient.ensureQueryData(sessionQuery);
    if (user) return { user };
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    throw redirect({ to: status.needsSetup ? '/installatie' : '/inloggen' });
  },
  component: AppLayout,
});

/** Sends someone who opens a screen their role does not have back to the home page, and says why. */
const onlyFor =
  (screen: Screen) =>
  ({ context }: { context: { user: { role: Role } } }) => {
    if (canSee(context.user.role, screen)) return;
    notify(i18n.t('shell.notForYourRole'), { error: true });
    throw redirect({ to: '/' });
  };

const appChild = <Path extends string>(path: Path, component: RouteComponent, screen?: Screen) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    beforeLoad: screen ? onlyFor(screen) : undefined,
    component,
  });

// A participant's home is "Mijn pad" (the portal); staff land on the home page with their own cards.
const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    if (canSee(context.user.role, 'portal')) throw redirect({ to: '/mijn-pad', replace: true });
  },
  component: HomePage,
});

// Dossiers: the caseload keeps its filters in the URL, so it validates its own search parameters.
const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deelnemers',
  validateSearch: caseloadSearchKeys,
  beforeLoad: onlyFor('participants'),
  component: CaseloadPage,
});

// Observations: `?deelnemer=<id>` opens the form for that participant (the dossier's "Observatie toevoegen").
const newObservationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'observaties/nieuw',
  validateSearch: (search: Record<string, unknown>): { deelnemer?: string } =>
    typeof search.deelnemer === 'string' && search.deelnemer ? { deelnemer: search.deelnemer } : {},
  beforeLoad: onlyFor('observationNew'),
  component: NewObservationPage,
});

// The ILUO matrix keeps the chosen team in the URL (?ploeg=<id>), so a printed link or a reload shows the same team.
const iluoRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'iluo',
  validateSearch: parseIluoSearch,
  beforeLoad: onlyFor('iluo'),
  component: IluoPage,
});

// The POP (web/features/development-plans): the staff screens, each its own chunk.
const PlanPage = lazyRouteComponent(() => import('../features/development-plans/PlanPage'), 'PlanPage');
const PresentationPage = lazyRouteComponent(
  () => import('../features/development-plans/PresentationPage'),
  'PresentationPage',
);
const CompliancePage = lazyRouteComponent(
  () => import('../features/development-plans/CompliancePage'),
  'CompliancePage',
);

// ?tab=afgesproken|ontwerp|versies keeps the open tab in the URL.
const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deelnemers/$id/pop',
  validateSearch: parsePlanSearch,
  beforeLoad: onlyFor('developmentPlan'),
  component: PlanPage,
});

// ?versie=n presents that version; without it the agreed version in force.
const planPresentationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deelnemers/$id/pop/presentatie',
  validateSearch: parsePresentationSearch,
  beforeLoad: onlyFor('developmentPlan'),
  component: PresentationPage,
});

// The sensitive compartment (web/features/action-plans): the staff page and the participant's own PAP.
const CompartmentPage = lazyRouteComponent(() => import('../features/action-plans/CompartmentPage'), 'CompartmentPage');
const MyActionPlanPage = lazyRouteComponent(() => import('../features/portal/MyActionPlanPage'), 'MyActionPlanPage');

// The pathway map (web/features/pathways).
const PackagesPage = lazyRouteComponent(() => import('../features/pathways/PackagesPage'), 'PackagesPage');
const MyPathwayMapPage = lazyRouteComponent(() => import('../features/pathways/MyPathwayMapPage'), 'MyPathwayMapPage');
// Privacy rights (web/features/privacy): the retention period; export and erasure live on the dossier.
const RetentionPage = lazyRouteComponent(() => import('../features/privacy/RetentionPage'), 'RetentionPage');
// Instruments (web/features/instruments) and the managers' counts of the sensitive compartment.
const DefinitionsPage = lazyRouteComponent(() => import('../features/instruments/DefinitionsPage'), 'DefinitionsPage');
const SensitiveCountsPage = lazyRouteComponent(() => import('../features/sensitive-counts/CountsPage'), 'CountsPage');

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([
    setupRoute,
    loginRoute,
    forgotPasswordRoute,
    resetPasswordRoute,
    activateRoute,
    mentorRoute,
  ]),
  appRoute.addChildren([
    homeRoute,
    appChild('mijn-account', AccountPage),
    appChild('teamoverzicht', TeamHeatmapPage, 'teamOverview'),
    appChild('feedback', DuePage, 'feedbackDue'),
    appChild('feedbackregels', RulesPage, 'feedbackRules'),
    appChild('organisatie', OrganisationPage, 'organisation'),
    appChild('vestigingen', SitesPage, 'sites'),
    appChild('ploegen', TeamsPage, 'teams'),
    appChild('lijsten', ListsPage, 'lists'),
    appChild('mijn-dossier', MyDossierPage, 'myDossier'),
    appChild('mijn-pad', MyPathPage, 'portal'),
    appChild('mijn-doelen', MyGoalsPage, 'portal'),
    appChild('mijn-doelen/presentatie', MyPresentationPage, 'portal'),
    appChild('mijn-feedback', MyFeedbackPage, 'portal'),
    appChild('mijn-vooruitgang', MyProgressPage, 'portal'),
    appChild('gebruikers', UsersPage, 'users'),
    appChild('auditlog', AuditPage, 'audit'),
    appChild('uitgaande-mails', OutboxPage, 'outbox'),
    caseloadRoute,
    iluoRoute,
    appChild('deelnemers/nieuw', RegisterPage, 'participantRegister'),
    appChild('deelnemers/importeren', ImportPage, 'participantImport'),
    appChild('deelnemers/$id', DossierPage, 'participants'),
    newObservationRoute,
    appChild('zelfevaluatie', SelfAssessmentPage, 'selfAssessment'),
    appChild('competenties', FrameworksPage, 'competencies'),
    appChild('competenties/nieuw', NewFrameworkPage, 'competencies'),
    appChild('competenties/$id', FrameworkEditorPage, 'competencies'),
    appChild('functieprofielen', JobProfilesPage, 'competencies'),
    planRoute,
    planPresentationRoute,
    appChild('pop-opvolging', CompliancePage, 'popCompliance'),
    // The pathway map (web/features/pathways): the admin's editor and the participant's own map.
    appChild('pakketten', PackagesPage, 'pathways'),
    appChild('mijn-pad/kaart', MyPathwayMapPage, 'portal'),
    appChild('deelnemers/$id/actieplan', CompartmentPage, 'sensitiveCompartment'),
    appChild('mijn-actieplan', MyActionPlanPage, 'portal'),
    appChild('instellingen/privacy', RetentionPage, 'privacy'),
    appChild('instellingen/instrumenten', DefinitionsPage, 'instrumentDefinitions'),
    appChild('overzicht/gevoelig', SensitiveCountsPage, 'sensitiveCounts'),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // The query cache decides freshness; the router should not cache loader results on its own.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
