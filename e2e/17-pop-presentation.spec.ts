import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, expect, request, test } from '@playwright/test';
import { firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, logIn, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * Presentation mode: the agreed POP one part per slide in very big type, for the team meeting. Moved through with
 * the keyboard only (arrows, space, Home, End), the slide counter is read out, Escape goes back to the POP page.
 */
test.describe.configure({ mode: 'serial' });

const coach = {
  name: 'Greet Presentatie',
  email: 'greet.presentatie@example.org',
  password: 'oranje tulpen in de vaas',
};
const participant = {
  first: 'Ilias',
  last: 'Mertens',
  username: 'ilias.mertens',
  password: 'vrolijke honden rennen rond',
};
const fullName = `${participant.first} ${participant.last}`;
let dossierId = '';

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

test('a POP is agreed through the API by the coach and the participant', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const staff = await AdminApi.logIn(base);
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team('Keuken Presentatie', siteId, 'keuken');
  await staff.staff(coach, 'coach');
  await staff.dispose();

  const asCoach = await apiAs(base, coach.email, coach.password);
  dossierId = (
    await ok<{ id: string }>(
      asCoach.post('/api/v1/participants', {
        data: {
          firstName: participant.first,
          lastName: participant.last,
          dateOfBirth: '2000-01-30',
          siteId,
          teamId,
          programmeType: 'maatwerk',
          intakeDate: '2025-01-06',
          startDate: '2025-01-13',
        },
      }),
    )
  ).id;
  await ok(
    asCoach.post(`/api/v1/participants/${dossierId}/account`, {
      data: { method: 'password', username: participant.username, password: participant.password },
    }),
  );
  const draft = await ok<{ number: number; revision: number }>(
    asCoach.post(`/api/v1/participants/${dossierId}/pop/versions`, { data: {} }),
  );
  const goalKey = randomUUID();
  const saved = await ok<{ revision: number }>(
    asCoach.put(`/api/v1/participants/${dossierId}/pop/versions/${draft.number}`, {
      data: {
        revision: draft.revision,
        content: {
          summary: 'Ik ben Ilias. Ik kook graag voor anderen.',
          jobTarget: 'Hulpkok in een grootkeuken.',
          dreams: 'Ooit een eigen foodtruck.',
          workMode: 'uitvoerend',
          workModeReason: 'Ik wil weten wat ik moet doen.',
          goals: [{ key: goalKey, what: 'Zelf soep maken voor 50 mensen.', dueDate: '2026-12-01' }],
          actions: [
            {
              key: randomUUID(),
              what: 'Elke dinsdag soep maken met Karim.',
              owner: 'participant',
              dueDate: '2026-10-01',
              goalKey,
            },
            { key: randomUUID(), what: 'Een cursus hygiëne zoeken.', owner: 'coach', dueDate: '2026-09-15' },
          ],
          support: 'Een vast recept op papier.',
        },
      },
    }),
  );
  await ok(
    asCoach.post(`/api/v1/participants/${dossierId}/pop/versions/${draft.number}/agree`, {
      data: { revision: saved.revision },
    }),
  );
  await asCoach.dispose();
  const asParticipant = await apiAs(base, participant.username, participant.password);
  await ok(
    asParticipant.post(`/api/v1/participants/${dossierId}/pop/versions/${draft.number}/agree`, {
      data: { revision: saved.revision },
    }),
  );
  await asParticipant.dispose();
});

test('the coach presents the POP slide by slide with the keyboard only', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}/pop`);
  await expect(page.getByRole('heading', { level: 1, name: `POP van ${fullName}` })).toBeVisible();
  await page.getByRole('link', { name: 'Presenteren' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/pop\/presentatie\?versie=1$/);

  const show = page.getByRole('dialog', { name: `Presentatie van het POP van ${fullName}` });
  const counter = show.getByText(/^Dia \d+ van 9$/);
  const slide = (title: string) => show.getByRole('heading', { level: 1, name: title });
  await expect(slide('Wie ben ik')).toBeVisible();
  await expect(show).toContainText('Ik ben Ilias. Ik kook graag voor anderen.');
  await expect(counter).toHaveText('Dia 1 van 9');
  await expect(counter).toHaveAttribute('aria-live', 'polite');
  // Focus starts on "Volgende", inside the presentation.
  await expect(show.getByRole('button', { name: 'Volgende' })).toBeFocused();
  await expectNoA11yViolations(page);

  await page.keyboard.press('ArrowRight');
  await expect(slide('Mijn jobdoelwit')).toBeVisible();
  await expect(counter).toHaveText('Dia 2 van 9');
  await expect(show).toContainText('Hulpkok in een grootkeuken.');
  await page.keyboard.press(' ');
  await expect(slide('Mijn dromen')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(slide('Zo werk ik graag')).toBeVisible();
  await expect(show).toContainText('Uitvoerend');
  await page.keyboard.press('End');
  await expect(slide('Hulp die ik nodig heb')).toBeVisible();
  await expect(counter).toHaveText('Dia 9 van 9');
  // The end stays the end.
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('Dia 9 van 9');
  await page.keyboard.press('ArrowLeft');
  await expect(slide('Mijn acties')).toBeVisible();
  await expect(show).toContainText('Elke dinsdag soep maken met Karim.');
  await page.keyboard.press('ArrowLeft');
  await expect(slide('Mijn doelen')).toBeVisible();
  await expect(show).toContainText('Zelf soep maken voor 50 mensen.');
  await checkAtPhoneWidth(page);
  await page.keyboard.press('Home');
  await expect(slide('Wie ben ik')).toBeVisible();
  await expect(counter).toHaveText('Dia 1 van 9');

  // Tab stays inside the presentation.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  expect(await show.evaluate((el) => el.contains(document.activeElement))).toBe(true);

  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/deelnemers/${dossierId}/pop$`));
  await expect(page.getByRole('heading', { level: 1, name: `POP van ${fullName}` })).toBeVisible();
});

test('at 375 px the slides fit and the buttons move them', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}/pop/presentatie`);
  const show = page.getByRole('dialog', { name: `Presentatie van het POP van ${fullName}` });
  await expect(show.getByRole('heading', { level: 1, name: 'Wie ben ik' })).toBeVisible();
  await show.getByRole('button', { name: 'Volgende' }).click();
  await expect(show.getByText('Dia 2 van 9')).toBeVisible();
  await show.getByRole('button', { name: 'Vorige' }).click();
  await expect(show.getByText('Dia 1 van 9')).toBeVisible();
  await checkAtPhoneWidth(page);
  await show.getByRole('button', { name: 'Stoppen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `POP van ${fullName}` })).toBeVisible();
});
