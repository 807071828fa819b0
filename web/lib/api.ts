import type { z } from 'zod';
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
import { type ErrorCode, errorResponse } from '#shared/errors';
import type { ListKind, listItem, listUpdateBody, OrganisationLists } from '#shared/lists';
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
import type { referrer } from '#shared/referrers';
import type { setupBody, setupStatusResponse } from '#shared/setup';
import type {
  participantAccountBody,
  staffCreateBody,
  user,
  userCreatedResponse,
  userListQuery,
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
export type UserFilters = In<typeof userListQuery>;
export type ParticipantFilters = Partial<Out<typeof participantListQuery>>;
export type ParticipantPage = Out<typeof participantPage>;
export type ParticipantDossier = Out<typeof participantDossier>;
export type Referrer = Out<typeof referrer>;
export type CoachOption = Out<typeof coachOptionsResponse>['items'][number];

export type ImportMode = (typeof importModes)[number];

/** A failed request. `network_error` is ours: the server was not reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly fields: Record<string, string> = {},
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
    const parsed = errorResponse.safeParse(data);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      if (code === 'unauthenticated' || code === 'session_expired') sessionLostListener?.();
      throw new ApiError(response.status, code, message, fields);
    }
    throw new ApiError(response.status, 'internal_error', `HTTP ${response.status}`);
  }
  return data as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);

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
    list: (filters: UserFilters = {}) => get<Items<User>>('/users', filters),
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
  audit: {
    list: (filters: AuditFilters) => get<{ items: AuditEntry[]; total: number }>('/audit', filters),
    outbox: () => get<Items<OutboxMail>>('/outbox'),
  },
};
