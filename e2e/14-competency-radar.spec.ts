import { type APIRequestContext, type APIResponse, expect, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The pictures: three raters score one participant (the supervisor twice, the participant in a self-assessment,
 * an internship mentor through the link from the mail); the coach reads the radar, the conversation starters and
 * the evolution on a phone, every chart also as a table; the supervisor reads the team heat map.
 */
test.describe.configure({ mode: 'serial' });

const coach = { name: 'Hanne Radarcoach', email: 'hanne.radar@example.org', password: 'rode ballonnen zweven hoog' };
const supervisor = {
  name: 'Wout Werkleider',
  email: 'wout.radar@example.org',
  password: 'stille bossen groeien langzaam',
};
const participant = { first: 'Yara', last: 'Peeters', username: 'yara.peeters', password: 'zachte wolken drijven weg' };
const fullName = `${participant.first} ${participant.last}`;
const teamName = 'Groendienst Radar';
let dossierId = '';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function apiAs(baseURL: string, identifier: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { identifier, password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

async function ok<T>(response: Promise<APIResponse>): Promise<T> {
  const res = await response;
  expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

interface Version {
  id: string;
  competencies: { id: string; key: string; name: string }[];
}

test('three raters score the participant through the API', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const staff = await AdminApi.logIn(base);
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team(teamName, siteId, 'groen');
  await staff.staff(coach, 'coach');
  await staff.supervise(teamId, [await staff.staff(supervisor, 'supervisor')]);
  await staff.dispose();

  const asCoach = await apiAs(base, coach.email, coach.password);
  const dossier = await ok<{ id: string }>(
    asCoach.post('/api/v1/participants', {
      data: {
        firstName: participant.first,
        lastName: participant.last,
        dateOfBirth: '1996-06-21',
        siteId,
        teamId,
        programmeType: 'maatwerk',
        intakeDate: '2024-09-02',
        startDate: '2024-09-09',
      },
    }),
  );
  dossierId = dossier.id;
  await ok(
    asCoach.post(`/api/v1/participants/${dossierId}/account`, {
      data: { method: 'password', username: participant.username, password: participant.password },
    }),
  );
  const { items: profiles } = await ok<{ items: { id: string; name: string }[] }>(asCoach.get('/api/v1/job-profiles'));
  const profileId = (name: string) => profiles.find((p) => p.name === name)?.id;
  await ok(
    asCoach.put(`/api/v1/participants/${dossierId}/job-profiles`, {
      data: { currentProfileId: profileId('Arbeider'), targetProfileId: profileId('Hulpmeestergast') },
    }),
  );

  const version = await ok<Version>(asCoach.get('/api/v1/competency-frameworks/default'));
  const id = (key: string) => {
    const found = version.competencies.find((c) => c.key === key);
    if (!found) throw new Error(`no competency ${key}`);
    return found.id;
  };
  const scores = (list: Record<string, number>) =>
    Object.entries(list).map(([key, score]) => ({ competencyId: id(key), score }));

  const asSupervisor = await apiAs(base, supervisor.email, supervisor.password);
  for (const [observedOn, list] of [
    ['2025-01-13', { samenwerken: 2, stiptheid_aanwezigheid: 2 }],
    ['2025-03-10', { samenwerken: 3, stiptheid_aanwezigheid: 2, zorgvuldigheid: 3 }],
  ] as const) {
    await ok(
      asSupervisor.post('/api/v1/observations', {
        data: {
          participantId: dossierId,
          context: 'werkvloer',
          frameworkVersionId: version.id,
          observedOn,
          ratings: scores(list),
        },
      }),
    );
  }
  await asSupervisor.dispose();

  const asParticipant = await apiAs(base, participant.username, participant.password);
  await ok(
    asParticipant.post('/api/v1/me/self-assessments', {
      data: {
        frameworkVersionId: version.id,
        observedOn: '2025-03-11',
        ratings: scores({ samenwerken: 3, stiptheid_aanwezigheid: 4 }),
      },
    }),
  );
  await asParticipant.dispose();

  await ok(
    asCoach.post(`/api/v1/participants/${dossierId}/mentor-invitations`, {
      data: {
        mentorName: 'Lien Stagebaas',
        mentorEmail: 'lien@tuin-stage.example.org',
        validFrom: day(-30),
        validUntil: day(30),
      },
    }),
  );
  await asCoach.dispose();
  const asAdmin = await apiAs(base, admin.email, admin.password);
  const { items: mails } = await ok<{ items: { to: string; body: string }[] }>(asAdmin.get('/api/v1/outbox'));
  await asAdmin.dispose();
  const mail = mails.find((m) => m.to === 'lien@tuin-stage.example.org');
  const token = mail?.body.match(/\/mentor\/([A-Za-z0-9_-]+)/)?.[1];
  expect(token, 'the mentor link in the mail').toBeTruthy();
  const mentorApi = await request.newContext({ baseURL: base });
  await ok(
    mentorApi.post(`/api/v1/mentor-links/${token}/observations`, {
      data: {
        frameworkVersionId: version.id,
        observedOn: day(0),
        ratings: scores({ samenwerken: 4, stiptheid_aanwezigheid: 3 }),
      },
    }),
  );
  await mentorApi.dispose();
});

test('the coach sees the radar with three raters, the conversation starters and the evolution on a phone', async ({
  page,
}) => {
  test.slow();
  expect(dossierId).not.toBe('');
  await page.setViewportSize(PHONE);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();

  const section = page.getByRole('region', { name: 'Competenties' });
  await expect(section.getByText('11 kerncompetenties, versie 1')).toBeVisible();
  // Each rater is a line of its own: no average anywhere.
  const radar = section.getByRole('img', {
    name: /Radar van de laatste score per competentie, van Zelf, Werkleider, Mentor\./,
  });
  await expect(radar).toBeVisible();
  await expect(radar.locator('svg')).toBeVisible();

  // The same numbers as a table, reached with the keyboard.
  await section.getByRole('button', { name: 'Toon als tabel' }).first().focus();
  await page.keyboard.press('Enter');
  // Open, the button says what it does next.
  const hide = section.getByRole('button', { name: 'Verberg de tabel' });
  await expect(hide).toBeFocused();
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  const table = section.getByRole('table', { name: 'Profiel' });
  await expect(table).toBeVisible();
  const headers = table.getByRole('columnheader');
  await expect(headers).toHaveText([
    'Competentie',
    'Zelf',
    'Werkleider',
    'Coach',
    'Mentor',
    'Verwacht nu: Arbeider',
    'Doel: Hulpmeestergast',
  ]);
  const together = table.getByRole('row', { name: /^Samenwerken/ });
  await expect(together.getByRole('cell').nth(0)).toContainText('3');
  await expect(together.getByRole('cell').nth(1)).toContainText('310 maart 2025');
  await expect(together.getByRole('cell').nth(2)).toHaveText('–');
  await expect(together.getByRole('cell').nth(3)).toContainText('4');

  // Conversation starters in words.
  const topics = section.getByRole('list', { name: 'Gespreksonderwerpen' });
  await expect(topics.getByRole('listitem')).toHaveText([
    'Stiptheid en aanwezigheid: de werkleider geeft 2. Het doel vraagt 3.',
    'Stiptheid en aanwezigheid: zelf 4, werkleider 2. De deelnemer ziet zichzelf hoger.',
  ]);

  // The evolution: the supervisor's lines first, then another rater.
  await expect(section.getByRole('img', { name: /Lijngrafiek van de scores van Werkleider/ })).toBeVisible();
  await expect(section.getByRole('checkbox', { name: 'Samenwerken' })).toBeChecked();
  // The profile's table is open: the evolution's button is the first that still shows one.
  await section.getByRole('button', { name: 'Toon als tabel' }).first().click();
  const evolution = section.getByRole('table', { name: 'Evolutie: Werkleider' });
  await expect(evolution.getByRole('row')).toHaveCount(3);
  // Stiptheid en aanwezigheid, Zorgvuldigheid (not scored that day), Samenwerken, and the framework version.
  await expect(evolution.getByRole('row', { name: /13 januari 2025/ }).getByRole('cell')).toHaveText([
    '2',
    '–',
    '2',
    '1',
  ]);
  await section.getByLabel('Wie scoort').selectOption({ label: 'Zelf' });
  await expect(section.getByRole('img', { name: /Lijngrafiek van de scores van Zelf/ })).toBeVisible();

  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the supervisor reads the team heat map on a phone and sorts it with the keyboard', async ({ page }) => {
  test.slow();
  await page.setViewportSize(PHONE);
  await logIn(page, supervisor.email, supervisor.password, supervisor.name);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Teamoverzicht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teamoverzicht' })).toBeVisible();
  await expect(page.getByLabel('Ploeg', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Ploeg', { exact: true }).locator('option:checked')).toHaveText(
    `${teamName} (${firstSiteName})`,
  );

  const table = page.getByRole('table', { name: `Scores van de werkleider in ploeg ${teamName}` });
  const row = table.getByRole('row', { name: new RegExp(fullName) });
  await expect(row.getByRole('link', { name: fullName })).toBeVisible();
  // The number is in the cell, not only its colour; the latest supervisor score, never the self-assessment.
  await expect(row.getByRole('cell').nth(0)).toContainText('–');
  await expect(row.getByRole('cell').nth(1)).toHaveText('2 (10 maart 2025)');

  const sortButton = table.getByRole('button', { name: 'Stiptheid en aanwezigheid' });
  await sortButton.focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: /Stiptheid en aanwezigheid/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.getByLabel('Zoek op naam').fill('niemand');
  await expect(page.getByText('Geen deelnemers gevonden.')).toBeVisible();
  await page.getByLabel('Zoek op naam').fill(participant.last);
  await expect(row).toBeVisible();

  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await row.getByRole('link', { name: fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
});

test('the participant sees their own progress: their scores beside the supervisor’s', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await logIn(page, participant.username, participant.password, fullName);
  await page.goto('/mijn-dossier');
  const progress = page.getByRole('region', { name: 'Mijn vooruitgang' });
  await expect(progress.getByRole('img', { name: /jouw score en de score van je werkleider/ })).toBeVisible();
  await progress.getByRole('button', { name: 'Toon als tabel' }).click();
  const table = progress.getByRole('table', { name: 'Profiel' });
  await expect(table.getByRole('columnheader')).toHaveText(['Competentie', 'Zelf', 'Werkleider']);
  await expect(
    table
      .getByRole('row', { name: /^Stiptheid en aanwezigheid/ })
      .getByRole('cell')
      .nth(0),
  ).toContainText('4');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
});
