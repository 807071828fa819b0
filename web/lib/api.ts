import type { z } from 'zod';
import type {
  ActionPlan,
  OwnActionPlan,
  papActionCreateBody,
  papActionUpdateBody,
  papDomainBody,
} from '#shared/action-plans';
import type { auditEntry, auditQuery, outboxMail } from '#shared/audit';
import type {
  changePasswordBody,
  forgotPasswordBody,
  loginBody,
  resetPasswordBody,
  sessionResponse,
} from '#shared/auth';
import type { coachOptionsResponse } from '#shared/coach-options';
import type { okResponse } from '#shared/common';
import type {
  FrameworkDetail,
  FrameworkSummary,
  frameworkInput,
  frameworkSaved,
  frameworkVersion,
  JobProfile,
  jobProfileInput,
  ParticipantJobProfiles,
  participantJobProfilesInput,
} from '#shared/competencies';
import type { CompetencyEvolution, CompetencyHeatmap, CompetencyProfile } from '#shared/competency-profile';
import type {
  actionStatusBody,
  agreeBody,
  ComplianceSettings,
  complianceList,
  complianceListQuery,
  complianceSettingsBody,
  draftSaveBody,
  escoImportResult,
  escoSearchResult,
  goalNoteBody,
  PlanOverview,
  PlanVersion,
  presentationCreateBody,
  proposalCreateBody,
  proposalResolveBody,
} from '#shared/development-plans';
import { type ErrorCode, parseErrorBody } from '#shared/error-codes';
import type {
  DueList,
  dueListQuery,
  FeedbackConversation,
  FeedbackRules,
  feedbackCreateBody,
  feedbackRulesBody,
  feedbackUpdateBody,
  MyFeedback,
  ParticipantFeedback,
} from '#shared/feedback';
import type {
  IluoLabel,
  IluoMatrix,
  iluoLabelsBody,
  Skill,
  SkillLevelEntry,
  skillCreateBody,
  skillLevelCreateBody,
  skillLevelDeleted,
  skillUpdateBody,
} from '#shared/iluo';
import type {
  Attachment,
  InstrumentDefinition,
  InstrumentResult,
  instrumentDefinitionBody,
  instrumentResultBody,
  instrumentResults,
  instrumentResultUpdateBody,
} from '#shared/instruments';
import type { ListKind, listItem, listUpdateBody, OrganisationLists } from '#shared/lists';
import type {
  mentorInvitation,
  mentorInvitationInput,
  mentorInvitationWithLink,
  mentorLinkView,
  mentorObservationInput,
  mentorObservationSaved,
  observation,
  observationListQuery,
  observationPage,
  rateableParticipant,
  selfAssessmentInput,
} from '#shared/observations';
import type {
  organisation,
  site,
  siteCreateBody,
  siteUpdateBody,
  team,
  teamCreateBody,
  teamSupervisorsBody,
  teamUpdateBody,
} from '#shared/organisation';
import type {
  activateBody,
  participantAccountCreateBody,
  participantAccountResponse,
} from '#shared/participant-account';
import type { ImportReport, importModes } from '#shared/participant-import';
import type {
  careerEventCreateBody,
  consentCreateBody,
  indicationsBody,
  participantCoachesBody,
  participantCreateBody,
  participantDossier,
  participantListQuery,
  participantPage,
  participantUpdateBody,
  stakeholdersBody,
} from '#shared/participants';
import type {
  ParticipantPathway,
  placementCreateBody,
  WorkPackage,
  WorkPackageInput,
  workPackageList,
  workPackageListQuery,
} from '#shared/pathways';
import type {
  anonymiseBody,
  anonymiseResult,
  exportBody,
  RetentionOverview,
  retentionRunBody,
  retentionRunResult,
  retentionSettingsBody,
} from '#shared/privacy';
import type { referrer } from '#shared/referrers';
import type {
  breakGlassBody,
  grantCandidates,
  grantCreateBody,
  SensitiveAccess,
  SensitiveCounts,
  sensitiveLog,
} from '#shared/sensitive';
import type { setupBody, setupStatusResponse } from '#shared/setup';
import type {
  participantAccountBody,
  staffCreateBody,
  user,
  userCreatedResponse,
  userListQuery,
  userPage,
  userUpdateBody,
} from '#shared/users';

/** What the server answers: the output side of the shared schemas. */
type Out<T extends z.ZodType> = z.output<T>;
/** What we send: the input side, before the server trims and lower-cases. */
type In<T extends z.ZodType> = z.input<T>;

export type Organisation = Out<typeof organisation>;
export type Site = Out<typeof site>;
export type Team = Out<typeof team>;
export type User = Out<typeof user>;
export type SessionUser = Out<typeof sessionResponse>['user'];
export type AuditEntry = Out<typeof auditEntry>;
export type OutboxMail = Out<typeof outboxMail>;
export type AuditFilters = Partial<Out<typeof auditQuery>>;
/** role takes one role or several, comma-separated, as the query string carries them. */
export type UserFilters = Omit<In<typeof userListQuery>, 'limit' | 'offset'> & { limit?: number; offset?: number };
export type UserPage = Out<typeof userPage>;
export type ParticipantFilters = Partial<Out<typeof participantListQuery>>;
export type ParticipantPage = Out<typeof participantPage>;
export type ParticipantDossier = Out<typeof participantDossier>;
export type Referrer = Out<typeof referrer>;
export type CoachOption = Out<typeof coachOptionsResponse>['items'][number];

export type ImportMode = (typeof importModes)[number];
export type FrameworkVersion = Out<typeof frameworkVersion>;
export type Observation = Out<typeof observation>;
export type RateableParticipant = Out<typeof rateableParticipant>;
export type MentorInvitation = Out<typeof mentorInvitation>;
export type MentorInvitationWithLink = Out<typeof mentorInvitationWithLink>;
export type MentorLinkView = Out<typeof mentorLinkView>;
export type ObservationPage = Out<typeof observationPage>;
export type ObservationPageQuery = Partial<Out<typeof observationListQuery>>;

/** A failed request. `network_error` is ours: the server was not reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly fields: Record<string, string> = {},
    /** The whole answer: some errors carry what is needed to recover (the other's draft after a 409 conflict). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

let sessionLostListener: (() => void) | undefined;

/** Called when the server says the session is gone (expired, ended elsewhere, account deactivated). */
export function onSessionLost(listener: () => void) {
  sessionLostListener = listener;
}

type Query = Record<string, string | number | boolean | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A file (the CSV import) is sent as it is, with its own content type; anything else as JSON.
  const file = body instanceof Blob ? body : undefined;
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  // An empty body with a JSON content type is refused by the server, so only announce JSON when there is some.
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${withQuery(path, query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = parseErrorBody(data);
    if (parsed) {
      const { code, message, fields } = parsed.error;
      if (code === 'unauthenticated' || code === 'session_expired') sessionLostListener?.();
      throw new ApiError(response.status, code, message, fields, data);
    }
    throw new ApiError(response.status, 'internal_error', `HTTP ${response.status}`);
  }
  return data as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
const del = (path: string) => request<void>('DELETE', path);

/** A POST that answers a file (the GDPR export): the file and its Content-Disposition, which names it. */
async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; disposition: string | null }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers: { Accept: '*/*', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => undefined);
    const parsed = parseErrorBody(data);
    if (!parsed) throw new ApiError(response.status, 'internal_error', `HTTP ${response.status}`);
    const { code, message, fields } = parsed.error;
    if (code === 'unauthenticated' || code === 'session_expired') sessionLostListener?.();
    throw new ApiError(response.status, code, message, fields, data);
  }
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') };
}

type Ok = Out<typeof okResponse>;
type Items<T> = { items: T[] };

export const api = {
  setup: {
    status: () => get<Out<typeof setupStatusResponse>>('/setup'),
    run: (body: In<typeof setupBody>) => post<Ok>('/setup', body),
  },
  auth: {
    session: () => get<Out<typeof sessionResponse>>('/auth/session'),
    login: (body: In<typeof loginBody>) => post<Out<typeof sessionResponse>>('/auth/login', body),
    logout: () => post<Ok>('/auth/logout'),
    forgotPassword: (body: In<typeof forgotPasswordBody>) => post<Ok>('/auth/forgot-password', body),
    resetPassword: (body: In<typeof resetPasswordBody>) => post<Ok>('/auth/reset-password', body),
    changePassword: (body: In<typeof changePasswordBody>) => post<Ok>('/auth/change-password', body),
  },
  organisation: {
    get: () => get<Organisation>('/organisation'),
    update: (body: { name: string }) => patch<Organisation>('/organisation', body),
  },
  sites: {
    list: (includeArchived: boolean) => get<Items<Site>>('/sites', { archived: includeArchived }),
    create: (body: In<typeof siteCreateBody>) => post<Site>('/sites', body),
    update: (id: string, body: In<typeof siteUpdateBody>) => patch<Site>(`/sites/${id}`, body),
  },
  teams: {
    list: (includeArchived: boolean) => get<Items<Team>>('/teams', { archived: includeArchived }),
    create: (body: In<typeof teamCreateBody>) => post<Team>('/teams', body),
    update: (id: string, body: In<typeof teamUpdateBody>) => patch<Team>(`/teams/${id}`, body),
    setSupervisors: (id: string, body: In<typeof teamSupervisorsBody>) => put<Team>(`/teams/${id}/supervisors`, body),
  },
  users: {
    list: (filters: UserFilters = {}) => get<UserPage>('/users', filters),
    createStaff: (body: In<typeof staffCreateBody>) => post<Out<typeof userCreatedResponse>>('/users', body),
    createParticipant: (body: In<typeof participantAccountBody>) =>
      post<Out<typeof userCreatedResponse>>('/users/participants', body),
    update: (id: string, body: In<typeof userUpdateBody>) => patch<User>(`/users/${id}`, body),
    deactivate: (id: string) => post<User>(`/users/${id}/deactivate`),
    reactivate: (id: string) => post<User>(`/users/${id}/reactivate`),
    setPassword: (id: string, password: string) => put<User>(`/users/${id}/password`, { password }),
  },
  participants: {
    list: (filters: ParticipantFilters) => get<ParticipantPage>('/participants', filters),
    get: (id: string) => get<ParticipantDossier>(`/participants/${id}`),
    register: (body: In<typeof participantCreateBody>) => post<ParticipantDossier>('/participants', body),
    update: (id: string, body: In<typeof participantUpdateBody>) =>
      patch<ParticipantDossier>(`/participants/${id}`, body),
    addCareerEvent: (id: string, body: In<typeof careerEventCreateBody>) =>
      post<ParticipantDossier>(`/participants/${id}/career-events`, body),
    archive: (id: string) => post<ParticipantDossier>(`/participants/${id}/archive`),
    unarchive: (id: string) => post<ParticipantDossier>(`/participants/${id}/unarchive`),
    setCoaches: (id: string, body: In<typeof participantCoachesBody>) =>
      put<ParticipantDossier>(`/participants/${id}/coaches`, body),
    setIndications: (id: string, body: In<typeof indicationsBody>) =>
      put<ParticipantDossier>(`/participants/${id}/indications`, body),
    setStakeholders: (id: string, body: In<typeof stakeholdersBody>) =>
      put<ParticipantDossier>(`/participants/${id}/stakeholders`, body),
    recordConsent: (id: string, body: In<typeof consentCreateBody>) =>
      post<ParticipantDossier>(`/participants/${id}/consents`, body),
    coachOptions: () => get<Items<CoachOption>>('/participants/coach-options'),
  },
  referrers: {
    list: () => get<Items<Referrer>>('/referrers'),
  },
  lists: {
    get: () => get<OrganisationLists>('/lists'),
    replace: (kind: ListKind, body: In<typeof listUpdateBody>) =>
      put<Items<Out<typeof listItem>>>(`/lists/${kind}`, body),
  },
  participantAccounts: {
    create: (participantId: string, body: In<typeof participantAccountCreateBody>) =>
      post<Out<typeof participantAccountResponse>>(`/participants/${participantId}/account`, body),
    newActivationCode: (participantId: string) =>
      post<Out<typeof participantAccountResponse>>(`/participants/${participantId}/account/activation-code`),
    /** Public: username + paper code + a new password; answers with the session like login. */
    activate: (body: In<typeof activateBody>) => post<Out<typeof sessionResponse>>('/auth/activate', body),
    me: () => get<ParticipantDossier>('/participants/me'),
  },
  participantImport: {
    /** The file as the body; a browser may call a .csv file anything (or nothing), so its type is set here. */
    run: (file: Blob, mode: ImportMode) =>
      post<ImportReport>(`/participants/import?mode=${mode}`, new Blob([file], { type: 'text/csv' })),
  },
  /** What the score forms draw: the default framework's current version, or the version an old score belongs to. */
  frameworkVersions: {
    current: () => get<FrameworkVersion>('/competency-frameworks/default'),
    get: (id: string) => get<FrameworkVersion>(`/competency-framework-versions/${id}`),
  },
  /** Frameworks and job profiles (the admin screens), and a participant's current and target job profile. */
  competencies: {
    frameworks: (includeArchived: boolean) =>
      get<Items<FrameworkSummary>>('/competency-frameworks', { archived: includeArchived }),
    framework: (id: string) => get<FrameworkDetail>(`/competency-frameworks/${id}`),
    createFramework: (body: In<typeof frameworkInput>) => post<FrameworkDetail>('/competency-frameworks', body),
    saveFramework: (id: string, body: In<typeof frameworkInput>) =>
      put<Out<typeof frameworkSaved>>(`/competency-frameworks/${id}`, body),
    setDefault: (id: string) => post<FrameworkDetail>(`/competency-frameworks/${id}/default`),
    archive: (id: string) => post<FrameworkDetail>(`/competency-frameworks/${id}/archive`),
    unarchive: (id: string) => post<FrameworkDetail>(`/competency-frameworks/${id}/unarchive`),
    addDefaultTemplate: () => post<FrameworkDetail>('/competency-frameworks/default-template'),
    /** The exchange file as it is: JSON or CSV, told apart by the file's type; `name` replaces the file's name. */
    importFile: (file: Blob, type: 'application/json' | 'text/csv', name?: string) =>
      request<FrameworkDetail>('POST', '/competency-frameworks/import', new Blob([file], { type }), { name }),
    exportUrl: (id: string, format: 'json' | 'csv') => `/api/v1/competency-frameworks/${id}/export?format=${format}`,
    jobProfiles: (query: { frameworkId?: string; archived?: boolean }) =>
      get<Items<JobProfile>>('/job-profiles', query),
    createJobProfile: (body: In<typeof jobProfileInput>) => post<JobProfile>('/job-profiles', body),
    updateJobProfile: (id: string, body: In<typeof jobProfileInput>) => put<JobProfile>(`/job-profiles/${id}`, body),
    archiveJobProfile: (id: string) => post<JobProfile>(`/job-profiles/${id}/archive`),
    ofParticipant: (participantId: string) =>
      get<ParticipantJobProfiles>(`/participants/${participantId}/job-profiles`),
    setForParticipant: (participantId: string, body: In<typeof participantJobProfilesInput>) =>
      put<ParticipantJobProfiles>(`/participants/${participantId}/job-profiles`, body),
  },
  observations: {
    rateableParticipants: () => get<Items<RateableParticipant>>('/observations/participants'),
    ofParticipant: (participantId: string, query: ObservationPageQuery) =>
      get<ObservationPage>(`/participants/${participantId}/observations`, query),
    remove: (id: string) => del(`/observations/${id}`),
    selfAssess: (body: In<typeof selfAssessmentInput>) => post<Observation>('/me/self-assessments', body),
    invitations: (participantId: string) =>
      get<Items<MentorInvitation>>(`/participants/${participantId}/mentor-invitations`),
    invite: (participantId: string, body: In<typeof mentorInvitationInput>) =>
      post<MentorInvitationWithLink>(`/participants/${participantId}/mentor-invitations`, body),
    resendInvitation: (id: string) => post<MentorInvitationWithLink>(`/mentor-invitations/${id}/resend`),
    revokeInvitation: (id: string) => post<MentorInvitation>(`/mentor-invitations/${id}/revoke`),
  },
  /** Public: the external mentor's link, no login. */
  mentorLinks: {
    view: (token: string) => get<MentorLinkView>(`/mentor-links/${encodeURIComponent(token)}`),
    submit: (token: string, body: In<typeof mentorObservationInput>) =>
      post<Out<typeof mentorObservationSaved>>(`/mentor-links/${encodeURIComponent(token)}/observations`, body),
  },
  /** The pictures: a participant's radar and evolution, a team's heat map. */
  competencyProfile: {
    profile: (participantId: string) => get<CompetencyProfile>(`/participants/${participantId}/competency-profile`),
    evolution: (participantId: string, period: { from?: string; to?: string } = {}) =>
      get<CompetencyEvolution>(`/participants/${participantId}/competency-evolution`, period),
    heatmap: (teamId: string, status: 'active' | 'all') =>
      get<CompetencyHeatmap>(`/teams/${teamId}/competency-heatmap`, { status }),
  },
  /** The ILUO matrix of a team: skills, levels with their history, the organisation's words for I, L, U and O. */
  iluo: {
    matrix: (teamId: string) => get<IluoMatrix>(`/teams/${teamId}/iluo-matrix`),
    skills: (teamId: string) => get<Items<Skill>>(`/teams/${teamId}/skills`),
    addSkill: (teamId: string, body: In<typeof skillCreateBody>) => post<Skill>(`/teams/${teamId}/skills`, body),
    updateSkill: (id: string, body: In<typeof skillUpdateBody>) => patch<Skill>(`/skills/${id}`, body),
    archiveSkill: (id: string) => post<Skill>(`/skills/${id}/archive`),
    reorderSkills: (teamId: string, skillIds: string[]) =>
      put<Items<Skill>>(`/teams/${teamId}/skills/order`, { skillIds }),
    history: (skillId: string, person: { participantId?: string; userId?: string }) =>
      get<Items<SkillLevelEntry>>(`/skills/${skillId}/history`, person),
    setLevel: (body: In<typeof skillLevelCreateBody>) => post<SkillLevelEntry>('/skill-levels', body),
    removeLevel: (id: string) => request<Out<typeof skillLevelDeleted>>('DELETE', `/skill-levels/${id}`),
    labels: () => get<Items<IluoLabel>>('/iluo-labels'),
    setLabels: (body: In<typeof iluoLabelsBody>) => put<Items<IluoLabel>>('/iluo-labels', body),
  },
  /** Feedback conversations (feedbackgesprekken), who is due, and the cadence rules. */
  feedback: {
    ofParticipant: (participantId: string) => get<ParticipantFeedback>(`/participants/${participantId}/feedback`),
    record: (participantId: string, body: In<typeof feedbackCreateBody>) =>
      post<FeedbackConversation>(`/participants/${participantId}/feedback`, body),
    update: (id: string, body: In<typeof feedbackUpdateBody>) => patch<FeedbackConversation>(`/feedback/${id}`, body),
    remove: (id: string) => del(`/feedback/${id}`),
    due: (query: In<typeof dueListQuery>) => get<DueList>('/feedback/due', query),
    mine: () => get<MyFeedback>('/me/feedback'),
    rules: () => get<FeedbackRules>('/feedback-rules'),
    replaceRules: (body: In<typeof feedbackRulesBody>) => put<FeedbackRules>('/feedback-rules', body),
  },
  /** The POP of one participant (shared/development-plans.ts lists the routes). */
  developmentPlans: {
    overview: (participantId: string) => get<PlanOverview>(`/participants/${participantId}/pop`),
    version: (participantId: string, number: number) =>
      get<PlanVersion>(`/participants/${participantId}/pop/versions/${number}`),
    startDraft: (participantId: string) => post<PlanVersion>(`/participants/${participantId}/pop/versions`, {}),
    saveDraft: (participantId: string, number: number, body: In<typeof draftSaveBody>) =>
      put<PlanVersion>(`/participants/${participantId}/pop/versions/${number}`, body),
    discardDraft: (participantId: string, number: number) =>
      del(`/participants/${participantId}/pop/versions/${number}`),
    agree: (participantId: string, number: number, body: In<typeof agreeBody>) =>
      post<PlanOverview>(`/participants/${participantId}/pop/versions/${number}/agree`, body),
    pdfUrl: (participantId: string, number: number) =>
      `/api/v1/participants/${participantId}/pop/versions/${number}/pdf`,
    setActionStatus: (participantId: string, key: string, body: In<typeof actionStatusBody>) =>
      put<PlanOverview>(`/participants/${participantId}/pop/actions/${key}`, body),
    addGoalNote: (participantId: string, key: string, body: In<typeof goalNoteBody>) =>
      post<PlanOverview>(`/participants/${participantId}/pop/goals/${key}/notes`, body),
    propose: (participantId: string, body: In<typeof proposalCreateBody>) =>
      post<PlanOverview>(`/participants/${participantId}/pop/proposals`, body),
    resolveProposal: (participantId: string, proposalId: string, body: In<typeof proposalResolveBody>) =>
      post<PlanOverview>(`/participants/${participantId}/pop/proposals/${proposalId}/resolve`, body),
    addPresentation: (participantId: string, body: In<typeof presentationCreateBody>) =>
      post<PlanOverview>(`/participants/${participantId}/pop/presentations`, body),
    removePresentation: (participantId: string, presentationId: string) =>
      del(`/participants/${participantId}/pop/presentations/${presentationId}`),
    compliance: (query: In<typeof complianceListQuery>) =>
      get<Out<typeof complianceList>>('/pop-compliance', query as Query),
    settings: () => get<ComplianceSettings>('/pop-settings'),
    saveSettings: (body: In<typeof complianceSettingsBody>) => put<ComplianceSettings>('/pop-settings', body),
  },
  /** The pathway map (shared/pathways.ts lists the routes). */
  pathways: {
    packages: (query: In<typeof workPackageListQuery> = {}) =>
      get<Out<typeof workPackageList>>('/work-packages', query as Query),
    create: (body: WorkPackageInput) => post<WorkPackage>('/work-packages', body),
    update: (id: string, body: WorkPackageInput) => put<WorkPackage>(`/work-packages/${id}`, body),
    archive: (id: string) => post<WorkPackage>(`/work-packages/${id}/archive`),
    unarchive: (id: string) => post<WorkPackage>(`/work-packages/${id}/unarchive`),
    ofParticipant: (participantId: string) => get<ParticipantPathway>(`/participants/${participantId}/pathway`),
    mine: () => get<ParticipantPathway>('/participants/me/pathway'),
    place: (participantId: string, body: In<typeof placementCreateBody>) =>
      post<ParticipantPathway>(`/participants/${participantId}/placements`, body),
  },
  /** The sensitive compartment of one participant: who may look, grants, break-the-glass (shared/sensitive.ts). */
  sensitive: {
    access: (participantId: string) => get<SensitiveAccess>(`/participants/${participantId}/sensitive/access`),
    breakGlass: (participantId: string, body: In<typeof breakGlassBody>) =>
      post<SensitiveAccess>(`/participants/${participantId}/sensitive/break-glass`, body),
    grantCandidates: (participantId: string) =>
      get<Out<typeof grantCandidates>>(`/participants/${participantId}/sensitive/grant-candidates`),
    grant: (participantId: string, body: In<typeof grantCreateBody>) =>
      post<SensitiveAccess>(`/participants/${participantId}/sensitive/grants`, body),
    revokeGrant: (participantId: string, grantId: string) =>
      post<SensitiveAccess>(`/participants/${participantId}/sensitive/grants/${grantId}/revoke`),
    log: (participantId: string) => get<Out<typeof sensitiveLog>>(`/participants/${participantId}/sensitive/log`),
    counts: () => get<SensitiveCounts>('/sensitive/counts'),
  },
  /** The PAP (shared/action-plans.ts): staff with access, and the participant's own view without staff-only items. */
  actionPlans: {
    get: (participantId: string) => get<ActionPlan>(`/participants/${participantId}/pap`),
    saveDomain: (participantId: string, code: string, body: In<typeof papDomainBody>) =>
      put<ActionPlan>(`/participants/${participantId}/pap/domains/${code}`, body),
    addAction: (participantId: string, body: In<typeof papActionCreateBody>) =>
      post<ActionPlan>(`/participants/${participantId}/pap/actions`, body),
    updateAction: (participantId: string, actionId: string, body: In<typeof papActionUpdateBody>) =>
      put<ActionPlan>(`/participants/${participantId}/pap/actions/${actionId}`, body),
    mine: () => get<OwnActionPlan>('/participants/me/pap'),
  },
  /** Instruments (shared/instruments.ts lists the routes); attachments are downloaded by features/instruments. */
  instruments: {
    definitions: () => get<Items<InstrumentDefinition>>('/instrument-definitions'),
    createDefinition: (body: In<typeof instrumentDefinitionBody>) =>
      post<InstrumentDefinition>('/instrument-definitions', body),
    updateDefinition: (id: string, body: In<typeof instrumentDefinitionBody>) =>
      put<InstrumentDefinition>(`/instrument-definitions/${id}`, body),
    archiveDefinition: (id: string) => post<InstrumentDefinition>(`/instrument-definitions/${id}/archive`),
    results: (participantId: string) =>
      get<Out<typeof instrumentResults>>(`/participants/${participantId}/instrument-results`),
    addResult: (participantId: string, body: In<typeof instrumentResultBody>) =>
      post<InstrumentResult>(`/participants/${participantId}/instrument-results`, body),
    updateResult: (participantId: string, resultId: string, body: In<typeof instrumentResultUpdateBody>) =>
      put<InstrumentResult>(`/participants/${participantId}/instrument-results/${resultId}`, body),
    removeResult: (participantId: string, resultId: string) =>
      del(`/participants/${participantId}/instrument-results/${resultId}`),
    /** The file as the body, typed by its extension (a browser may leave File.type empty). */
    upload: (participantId: string, resultId: string, file: Blob, fileName: string) =>
      request<Attachment>('POST', `/participants/${participantId}/instrument-results/${resultId}/attachments`, file, {
        fileName,
      }),
    attachmentUrl: (participantId: string, resultId: string, attachmentId: string) =>
      `/api/v1/participants/${participantId}/instrument-results/${resultId}/attachments/${attachmentId}`,
    removeAttachment: (participantId: string, resultId: string, attachmentId: string) =>
      del(`/participants/${participantId}/instrument-results/${resultId}/attachments/${attachmentId}`),
  },
  /** Privacy rights (shared/privacy.ts): the GDPR export, erasing by anonymising, and the retention period. */
  privacy: {
    exportFile: (participantId: string, body: In<typeof exportBody>) =>
      postForFile(`/participants/${participantId}/privacy/export`, body),
    anonymise: (participantId: string, body: In<typeof anonymiseBody>) =>
      post<Out<typeof anonymiseResult>>(`/participants/${participantId}/privacy/anonymise`, body),
    retention: () => get<RetentionOverview>('/privacy/retention'),
    saveRetention: (body: In<typeof retentionSettingsBody>) => put<RetentionOverview>('/privacy/retention', body),
    runRetention: (body: In<typeof retentionRunBody>) =>
      post<Out<typeof retentionRunResult>>('/privacy/retention/run', body),
  },
  esco: {
    searchOccupations: (q: string) => get<Out<typeof escoSearchResult>>('/esco/occupations', { q }),
    importOccupations: (file: Blob) => post<Out<typeof escoImportResult>>('/esco/occupations/import', file),
  },
  audit: {
    list: (filters: AuditFilters) => get<{ items: AuditEntry[]; total: number }>('/audit', filters),
    outbox: () => get<Items<OutboxMail>>('/outbox'),
  },
};
