import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The participant portal on a phone: after login "Mijn pad", a bar at the bottom with Mijn pad, Mijn doelen,
 * Mijn feedback, Mijn vooruitgang and Mijn account; the participant ticks off their own action of the agreed POP and
 * proposes a change with the keyboard only. The POP is drafted and agreed through the API (coach and participant).
 */
test.describe.configure({ mode: 'serial' });

const coach = { name: 'Wouter Portaalcoach', email: 'wouter.portaal@example.org', password: 'rode appels vallen ver' };
const participant = {
  first: 'Lotte',
  last: 'Peeters',
  username: 'lotte.peeters',
  password: 'blauwe wolken drijven traag',
};
const goalWhat = 'Zelfstandig de kassa doen';
const ownAction = 'Elke dag de kassa tellen met Sara';
const coachAction = 'Een opleiding kassa zoeken';

async function loggedIn(baseURL: string, identifier: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { identifier, password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

async function logInParticipant(page: Page) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mail of gebruikersnaam').fill(participant.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(participant.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/mijn-pad$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn pad' })).toBeVisible();
}

test('a coach and a participant agree a POP', async ({ baseURL }) => {
  const staff = await AdminApi.logIn(baseURL ?? '');
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team('Winkel Portaal', siteId, 'winkel');
  const coachId = await staff.staff(coach, 'coach');
  await staff.dispose();

  const adminApi = await loggedIn(baseURL ?? '', admin.email, admin.password);
  const registered = await adminApi.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1998-04-12',
      siteId,
      teamId,
      programmeType: 'activering',
      intakeDate: '2024-09-02',
      startDate: '2024-09-09',
      coachIds: [coachId],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const id = (await registered.json()).id as string;
  const account = await adminApi.post(`/api/v1/participants/${id}/account`, {
    data: { method: 'password', username: participant.username, password: participant.password },
  });
  expect(account.status(), await account.text()).toBe(201);
  await adminApi.dispose();

  const coachApi = await loggedIn(baseURL ?? '', coach.email, coach.password);
  const started = await coachApi.post(`/api/v1/participants/${id}/pop/versions`, { data: {} });
  expect(started.status(), await started.text()).toBe(201);
  const draft = await started.json();
  const goalKey = crypto.randomUUID();
  const saved = await coachApi.put(`/api/v1/participants/${id}/pop/versions/${draft.number}`, {
    data: {
      revision: draft.revision,
      content: {
        summary: 'Ik werk graag met mensen.',
        jobTarget: 'Kassamedewerker in een winkel',
        goals: [
          {
            key: goalKey,
            what: goalWhat,
            evidence: 'Ik doe een hele dag de kassa alleen.',
            why: 'Dan kan ik in een gewone winkel werken.',
            dueDate: '2030-06-30',
          },
        ],
        actions: [
          { key: crypto.randomUUID(), what: ownAction, owner: 'participant', dueDate: '2030-03-31', goalKey },
          { key: crypto.randomUUID(), what: coachAction, owner: 'coach', dueDate: '2030-02-28', goalKey },
        ],
      },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const revision = (await saved.json()).revision as number;
  const byCoach = await coachApi.post(`/api/v1/participants/${id}/pop/versions/${draft.number}/agree`, {
    data: { revision },
  });
  expect(byCoach.status(), await byCoach.text()).toBe(200);
  await coachApi.dispose();

  const own = await loggedIn(baseURL ?? '', participant.username, participant.password);
  const byParticipant = await own.post(`/api/v1/participants/${id}/pop/versions/${draft.number}/agree`, {
    data: { revision },
  });
  expect(byParticipant.status(), await byParticipant.text()).toBe(200);
  expect((await byParticipant.json()).current?.number).toBe(draft.number);
  await own.dispose();
});

test('the participant lands on Mijn pad and ticks off their own action on a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await logInParticipant(page);
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const name of ['Mijn pad', 'Mijn doelen', 'Mijn feedback', 'Mijn vooruitgang', 'Mijn account']) {
    const link = menu.getByRole('link', { name });
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }
  await expect(menu.getByRole('link')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Lees voor: deze pagina' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wat doe ik nu?' })).toContainText(ownAction);
  await expect(page.getByRole('link', { name: /Alles over mij/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await menu.getByRole('link', { name: 'Mijn doelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn doelen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lees voor: deze pagina' })).toBeVisible();
  await expect(page.getByRole('heading', { name: goalWhat })).toBeVisible();
  // The coach's action is there to read, not to tick.
  await expect(page.getByRole('checkbox', { name: coachAction })).toHaveCount(0);
  const tick = page.getByRole('checkbox', { name: ownAction });
  await expect(tick).not.toBeChecked();
  // The box follows the server's answer (controlled): Space, then wait for the stored state. The box is not
  // disabled while saving, so the keyboard stays on it.
  await tick.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('alert').filter({ hasText: 'Goed zo! Je hebt een actie afgevinkt.' })).toBeVisible();
  await expect(tick).toBeChecked();
  await expect(tick).toBeFocused();
  await dismissNotification(page, 'Goed zo! Je hebt een actie afgevinkt.');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // After a reload the tick is still there: the server stored it.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: ownAction })).toBeChecked();

  // The participant presents their own plan: the same slides as the coach's, Escape back to Mijn doelen.
  await page.getByRole('link', { name: 'Mijn plan tonen aan de groep' }).click();
  await expect(page).toHaveURL(/\/mijn-doelen\/presentatie$/);
  const show = page.getByRole('dialog', { name: /^Presentatie van het POP van / });
  await expect(show.getByRole('heading', { level: 1, name: 'Wie ben ik' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(show.getByRole('heading', { level: 1, name: 'Mijn jobdoelwit' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn doelen' })).toBeVisible();
});

test('the participant proposes a new goal with the keyboard only', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await logInParticipant(page);
  await page.goto('/mijn-doelen');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn doelen' })).toBeVisible();

  const open = page.getByRole('button', { name: 'Iets voorstellen' });
  await open.focus();
  await page.keyboard.press('Enter');
  // The keyboard lands in the form on the chosen kind, "Een nieuw doel"; Tab moves on to the first text field.
  await expect(page.getByRole('radio', { name: 'Een nieuw doel' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Een nieuw doel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Wat wil je?')).toBeFocused();
  // Sending without filling in: field-level messages, nothing sent.
  await page.getByRole('button', { name: 'Versturen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Wat wil je?')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Wat wil je?').focus();
  await page.keyboard.type('Leren bestellen bij de leverancier');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dan kan ik meer doen in de winkel.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2030-12-31');
  await page.getByRole('button', { name: 'Versturen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Je voorstel is verstuurd.' })).toBeVisible();
  // The form closed; the keyboard is back on the button that opened it.
  await expect(open).toBeFocused();
  await dismissNotification(page, 'Je voorstel is verstuurd. Je coach antwoordt.');
  const mine = page.getByRole('region', { name: 'Mijn voorstellen' });
  await expect(mine).toContainText('Leren bestellen bij de leverancier');
  await expect(mine).toContainText('Je coach leest het nog');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
});
