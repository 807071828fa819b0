import { type APIRequestContext, expect, request } from '@playwright/test';
import { admin } from './accounts';

/**
 * Arranges what a journey needs but does not itself test (teams, colleagues) through the admin's API, so the
 * journey spends its time on the screens it is about. Every call is checked, so a failure points at its cause.
 */
export class AdminApi {
  private constructor(private readonly api: APIRequestContext) {}

  static async logIn(baseURL: string): Promise<AdminApi> {
    const api = await request.newContext({ baseURL });
    const res = await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } });
    expect(res.status(), await res.text()).toBe(200);
    return new AdminApi(api);
  }

  private async call<T>(method: 'get' | 'post' | 'put', url: string, data?: unknown): Promise<T> {
    const res = await this.api[method](`/api/v1${url}`, data === undefined ? undefined : { data });
    expect(res.ok(), `${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  async siteId(name: string): Promise<string> {
    const { items } = await this.call<{ items: { id: string; name: string }[] }>('get', '/sites');
    const site = items.find((s) => s.name === name);
    if (!site) throw new Error(`no site ${name}`);
    return site.id;
  }

  async team(name: string, siteId: string, workDomain: string): Promise<string> {
    return (await this.call<{ id: string }>('post', '/teams', { name, siteId, workDomain })).id;
  }

  async staff(person: { name: string; email: string; password: string }, role: 'coach' | 'supervisor') {
    return (await this.call<{ user: { id: string } }>('post', '/users', { ...person, role })).user.id;
  }

  async supervise(teamId: string, userIds: string[]) {
    await this.call('put', `/teams/${teamId}/supervisors`, { userIds });
  }

  dispose() {
    return this.api.dispose();
  }
}
