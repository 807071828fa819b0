import { type APIRequestContext, type Browser, expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The participant's self-assessment on a phone, in plain words with a read-aloud button; then the coach invites an
 * internship mentor, who opens the link from the mail without any login and gives scores; the coach revokes the link
 * and the mentor's page says so.
 */
test.describe.configure({ mode: 'serial' });

const coach = {
  name: 'Jonas Jobcoach',
  email: 'jonas.stage@example.org',
  password: 'trage treinen rijden ook',
};
const participant = {
  first: 'Ines',
  last: 'Vermeulen',
  username: 'ines.vermeulen',
  password: 'gele vlinders zoeken zon',
};
const fullName = `${participant.first} ${participant.last}`;
const mentor = { name: 'Karel Stagebaas', email: 'karel@bakkerij-stage.example.org', host: 'Bakkerij De Korrel' };
let dossierId = '';
let mentorPath = '';
/** The link as the coach saw it once, right after inviting. */
let shownLink = '';

async function adminRequest(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

const level = (page: Page, competency: string, label: string) =>
  page.getByRole('group', { name: competency }).getByRole('radio', { name: label });

test('the admin arranges a coach and a participant with a login', async ({ baseURL }) => {
  const staff = await AdminApi.logIn(baseURL ?? '');
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team('Bakkerij Stage', siteId, 'voeding');
  const coachId = await staff.staff(coach, 'coach');
  await staff.dispose();

  const api = await adminRequest(baseURL ?? '');
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1999-11-03',
      siteId,
      teamId,
      programmeType: 'activering',
      intakeDate: '2024-10-07',
      startDate: '2024-10-14',
      coachIds: [coachId],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  dossierId = (await registered.json()).id as string;
  const account = await api.post(`/api/v1/participants/${dossierId}/account`, {
    data: { method: 'password', username: participant.username, password: participant.password },
  });
  expect(account.status(), await account.text()).toBe(201);
  await api.dispose();
});

test('the participant fills in a self-assessment on a phone, with pictures and read-aloud', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await logIn(page, participant.username, participant.password, fullName);
  const reminder = page.getByText('Vul je zelfevaluatie in voor je feedbackgesprek.');
  await expect(reminder).toBeVisible();
  // The portal: "Mijn feedback" in the bar at the bottom leads to the self-assessment.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn feedback' }).click();
  await page.getByRole('link', { name: 'Naar mijn zelfevaluatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zelfevaluatie' })).toBeVisible();

  // Read-aloud for the page and for every question; the texts speak to the participant as "ik".
  await expect(page.getByRole('button', { name: 'Lees voor: uitleg van deze pagina' })).toBeVisible();
  // Journey 10 rewrites "Afspraken nakomen", so the shipped wording is checked on "Stiptheid en aanwezigheid".
  const onTime = page.getByRole('group', { name: 'Stiptheid en aanwezigheid' });
  await expect(onTime.getByRole('button', { name: 'Lees voor: Stiptheid en aanwezigheid' })).toBeVisible();
  await expect(onTime.getByText('Ik ben op tijd op het werk.', { exact: false })).toBeVisible();
  await expect(onTime.getByText('Hoe goed lukt dit jou?')).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await level(page, 'Afspraken nakomen', 'Zelfstandig').click();
  await level(page, 'Samenwerken', 'Met hulp').click();
  await page.getByRole('button', { name: 'Notitie toevoegen bij Samenwerken' }).click();
  await page.getByLabel('Wat wil je zeggen over Samenwerken? (niet verplicht)').fill('Ik werk liever alleen.');
  await page.getByRole('button', { name: 'Klaar, versturen' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Dank je wel!' })).toBeVisible();
  await expect(page.getByText('Je antwoorden zijn bewaard.', { exact: false })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // Filled in since the last conversation (there was none yet): the portal thanks instead of asking again.
  await page.goto('/mijn-feedback');
  await expect(page.getByText('Je vulde je zelfevaluatie in op', { exact: false })).toBeVisible();
  await page.goto('/mijn-pad');
  await expect(page.getByRole('heading', { level: 2, name: 'Wat doe ik nu?' })).toBeVisible();
  await expect(page.getByText('Mijn volgende feedbackgesprek', { exact: false })).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await logOut(page);
});

test('the coach sees the self-assessment and invites a mentor by e-mail', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const observations = page.getByRole('region', { name: 'Observaties', exact: true });
  const self = observations.getByRole('listitem').filter({ hasText: 'Zelf' }).filter({ hasText: 'Door' });
  await expect(self).toHaveCount(1);
  await expect(self).toContainText('Afspraken nakomenZelfstandig');
  await expect(self).toContainText('Ik werk liever alleen.');

  const mentors = page.getByRole('region', { name: 'Stagementoren', exact: true });
  await expect(mentors.getByText('Er is nog geen mentor uitgenodigd.')).toBeVisible();
  await mentors.getByRole('button', { name: 'Mentor uitnodigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Een stagementor uitnodigen' });
  await dialog.getByLabel('Naam van de mentor').fill(mentor.name);
  await dialog.getByLabel('E-mailadres van de mentor').fill(mentor.email);
  await dialog.getByLabel('Stageplaats (niet verplicht)').fill(mentor.host);
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(dialog).toHaveCount(0);
  // The journeys run without SMTP: the mail stays in the outbox, so the coach is told and gets the link to pass on.
  const shown = page.getByRole('dialog', { name: `De link voor ${mentor.name}` });
  await expect(shown.getByText('De e-mail is niet verstuurd.', { exact: false })).toBeVisible();
  const linkField = shown.getByLabel(`Link voor ${mentor.name}`);
  await expect(linkField).toHaveValue(/\/mentor\/[A-Za-z0-9_-]{43}$/);
  shownLink = await linkField.inputValue();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(shown.getByRole('button', { name: 'Link kopiëren' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shown.getByText('De link is gekopieerd.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shownLink);
  await expectNoA11yViolations(page);
  await shown.getByRole('button', { name: 'Klaar' }).click();
  await expect(shown).toHaveCount(0);
  const invitation = mentors.getByRole('listitem').filter({ hasText: mentor.name });
  await expect(invitation).toContainText('Actief');
  await expect(invitation).toContainText(mentor.host);
  await expect(invitation).toContainText('Nog niet gebruikt');
  await expect(invitation).toContainText('E-mail niet verstuurd');
  await expect(invitation.getByRole('button', { name: `Link opnieuw versturen naar ${mentor.name}` })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the mail to the mentor holds the link', async ({ baseURL }) => {
  const api = await adminRequest(baseURL ?? '');
  const res = await api.get('/api/v1/outbox');
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { to: string; body: string }[] };
  const mail = items.find((m) => m.to.includes(mentor.email));
  expect(mail, 'no mail to the mentor in the outbox').toBeDefined();
  const token = /\/mentor\/([A-Za-z0-9_-]{20,})/.exec(mail?.body ?? '')?.[1];
  expect(token, 'no mentor link in the mail').toBeDefined();
  mentorPath = `/mentor/${token}`;
  // The link the coach saw is the one in the mail.
  expect(new URL(shownLink).pathname).toBe(mentorPath);
  await api.dispose();
});

async function mentorPage(browser: Browser, baseURL: string | undefined) {
  // A fresh browser context: no cookies, nobody logged in, as on the mentor's own computer.
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  return { context, page: await context.newPage() };
}

test('the mentor opens the link without logging in and gives scores', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  expect(mentorPath).not.toBe('');
  const { context, page } = await mentorPage(browser, baseURL);
  await page.goto(mentorPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Stage-evaluatie' })).toBeVisible();
  await expect(
    page.getByText(`Beste ${mentor.name}, dank je om ${fullName} te begeleiden`, { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('Je hebt nog geen evaluatie gegeven.')).toBeVisible();
  // The competency texts speak to the intern: the mentor is told so, once, above the form.
  await expect(
    page.getByText(
      `De zinnen hieronder zijn geschreven voor ${participant.first}. Kies wat je bij ${participant.first} ziet.`,
    ),
  ).toBeVisible();
  // No context choice for a mentor: it is always the internship.
  await expect(page.getByLabel('Waar was dit?')).toHaveCount(0);
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await level(page, 'Stiptheid en aanwezigheid', 'Voorbeeld').click();
  await level(page, 'Leerbereidheid', 'Zelfstandig').click();
  await page.getByLabel('Algemene opmerking (niet verplicht)').fill('Ines is elke dag stipt en leert snel.');
  await page.getByRole('button', { name: 'Evaluatie versturen' }).click();
  await expect(page.getByText(`Je evaluatie is bewaard. De begeleider van ${fullName} kan ze nu lezen.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Je eerdere evaluaties' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Je eerdere evaluaties' })).toContainText('2 scores');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await context.close();
});

test('the coach sees the mentor’s scores and revokes the link; the link then says so', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}`);
  const fromMentor = page
    .getByRole('region', { name: 'Observaties', exact: true })
    .getByRole('listitem')
    .filter({ hasText: 'Mentor' })
    .filter({ hasText: 'Door' });
  await expect(fromMentor).toHaveCount(1);
  await expect(fromMentor).toContainText(`Door ${mentor.name} · Op stage`);
  await expect(fromMentor).toContainText('Stiptheid en aanwezigheidVoorbeeld');

  const mentors = page.getByRole('region', { name: 'Stagementoren', exact: true });
  const invitation = mentors.getByRole('listitem').filter({ hasText: mentor.name });
  await expect(invitation).toContainText('1 evaluatie');
  await invitation.getByRole('button', { name: `Link intrekken van ${mentor.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Link intrekken?' });
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Intrekken' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, `De link van ${mentor.name} is ingetrokken.`);
  await expect(invitation).toContainText('Ingetrokken');
  await expect(invitation.getByRole('button', { name: `Link intrekken van ${mentor.name}` })).toHaveCount(0);
  await logOut(page);

  const { context, page: mentorTab } = await mentorPage(browser, baseURL);
  await mentorTab.goto(mentorPath);
  await expect(mentorTab.getByRole('heading', { level: 1, name: 'Deze link is ingetrokken' })).toBeVisible();
  await expect(mentorTab.getByRole('button', { name: 'Evaluatie versturen' })).toHaveCount(0);
  await expectNoA11yViolations(mentorTab);
  await checkAtPhoneWidth(mentorTab);
  await context.close();
});
