import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * A supervisor records observations on a phone: for a participant of their own team, with the score tiles, a note
 * and the dossier showing the result. Then the connection drops while saving: the observation waits in the browser
 * and is sent, once, when the connection is back.
 */
test.describe.configure({ mode: 'serial' });

const supervisor = {
  name: 'Sofie Werkleider',
  email: 'sofie.hout@example.org',
  password: 'zaagsel ruikt naar het bos',
};
const participant = { first: 'Bram', last: 'Verstraeten' };
const fullName = `${participant.first} ${participant.last}`;
const teamName = 'Houtatelier Observatie';
let dossierId = '';

async function adminRequest(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

test('the admin arranges a team, its supervisor and a participant who started', async ({ baseURL }) => {
  const staff = await AdminApi.logIn(baseURL ?? '');
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team(teamName, siteId, 'hout');
  await staff.supervise(teamId, [await staff.staff(supervisor, 'supervisor')]);
  await staff.dispose();

  const api = await adminRequest(baseURL ?? '');
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1993-06-21',
      siteId,
      teamId,
      programmeType: 'maatwerk',
      intakeDate: '2024-08-26',
      startDate: '2024-09-02',
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  dossierId = (await registered.json()).id as string;
  await api.dispose();
});

/** The tile of one level in the row of one competency: a radio in the competency's group. */
const level = (page: Page, competency: string, label: string) =>
  page.getByRole('group', { name: competency }).getByRole('radio', { name: label });

async function openForm(page: Page) {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Observatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Observatie' })).toBeVisible();
  await page.getByLabel('Zoek een deelnemer').fill('verstr');
  await page.getByRole('link', { name: new RegExp(fullName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Observatie van ${fullName}` })).toBeVisible();
}

test('a supervisor records an observation on a phone and finds it in the dossier', async ({ page }) => {
  // Many axe runs on a shared two-core machine: more than the tripled default of test.slow().
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await logIn(page, supervisor.email, supervisor.password, supervisor.name);
  await openForm(page);
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // Sending nothing says what is missing, and puts the focus on the first tile.
  await page.getByRole('button', { name: 'Observatie opslaan' }).click();
  await expect(page.getByText('Kies bij minstens één competentie een niveau.')).toBeVisible();
  await expect(level(page, 'Afspraken nakomen', 'Nog niet')).toBeFocused();

  // Tap a tile, tap it again to take it back; the arrow keys move along the row.
  await level(page, 'Afspraken nakomen', 'Met hulp').click();
  await expect(level(page, 'Afspraken nakomen', 'Met hulp')).toBeChecked();
  await level(page, 'Afspraken nakomen', 'Met hulp').click();
  await expect(level(page, 'Afspraken nakomen', 'Met hulp')).not.toBeChecked();
  await level(page, 'Afspraken nakomen', 'Nog niet').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(level(page, 'Afspraken nakomen', 'Zelfstandig')).toBeChecked();

  await level(page, 'Veilig werken', 'Voorbeeld').click();
  await page.getByRole('button', { name: 'Notitie toevoegen bij Veilig werken' }).click();
  await expect(page.getByLabel('Notitie bij Veilig werken (niet verplicht)')).toBeFocused();
  await page.getByLabel('Notitie bij Veilig werken (niet verplicht)').fill('Draagt altijd de veiligheidsbril.');
  await page.getByLabel('Waar was dit?').selectOption({ label: 'Op de werkvloer' });
  await expect(page.getByText('2 van 11 ingevuld.')).toBeVisible();

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByText('Je was hier al mee bezig. We hebben je antwoorden teruggezet.')).toBeVisible();
  await expect(level(page, 'Afspraken nakomen', 'Zelfstandig')).toBeChecked();
  await expect(page.getByLabel('Notitie bij Veilig werken (niet verplicht)')).toHaveValue(
    'Draagt altijd de veiligheidsbril.',
  );
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await page.getByRole('button', { name: 'Observatie opslaan' }).click();
  await expect(page.getByText(`De observatie van ${fullName} is opgeslagen.`)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: `Naar het dossier van ${fullName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();

  const section = page.getByRole('region', { name: 'Observaties', exact: true });
  const cards = section.getByRole('listitem').filter({ hasText: 'Werkleider' });
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(`Door ${supervisor.name} · Op de werkvloer · versie 1`);
  await expect(cards.first()).toContainText('Afspraken nakomenZelfstandig');
  await expect(cards.first()).toContainText('Veilig werkenVoorbeeld');
  await expect(cards.first()).toContainText('Draagt altijd de veiligheidsbril.');
  await expect(section.getByRole('link', { name: 'Observatie toevoegen' })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('without a connection the observation waits in the browser and is sent once when it is back', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await logIn(page, supervisor.email, supervisor.password, supervisor.name);
  // From the dossier: "Observatie toevoegen" opens the form for this participant.
  await page.goto(`/deelnemers/${dossierId}`);
  await page
    .getByRole('region', { name: 'Observaties', exact: true })
    .getByRole('link', { name: 'Observatie toevoegen' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: `Observatie van ${fullName}` })).toBeVisible();
  await level(page, 'Samenwerken', 'Met hulp').click();
  await level(page, 'Werktempo en inzet', 'Zelfstandig').click();

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Observatie opslaan' }).click();
  await expect(page.getByText('Nog niet verstuurd — wordt verstuurd zodra je weer verbinding hebt.')).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Nog niet verstuurd (1)' });
  await expect(waiting.getByRole('listitem')).toHaveCount(1);
  await expect(waiting.getByRole('listitem')).toContainText(fullName);
  await expect(waiting.getByRole('listitem')).toContainText('Wacht op verbinding');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await context.setOffline(false);
  await dismissNotification(page, `De observatie van ${fullName} is verstuurd.`);
  await expect(waiting).toHaveCount(0);

  await page.goto(`/deelnemers/${dossierId}`);
  // Observation cards carry the rater's badge; the scores inside them are list items too.
  const cards = page
    .getByRole('region', { name: 'Observaties', exact: true })
    .getByRole('listitem')
    .filter({ hasText: 'Werkleider' });
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: 'SamenwerkenMet hulp' })).toHaveCount(1);
  // Nothing is sent twice when the app starts again.
  await page.reload();
  await expect(cards).toHaveCount(2);
  await logOut(page);
});
