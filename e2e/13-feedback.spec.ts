import { expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The four-week feedback cadence: a coach sees a participant who started six weeks ago under "Te laat", records the
 * conversation on a phone, and the participant leaves the list; the participant then sees their next date.
 */
test.describe.configure({ mode: 'serial' });

const coach = {
  name: 'Fien Feedbackcoach',
  email: 'fien.feedback@example.org',
  password: 'zachte regen op het dak',
};
const participant = {
  first: 'Milan',
  last: 'De Smet',
  username: 'milan.desmet',
  password: 'rode appels in de mand',
};
const fullName = `${participant.first} ${participant.last}`;
const agreement = 'Milan meldt het zelf als hij later komt.';

const DAY_MS = 86_400_000;
/** Dates as the server counts them: Belgian calendar days. */
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** As the web shows a date: "3 maart 2026". */
const dutchDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

test('the admin arranges a coach and a participant who started six weeks ago', async ({ baseURL }) => {
  const staff = await AdminApi.logIn(baseURL ?? '');
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team('Groendienst Feedback', siteId, 'groen');
  const coachId = await staff.staff(coach, 'coach');
  await staff.dispose();

  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } });
  expect(login.status(), await login.text()).toBe(200);
  const start = addDays(todayIso(), -42);
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1998-06-21',
      siteId,
      teamId,
      programmeType: 'maatwerk',
      intakeDate: addDays(start, -7),
      startDate: start,
      coachIds: [coachId],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const dossierId = (await registered.json()).id as string;
  const account = await api.post(`/api/v1/participants/${dossierId}/account`, {
    data: { method: 'password', username: participant.username, password: participant.password },
  });
  expect(account.status(), await account.text()).toBe(201);
  await api.dispose();
});

async function openFeedbackList(page: Page) {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Feedback', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feedbackgesprekken' })).toBeVisible();
}

test('the coach sees the participant under "Te laat", records a conversation on a phone, and the list empties', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await logIn(page, coach.email, coach.password, coach.name);
  // The home page counts who is due.
  await expect(page.getByRole('region', { name: 'Feedbackgesprekken' })).toContainText('1 deelnemer is te laat.');

  await openFeedbackList(page);
  const overdue = page.getByRole('list', { name: 'Te laat' });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(overdue.getByRole('listitem')).toContainText(fullName);
  // Started 42 days ago, due 28 days after: 14 days late, and no conversation yet.
  await expect(overdue.getByRole('listitem')).toContainText('14 dagen te laat');
  await expect(overdue.getByRole('listitem')).toContainText('Nog geen gesprek');
  await checkAtPhoneWidth(page);
  // The form opens straight from the list too.
  await overdue.getByRole('button', { name: `Gesprek vastleggen met ${fullName}` }).click();
  const fromList = page.getByRole('dialog', { name: 'Feedbackgesprek vastleggen' });
  await expect(fromList.getByLabel('Datum van het gesprek')).toHaveValue(todayIso());
  await fromList.getByRole('button', { name: 'Annuleren' }).click();
  await expect(fromList).toHaveCount(0);

  await overdue.getByRole('link', { name: fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const section = page.getByRole('region', { name: 'Feedbackgesprekken' });
  await expect(section.getByText('Te laat', { exact: true })).toBeVisible();
  await expect(section.getByText('Er is nog geen feedbackgesprek vastgelegd.')).toBeVisible();

  await section.getByRole('button', { name: 'Gesprek vastleggen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Feedbackgesprek vastleggen' });
  await expect(dialog.getByLabel('Datum van het gesprek')).toHaveValue(todayIso());
  // Nothing said yet: the form names what is missing.
  await dialog.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await expect(dialog.getByLabel('Wat ging goed?')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    dialog.getByText('Vul minstens één van de drie vakken in: wat ging goed', { exact: false }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  await dialog.getByLabel('Wat ging goed?').fill('Milan werkt rustig en zorgvuldig.');
  await dialog.getByLabel('Waar werkt de deelnemer aan?').fill('Op tijd beginnen na de pauze.');
  await dialog.getByLabel('Welke afspraken maken jullie?').fill(agreement);
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await dialog.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'Het feedbackgesprek is opgeslagen.');

  const nextDue = dutchDate(addDays(todayIso(), 28));
  await expect(section.getByText(`voor ${nextDue}`)).toBeVisible();
  await expect(section.getByText('Op tijd', { exact: true })).toBeVisible();
  const conversations = section.getByRole('list', { name: 'Gesprekken, het nieuwste eerst' });
  await expect(conversations.getByRole('listitem')).toHaveCount(1);
  await expect(conversations.getByRole('listitem')).toContainText(agreement);
  await expect(conversations.getByRole('listitem')).toContainText(coach.name);
  await checkAtPhoneWidth(page);

  await openFeedbackList(page);
  await expect(page.getByText('Niemand is te laat. Goed zo!')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Te laat' })).toHaveCount(0);
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the participant sees the date of the next conversation and what was agreed', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await logIn(page, participant.username, participant.password, fullName);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn feedback' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn feedback' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Je feedbackgesprek' });
  await expect(mine).toContainText(`Je volgende feedbackgesprek: ${dutchDate(addDays(todayIso(), 28))}`);
  await expect(mine).toContainText(agreement);
  await checkAtPhoneWidth(page);
});

test('the admin sets a shorter interval for one team with the rules editor, by keyboard-friendly fields', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Feedbackregels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feedbackregels' })).toBeVisible();
  await expect(page.getByText('Er zijn nog geen regels.', { exact: false })).toBeVisible();
  await checkAtPhoneWidth(page);

  // Two rules for the same team and type: the second one is refused on its own field.
  for (const days of ['14', '21']) {
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    const rule = page.getByRole('group', { name: `Regel ${days === '14' ? 1 : 2}` });
    await rule.getByLabel('Ploeg').selectOption({ label: 'Groendienst Feedback' });
    await rule.getByLabel('Om de hoeveel dagen?').fill(days);
  }
  await page.getByRole('button', { name: 'Regels opslaan' }).click();
  await expect(page.getByRole('group', { name: 'Regel 2' }).getByLabel('Ploeg')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText('Er is al een regel voor deze ploeg en dit soort traject.')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Verwijderen: regel 2' }).click();
  await page.getByRole('button', { name: 'Regels opslaan' }).click();
  await dismissNotification(page, 'De feedbackregels zijn opgeslagen.');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Regel 1' }).getByLabel('Om de hoeveel dagen?')).toHaveValue('14');
  await checkAtPhoneWidth(page);

  // The admin looks across the organisation, or at one team.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Feedback', exact: true })
    .click();
  await expect(page.getByLabel('Welke deelnemers?')).toHaveValue('organisation');
  await page.getByLabel('Ploeg').selectOption({ label: 'Groendienst Feedback' });
  await expect(page.getByText('Niemand is te laat. Goed zo!')).toBeVisible();
  await checkAtPhoneWidth(page);
});
