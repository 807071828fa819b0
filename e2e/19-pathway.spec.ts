import { expect, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The pathway map (pakkettenschema) on a phone: the admin defines three work packages with next steps, the coach
 * moves a participant into the first one, the dossier's map shows "Huidig pakket" and the readiness for the next
 * step, and the participant sees their own map with "Je bent hier", in their own words.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE });

const teamName = 'Groen Zuid';
const coach = { name: 'Carla Claes', email: 'carla.claes@example.org', password: 'paden door het groen' };
const participant = {
  first: 'Rik',
  last: 'Rombouts',
  username: 'rik.rombouts',
  password: 'ik werk graag buiten',
};
let teamId = '';

let dossierId = '';

test('the admin arranges a team with a task, a coach and a participant with a login', async ({ baseURL }) => {
  const staff = await AdminApi.logIn(baseURL as string);
  const siteId = await staff.siteId(firstSiteName);
  teamId = await staff.team(teamName, siteId, 'groen');
  const coachId = await staff.staff(coach, 'coach');
  await staff.dispose();

  const api = await request.newContext({ baseURL });
  expect(
    (await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } })).ok(),
  ).toBe(true);
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1992-04-12',
      siteId,
      teamId,
      programmeType: 'maatwerk',
      intakeDate: '2024-09-02',
      startDate: '2024-09-09',
      coachIds: [coachId],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  dossierId = (await registered.json()).id as string;
  const account = await api.post(`/api/v1/participants/${dossierId}/account`, {
    data: { method: 'password', username: participant.username, password: participant.password },
  });
  expect(account.status(), await account.text()).toBe(201);
  // One ILUO task; Rik can do it with help (L), the next package needs it alone (U).
  const skill = await api.post(`/api/v1/teams/${teamId}/skills`, { data: { name: 'Haag snoeien' } });
  expect(skill.status(), await skill.text()).toBe(201);
  const level = await api.post('/api/v1/skill-levels', {
    data: { skillId: (await skill.json()).id, participantId: dossierId, level: 2, assessedOn: '2024-10-01' },
  });
  expect(level.status(), await level.text()).toBe(201);
  await api.dispose();
});

test('the admin defines three work packages and their next steps', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Pakketten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pakketten' })).toBeVisible();
  await page.getByLabel('Ploeg').selectOption({ label: teamName });
  await expect(page.getByText('Er zijn nog geen pakketten.')).toBeVisible();

  // From the top of the ladder down, so each package can point at the next one.
  await page.getByRole('button', { name: 'Nieuw pakket' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nieuw pakket' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Ploegleider groen');
  await dialog.getByLabel('Stap', { exact: true }).fill('3');
  await dialog.getByLabel('Soort werk').selectOption({ label: 'Inzichtelijk' });
  await dialog.getByRole('checkbox', { name: 'Hulpmeestergast (Functie)' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Ploegleider groen is opgeslagen.');

  await page.getByRole('button', { name: 'Nieuw pakket' }).click();
  dialog = page.getByRole('dialog', { name: 'Nieuw pakket' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Groen zelfstandig');
  await dialog.getByLabel('Stap', { exact: true }).fill('2');
  await dialog.getByLabel('Welke opdrachten?').fill('Zelf een haag snoeien en het werk plannen.');
  // The task requirement, added by keyboard.
  await dialog.getByRole('button', { name: 'Taak toevoegen' }).focus();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Taak', { exact: true }).selectOption({ label: 'Haag snoeien' });
  await dialog.getByLabel('Niveau', { exact: true }).selectOption({ label: 'U' });
  await dialog.getByRole('checkbox', { name: /Ploegleider groen/ }).check();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Groen zelfstandig is opgeslagen.');

  await page.getByRole('button', { name: 'Nieuw pakket' }).click();
  dialog = page.getByRole('dialog', { name: 'Nieuw pakket' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Groen basis');
  await dialog.getByLabel('Stap', { exact: true }).fill('1');
  await dialog.getByLabel('Welke opdrachten?').fill('Gras maaien en bladeren ruimen.');
  await dialog.getByRole('checkbox', { name: /Groen zelfstandig/ }).check();
  await dialog.getByRole('checkbox', { name: 'Gewone job (Uitstroom)' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Groen basis is opgeslagen.');

  // A package cannot lead to itself: it is not even offered.
  await page.getByRole('button', { name: 'Bewerken: Groen basis' }).click();
  dialog = page.getByRole('dialog', { name: 'Bewerken: Groen basis' });
  await expect(dialog.getByRole('checkbox', { name: /^Groen basis/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();

  // The map: three steps, and the list says where each package leads.
  await expect(page.getByTestId('pathway-svg')).toBeVisible();
  const list = page.getByRole('region', { name: 'De pakketten als lijst' });
  await expect(list.getByRole('heading', { name: 'Stap 1' })).toBeVisible();
  await expect(list.getByText('Daarna: Groen zelfstandig, Gewone job (Uitstroom)')).toBeVisible();
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the coach moves the participant into a package; the map shows "Huidig pakket" and readiness', async ({
  page,
}) => {
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}`);
  const section = page.getByRole('region', { name: 'Pakkettenschema' });
  await expect(section.getByText('Nog niet in een pakket.')).toBeVisible();
  await section.getByRole('button', { name: 'Naar een pakket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Naar een ander pakket' });
  await dialog.getByLabel('Pakket').selectOption({ label: `${teamName} · Stap 1 · Groen basis` });
  await dialog.getByLabel('Vanaf').fill('2024-10-07');
  await dialog.getByLabel('Vanaf').press('Enter');
  await dismissNotification(page, 'De deelnemer zit nu in Groen basis.');

  await expect(section.getByText('Nu: Groen basis')).toBeVisible();
  const list = section.getByRole('region', { name: 'De pakketten als lijst' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Groen basis' }).getByText('Huidig pakket')).toBeVisible();
  // "Je bent hier" is the participant's wording, not the coach's.
  await expect(section.getByText('Je bent hier')).toHaveCount(0);
  // Readiness: the task is not yet at level U; the exit has no requirements.
  await expect(section.getByRole('heading', { name: 'Klaar voor Groen zelfstandig?' })).toBeVisible();
  await expect(section.getByText('0 van 1 klaar').first()).toBeVisible();
  await expect(section.getByText(/Haag snoeien \(Taak\): Nog niet\./)).toBeVisible();
  await expect(section.getByRole('region', { name: 'Gewone job' }).getByText('Geen vereisten')).toBeVisible();
  // The move is a step in the dossier's timeline.
  await expect(page.getByRole('list', { name: 'Traject' }).getByText('Naar een ander pakket')).toBeVisible();
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the participant sees their own map', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('E-mail of gebruikersnaam').fill(participant.username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(participant.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/mijn-pad$/);
  await page.goto('/mijn-pad/kaart');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn plaats in het schema' })).toBeVisible();
  await expect(page.getByText('Nu: Groen basis')).toBeVisible();
  await expect(page.getByText('Je bent hier').first()).toBeVisible();
  await expect(page.getByText('0 van 1 klaar').first()).toBeVisible();
  // Plain words instead of the staff's terms: the task's level in words, no "(Taak)", "Uitstroom" or "Inzichtelijk".
  await expect(page.getByText(/Haag snoeien: Nog niet\. Nodig: Lukt alleen\. Jij nu: Lukt met hulp\./)).toBeVisible();
  await expect(page.getByText('Daarna: Groen zelfstandig, Gewone job (Buiten de werkplaats)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Gewone job' }).getByText('Niets extra nodig')).toBeVisible();
  await expect(page.getByText(/\(Taak\)|Uitstroom|Inzichtelijk|Uitvoerend/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
  // Nothing to change here for a participant.
  await expect(page.getByRole('button', { name: 'Naar een pakket' })).toHaveCount(0);
  await checkAtPhoneWidth(page);
});
