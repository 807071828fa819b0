import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import type { Role } from '#shared/common';
import { PublicLayout } from '../components/PublicLayout';
import { AuditPage } from '../features/audit/AuditPage';
import { OutboxPage } from '../features/audit/OutboxPage';
import { AccountPage } from '../features/auth/AccountPage';
import { ActivatePage } from '../features/auth/ActivatePage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { FrameworkEditorPage, NewFrameworkPage } from '../features/competencies/FrameworkEditorPage';
import { FrameworksPage } from '../features/competencies/FrameworksPage';
import { JobProfilesPage } from '../features/competencies/JobProfilesPage';
import { TeamHeatmapPage } from '../features/competency-profile/TeamHeatmapPage';
import { DuePage } from '../features/feedback/DuePage';
import { RulesPage } from '../features/feedback/RulesPage';
import { IluoPage } from '../features/iluo/IluoPage';
import { parseIluoSearch } from '../features/iluo/search';
import { ListsPage } from '../features/lists/ListsPage';
import { MentorPage } from '../features/observations/MentorPage';
import { NewObservationPage } from '../features/observations/NewObservationPage';
import { SelfAssessmentPage } from '../features/observations/SelfAssessmentPage';
import { OrganisationPage } from '../features/organisation/OrganisationPage';
import { CaseloadPage } from '../features/participants/CaseloadPage';
import { DossierPage } from '../features/participants/DossierPage';
import { ImportPage } from '../features/participants/import/ImportPage';
import { MyDossierPage } from '../features/participants/MyDossierPage';
import { RegisterPage } from '../features/participants/RegisterPage';
import { parseCaseloadSearch } from '../features/participants/search';
import { SetupPage } from '../features/setup/SetupPage';
import { AppLayout } from '../features/shell/AppLayout';
import { HomePage } from '../features/shell/HomePage';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { SitesPage } from '../features/sites/SitesPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { UsersPage } from '../features/users/UsersPage';
import type { SessionUser } from '../lib/api';
import { sessionQuery, setupStatusQuery } from '../lib/session';
import { canSee, type Screen } from './access';

interface RouterContext {
  queryClient: QueryClient;
}

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

/** Sends someone who opens a screen their role does not have back to the home page. */
const onlyFor =
  (screen: Screen) =>
  ({ context }: { context: { user: { role: Role } } }) => {
    if (!canSee(context.user.role, screen)) throw redirect({ to: '/' });
  };

const appChild = <Path extends string>(path: Path, component: () => React.ReactNode, screen?: Screen) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    beforeLoad: screen ? onlyFor(screen) : undefined,
    component,
  });

// Dossiers: the caseload keeps its filters in the URL, so it validates its own search parameters.
const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deelnemers',
  validateSearch: parseCaseloadSearch,
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
    appChild('/', HomePage),
    appChild('mijn-account', AccountPage),
    appChild('teamoverzicht', TeamHeatmapPage, 'teamOverview'),
    appChild('feedback', DuePage, 'feedbackDue'),
    appChild('feedbackregels', RulesPage, 'feedbackRules'),
    appChild('organisatie', OrganisationPage, 'organisation'),
    appChild('vestigingen', SitesPage, 'sites'),
    appChild('ploegen', TeamsPage, 'teams'),
    appChild('lijsten', ListsPage, 'lists'),
    appChild('mijn-dossier', MyDossierPage, 'myDossier'),
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
