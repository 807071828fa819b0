import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtDesktopWidth, checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The sensitive compartment on a phone. Coach A (the participant's coach) fills in two life domains of the PAP: one
 * kept for staff with a reason, one with the participant's own words and an action. The participant reads "Mijn
 * actieplan": the action, never the staff-only text. Coach B (another caseload) opens the compartment's address, gets
 * the break-the-glass form, gives a reason with the keyboard and reads the PAP. Coach A then sees under "Toegang" that
 * coach B broke the glass, and why, and ends that access.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE });

const coachA = { name: 'Anke Actieplan', email: 'anke.pap@example.org', password: 'groene kikkers springen hoog' };
const coachB = { name: 'Bram Noodcoach', email: 'bram.nood@example.org', password: 'gele tulpen bloeien vroeg' };
const participant = { first: 'Jonas', last: 'Verbeke', username: 'jonas.verbeke', password: 'zachte regen op het dak' };
const staffOnlyText = 'Loopt nog een gerechtelijke procedure.';
const staffOnlyReason = 'De procedure is nog niet openbaar.';
const ownView = 'Ik slaap slecht door de stress.';
const actionWhat = 'Een afspraak maken bij de huisarts.';
const glassReason = 'Crisisgesprek vandaag, Anke is met verlof.';
let dossierId = '';

const DAY_MS = 86_400_000;
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function apiAs(baseURL: string, identifier: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { identifier, password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

const domain = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('the admin arranges two coaches and a participant of coach A with a login', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const staff = await AdminApi.logIn(base);
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team('Kringwinkel PAP', siteId, 'winkel');
  const coachAId = await staff.staff(coachA, 'coach');
  await staff.staff(coachB, 'coach');
  await staff.dispose();

  const asAdmin = await apiAs(base, admin.email, admin.password);
  const start = addDays(todayIso(), -30);
  const registered = await asAdmin.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1995-06-20',
      siteId,
      teamId,
      programmeType: 'maatwerk',
      intakeDate: addDays(start, -7),
      startDate: start,
      coachIds: [coachAId],
    },
  });
  expect(registered.ok(), await registered.text()).toBe(true);
  dossierId = ((await registered.json()) as { id: string }).id;
  const account = await asAdmin.post(`/api/v1/participants/${dossierId}/account`, {
    data: { method: 'password', username: participant.username, password: participant.password },
  });
  expect(account.ok(), await account.text()).toBe(true);
  await asAdmin.dispose();
});

test('coach A fills in the PAP: one domain for staff only, one with the participant’s words and an action', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await logIn(page, coachA.email, coachA.password, coachA.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: `${participant.first} ${participant.last}` })).toBeVisible();
  const card = page.getByRole('region', { name: 'Actieplan en instrumenten' });
  await card.getByRole('link', { name: 'Actieplan en instrumenten openen' }).click();
  await expect(page).toHaveURL(new RegExp(`/deelnemers/${dossierId}/actieplan$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Actieplan en instrumenten' })).toBeVisible();
  await expect(page.getByText('Elke keer dat je hier kijkt of iets wijzigt, wordt bewaard.')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Actieplan (PAP)' })).toHaveAttribute('aria-selected', 'true');
  await checkAtPhoneWidth(page);

  // Hidden from the participant without a reason: the form says so under the reason field.
  // Each domain reads first; its form opens on request, with the focus on the status.
  const justice = domain(page, 'Justitie');
  await justice.getByRole('button', { name: 'Wijzigen: Justitie' }).click();
  await expect(justice.getByRole('radio', { name: 'Niet besproken' })).toBeFocused();
  await justice.getByRole('radio', { name: 'Aandachtspunt' }).check();
  await justice.getByLabel('Wat houdt het werk tegen?').fill(staffOnlyText);
  await justice.getByRole('switch', { name: 'Alleen voor begeleiders (de deelnemer ziet dit niet)' }).check();
  await justice.getByRole('button', { name: 'Bewaren: Justitie' }).click();
  const reason = justice.getByLabel('Waarom ziet de deelnemer dit niet?');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toBeFocused();
  await expect(justice.getByText('Schrijf waarom de deelnemer dit niet mag zien.')).toBeVisible();
  await reason.fill(staffOnlyReason);
  await justice.getByRole('button', { name: 'Bewaren: Justitie' }).click();
  // Saved, the form closes and the focus goes back to the button that opened it.
  await expect(justice.getByRole('button', { name: 'Wijzigen: Justitie' })).toBeFocused();
  await dismissNotification(page, 'Justitie is bewaard.');
  await expect(justice.getByText('Alleen voor begeleiders', { exact: true })).toBeVisible();
  await expect(justice.getByText(staffOnlyText)).toBeVisible();

  const mental = domain(page, 'Psychisch welzijn');
  await mental.getByRole('button', { name: 'Wijzigen: Psychisch welzijn' }).click();
  await mental.getByRole('radio', { name: 'Belemmert werk' }).check();
  await mental.getByLabel('Wat zegt de deelnemer zelf?').fill(ownView);
  await mental.getByRole('button', { name: 'Bewaren: Psychisch welzijn' }).click();
  await dismissNotification(page, 'Psychisch welzijn is bewaard.');
  await expect(mental.getByText('Belemmert werk', { exact: true }).first()).toBeVisible();

  await mental.getByRole('button', { name: 'Actie toevoegen bij Psychisch welzijn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe actie bij Psychisch welzijn' });
  await expect(dialog.getByLabel('Wat gebeurt er?')).toBeFocused();
  await page.keyboard.type(actionWhat);
  await dialog.getByLabel('Tegen wanneer?').fill(addDays(todayIso(), 14));
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'De actie is toegevoegd.');
  await expect(dialog).toHaveCount(0);
  await expect(mental.getByRole('listitem').filter({ hasText: actionWhat })).toContainText('De deelnemer');
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the participant reads Mijn actieplan: the action and their own words, not what is kept for staff', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, participant.username, participant.password, participant.first);
  await page.getByRole('link', { name: /Mijn actieplan/ }).click();
  await expect(page).toHaveURL(/\/mijn-actieplan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn actieplan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lees voor: deze pagina' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Psychisch welzijn' })).toBeVisible();
  await expect(page.getByText('Dit maakt werken moeilijk')).toBeVisible();
  await expect(page.getByText(ownView)).toBeVisible();
  await expect(page.getByText(actionWhat)).toBeVisible();
  await expect(page.getByText('Nog te doen')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(staffOnlyText);
  await expect(page.getByRole('main')).not.toContainText(staffOnlyReason);
  await expect(page.getByRole('main')).not.toContainText('Justitie');
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('coach B of another caseload breaks the glass with a reason, by keyboard, and reads the PAP', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, coachB.email, coachB.password, coachB.name);
  await page.goto(`/deelnemers/${dossierId}/actieplan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Actieplan en instrumenten' })).toBeVisible();
  const form = page.getByRole('region', { name: 'Toegang via noodprocedure' });
  await expect(form.getByText('De coaches van deze deelnemer krijgen een bericht.', { exact: false })).toBeVisible();
  await expect(form.getByLabel('Hoe lang?')).toHaveValue('4');
  await expect(page.getByText(staffOnlyText)).toHaveCount(0);
  await checkAtPhoneWidth(page);

  const reason = form.getByLabel('Waarom heb je dit nodig?');
  await reason.focus();
  await page.keyboard.type(glassReason);
  await expect(form.getByText(`${glassReason.length} van 500 tekens`)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Hoe lang?')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Openen via noodprocedure' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: `via noodprocedure: ${glassReason}` })).toBeVisible();
  await dismissNotification(page, 'Je hebt nu toegang tot');
  await expect(domain(page, 'Justitie').getByText(staffOnlyText)).toBeVisible();
  await expect(domain(page, 'Psychisch welzijn').getByText(actionWhat)).toBeVisible();
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('coach A sees under Toegang that coach B broke the glass, and why, and ends it', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, coachA.email, coachA.password, coachA.name);
  await page.goto(`/deelnemers/${dossierId}/actieplan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Actieplan en instrumenten' })).toBeVisible();
  await page.getByRole('tab', { name: 'Toegang' }).click();
  const grants = page.getByRole('list', { name: 'Wie heeft toegang?' });
  const grant = grants.getByRole('listitem').filter({ hasText: coachB.name });
  await expect(grant).toContainText('Noodprocedure');
  await expect(grant).toContainText(glassReason);
  await expect(grant).toContainText('Actief');
  const log = page.getByRole('list', { name: 'Wie keek er?' });
  await expect(
    log
      .getByRole('listitem')
      .filter({ hasText: `${coachB.name} (noodprocedure)` })
      .first(),
  ).toContainText(glassReason);
  // Coach A's own reads needed no reason, and the log says so instead of leaving the column blank.
  await expect(
    log
      .getByRole('listitem')
      .filter({ hasText: `${coachA.name} (` })
      .first(),
  ).toContainText('Niet nodig');
  await checkAtPhoneWidth(page);
  // On a wide screen the grants and the log are tables inside their sections.
  await checkAtDesktopWidth(page);

  await grant.getByRole('button', { name: `Toegang intrekken voor ${coachB.name}` }).click();
  await dismissNotification(page, 'De toegang is ingetrokken.');
  await expect(grant).toContainText('Ingetrokken');
  await expectNoA11yViolations(page);
  await logOut(page);
});

test('coach A gives coach B access until a date, and meets a colleague’s save instead of overwriting it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await logIn(page, coachA.email, coachA.password, coachA.name);
  await page.goto(`/deelnemers/${dossierId}/actieplan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Actieplan en instrumenten' })).toBeVisible();

  await page.getByRole('tab', { name: 'Toegang' }).click();
  const grantForm = page.getByRole('region', { name: 'Toegang geven' });
  await grantForm.getByLabel('Collega', { exact: true }).selectOption({ label: `${coachB.name} (Trajectbegeleider)` });
  await grantForm
    .getByLabel('Waarom heeft deze collega het nodig?')
    .fill('Neemt de begeleiding over tijdens het verlof.');
  await grantForm.getByLabel('Tot en met').fill(addDays(todayIso(), 30));
  await expectNoA11yViolations(page);
  await grantForm.getByRole('button', { name: 'Toegang geven' }).click();
  await dismissNotification(page, `${coachB.name} heeft nu toegang.`);
  const grants = page.getByRole('list', { name: 'Wie heeft toegang?' });
  await expect(
    grants.getByRole('listitem').filter({ hasText: 'Toegang gegeven' }).filter({ hasText: coachB.name }),
  ).toContainText('Actief');

  // A colleague saves the same domain while coach A is still typing.
  await page.getByRole('tab', { name: 'Actieplan (PAP)' }).click();
  const mental = domain(page, 'Psychisch welzijn');
  await mental.getByRole('button', { name: 'Wijzigen: Psychisch welzijn' }).click();
  await mental.getByLabel('Wat houdt het werk tegen?').fill('Mijn versie, nog niet bewaard.');
  const asCoach = await apiAs(baseURL ?? '', coachA.email, coachA.password);
  const plan = await asCoach.get(`/api/v1/participants/${dossierId}/pap`);
  const current = ((await plan.json()) as { domains: { code: string; revision: number }[] }).domains.find(
    (d) => d.code === 'mental_health',
  );
  const saved = await asCoach.put(`/api/v1/participants/${dossierId}/pap/domains/mental_health`, {
    data: {
      status: 'attention',
      hinderingFactors: 'Bijgewerkt door een collega.',
      ownView,
      revision: current?.revision ?? 0,
    },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  await asCoach.dispose();

  await mental.getByRole('button', { name: 'Bewaren: Psychisch welzijn' }).click();
  await expect(mental.getByRole('alert')).toContainText('Iemand anders heeft dit domein net gewijzigd.');
  await expect(mental.getByLabel('Wat houdt het werk tegen?')).toHaveValue('Bijgewerkt door een collega.');
  await expect(mental.getByRole('radio', { name: 'Aandachtspunt' })).toBeChecked();
  await checkAtPhoneWidth(page);
  await logOut(page);
});
