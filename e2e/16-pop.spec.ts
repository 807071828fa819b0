import { type APIRequestContext, type APIResponse, expect, type Page, request, test } from '@playwright/test';
import { firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The POP with the coach on a phone: from the dossier a draft is started and filled in (job target, work mode,
 * competencies now and next, a SMART goal, two actions); the coach agrees, the participant agrees (through the API
 * with the participant's own session), and version 1 is the agreed plan with its PDF. A second draft: someone else
 * saves in between, the coach sees what changed instead of overwriting it, and compares the draft with version 1.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE });

const coach = { name: 'Pieter Popcoach', email: 'pieter.pop@example.org', password: 'blauwe vogels fluiten zacht' };
const participant = {
  first: 'Nora',
  last: 'Janssens',
  username: 'nora.janssens',
  password: 'warme soep op een koude dag',
};
const fullName = `${participant.first} ${participant.last}`;
const teamName = 'Groendienst POP';
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

async function ok<T>(response: Promise<APIResponse>): Promise<T> {
  const res = await response;
  expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('the admin arranges a team with two tasks, a coach and a participant with a login', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const staff = await AdminApi.logIn(base);
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team(teamName, siteId, 'groen');
  await staff.staff(coach, 'coach');
  await staff.dispose();

  const asCoach = await apiAs(base, coach.email, coach.password);
  const start = addDays(todayIso(), -20);
  const dossier = await ok<{ id: string }>(
    asCoach.post('/api/v1/participants', {
      data: {
        firstName: participant.first,
        lastName: participant.last,
        dateOfBirth: '1999-04-12',
        siteId,
        teamId,
        programmeType: 'maatwerk',
        intakeDate: addDays(start, -7),
        startDate: start,
      },
    }),
  );
  dossierId = dossier.id;
  await ok(
    asCoach.post(`/api/v1/participants/${dossierId}/account`, {
      data: { method: 'password', username: participant.username, password: participant.password },
    }),
  );
  await asCoach.dispose();
  const asAdmin = await apiAs(base, 'beheer@example.org', 'paarse olifanten dansen traag');
  for (const name of ['Haag snoeien', 'Grasmaaier bedienen']) {
    await ok(asAdmin.post(`/api/v1/teams/${teamId}/skills`, { data: { name, groupName: 'Groen' } }));
  }
  await asAdmin.dispose();
});

const editor = (page: Page) => page.locator('#pop-editor');

/**
 * Like support/app.ts dismissNotification, but a notification that closed on its own while a loaded machine was slow
 * counts as dismissed too: what matters is that it said the right thing and is gone before axe looks.
 */
async function dismissNotification(page: Page, text: string): Promise<void> {
  const notification = page.locator('.mantine-Notifications-root').getByRole('alert').filter({ hasText: text });
  await expect(notification).toBeVisible();
  await notification
    .getByRole('button', { name: 'Sluiten' })
    .click({ timeout: 3_000 })
    .catch(() => undefined);
  await expect(notification).toHaveCount(0);
}

test('the coach drafts the POP on a phone and agrees to it', async ({ page }) => {
  // A long form, several saves and axe checks on a shared machine.
  test.setTimeout(420_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const section = page.getByRole('region', { name: 'POP (persoonlijk ontwikkelingsplan)' });
  await expect(section.getByText('Er is nog geen POP.')).toBeVisible();
  await expect(section.getByText('Binnenkort nodig', { exact: true })).toBeVisible();
  await expect(section.getByText('Er is nog geen afgesproken POP.', { exact: false })).toBeVisible();
  await checkAtPhoneWidth(page);

  await section.getByRole('button', { name: 'Ontwerp starten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `POP van ${fullName}` })).toBeVisible();
  await expect(page).toHaveURL(/\/pop\?tab=ontwerp$/);
  await dismissNotification(page, 'Het ontwerp is klaar.');
  await expect(page.getByRole('tab', { name: 'Ontwerp' })).toHaveAttribute('aria-selected', 'true');

  const form = editor(page);
  await form.getByLabel('Wie ben ik').fill('Ik ben Nora. Ik werk graag buiten, met mijn handen.');
  await form.getByRole('textbox', { name: 'Mijn jobdoelwit' }).fill('Tuinier bij een gemeente.');
  await form.getByLabel('Mijn dromen').fill('Een eigen moestuin.');
  await form.getByRole('radio', { name: 'Uitvoerend' }).check();
  await form.getByLabel('Waarom werkt de deelnemer graag zo?').fill('Ik zie graag wat ik gedaan heb.');
  await form
    .getByRole('group', { name: 'Algemene competenties: wat ik al kan' })
    .getByRole('checkbox', { name: 'Stiptheid en aanwezigheid' })
    .check();
  await form
    .getByRole('group', { name: 'Algemene competenties: wat ik wil leren' })
    .getByRole('checkbox', { name: 'Samenwerken' })
    .check();
  await form
    .getByRole('group', { name: 'Technische vaardigheden: wat ik al kan' })
    .getByRole('checkbox', { name: 'Grasmaaier bedienen' })
    .check();
  await form
    .getByRole('group', { name: 'Technische vaardigheden: wat ik wil leren' })
    .getByRole('checkbox', { name: 'Haag snoeien' })
    .check();

  // A goal without a date: the form says so on the field.
  await form.getByRole('button', { name: 'Doel toevoegen' }).click();
  const goal = form.getByRole('group', { name: 'Doel 1' });
  await expect(goal.getByLabel('Wat wil ik bereiken?')).toBeFocused();
  await goal.getByLabel('Wat wil ik bereiken?').fill('Alleen een haag snoeien.');
  await form.getByRole('button', { name: 'Ontwerp bewaren' }).click();
  await expect(goal.getByLabel('Tegen wanneer?')).toHaveAttribute('aria-invalid', 'true');
  await expect(goal.getByLabel('Tegen wanneer?')).toBeFocused();
  await goal.getByLabel('Tegen wanneer?').fill(addDays(todayIso(), 120));
  await goal.getByLabel('Hoe zien we dat het gelukt is?').fill('De werkleider zegt: het is netjes en veilig.');
  await goal.getByLabel('Waarom is het belangrijk voor mij?').fill('Dan kan ik alleen op pad.');

  for (const [n, what] of [
    [1, 'Elke week een haag snoeien met Sven.'],
    [2, 'Een cursus veilig werken volgen.'],
  ] as const) {
    await form.getByRole('button', { name: 'Actie toevoegen' }).click();
    const action = form.getByRole('group', { name: `Actie ${n}` });
    await expect(action.getByLabel('Wat doen we?')).toBeFocused();
    await action.getByLabel('Wat doen we?').fill(what);
    await action.getByLabel('Tegen wanneer?').fill(addDays(todayIso(), 30 * n));
    await action.getByLabel('Voor welk doel?').selectOption({ label: 'Alleen een haag snoeien.' });
  }
  await form.getByLabel('Hulp die ik nodig heb').fill('Iemand die het eerst voordoet.');
  await form.getByLabel('Datum van de volgende evaluatie').fill(addDays(todayIso(), 180));
  await expect(form.getByText('Je hebt wijzigingen die nog niet bewaard zijn.')).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await form.getByRole('button', { name: 'Ontwerp bewaren' }).click();
  await dismissNotification(page, 'Het ontwerp is bewaard.');
  await expect(form.getByText('Je hebt wijzigingen die nog niet bewaard zijn.')).toHaveCount(0);

  const agreement = page.getByRole('region', { name: 'Akkoord' });
  await agreement.getByRole('button', { name: 'Ik ga akkoord' }).click();
  await dismissNotification(page, 'Je bent akkoord. Nu moet de deelnemer nog akkoord gaan.');
  await expect(agreement).toContainText(`${coach.name}, akkoord op`);
  await expect(agreement).toContainText('Deelnemer: nog niet akkoord');
  await expectNoA11yViolations(page);
  await logOut(page);
});

test('the participant agrees with their own session, and version 1 is the agreed POP with a PDF', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // The participant's screens are the portal's; the agreement goes through the same route with their own login.
  const asParticipant = await apiAs(baseURL ?? '', participant.username, participant.password);
  const overview = await ok<{ draft: { number: number; revision: number } }>(
    asParticipant.get(`/api/v1/participants/${dossierId}/pop`),
  );
  await ok(
    asParticipant.post(`/api/v1/participants/${dossierId}/pop/versions/${overview.draft.number}/agree`, {
      data: { revision: overview.draft.revision },
    }),
  );
  await asParticipant.dispose();

  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}`);
  const section = page.getByRole('region', { name: 'POP (persoonlijk ontwikkelingsplan)' });
  await expect(section.getByText('Versie 1, afgesproken op', { exact: false })).toBeVisible();
  await section.getByRole('link', { name: 'POP openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `POP van ${fullName}` })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Afgesproken versie' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: /Versie 1, afgesproken op/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mijn acties' })).toContainText('Een cursus veilig werken volgen.');
  await expect(page.getByRole('region', { name: 'Wie ben ik' })).toContainText('Ik ben Nora.');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  const pdf = page.getByRole('link', { name: 'PDF van versie 1 downloaden' });
  const href = await pdf.getAttribute('href');
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const download = page.waitForEvent('download');
  await pdf.click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // The presentations of the agreed version.
  const presented = page.getByRole('region', { name: 'Voorgesteld' });
  await presented.getByLabel('Datum').fill(todayIso());
  await presented.getByRole('button', { name: 'Datum toevoegen' }).click();
  await dismissNotification(page, 'De datum is bewaard.');
  await expect(presented.getByRole('listitem')).toContainText('Ploegoverleg op');
  await logOut(page);
});

test('a second draft: a save in between is shown, not overwritten, and the draft compares with version 1', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(420_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}/pop?tab=ontwerp`);
  await expect(page.getByText('Er is nu geen ontwerp.')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuw ontwerp starten' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ontwerp, versie 2' })).toBeVisible();
  const form = editor(page);
  // The draft starts as a copy of version 1.
  await expect(form.getByLabel('Wie ben ik')).toHaveValue('Ik ben Nora. Ik werk graag buiten, met mijn handen.');

  // Meanwhile the participant saves new words for their dreams.
  const asParticipant = await apiAs(baseURL ?? '', participant.username, participant.password);
  const overview = await ok<{ draft: { number: number; revision: number; content: Record<string, unknown> } }>(
    asParticipant.get(`/api/v1/participants/${dossierId}/pop`),
  );
  await ok(
    asParticipant.put(`/api/v1/participants/${dossierId}/pop/versions/${overview.draft.number}`, {
      data: {
        revision: overview.draft.revision,
        content: { ...overview.draft.content, dreams: 'Een eigen moestuin met kippen.' },
      },
    }),
  );
  await asParticipant.dispose();

  await form.getByLabel('Wie ben ik').fill('Ik ben Nora. Ik snoei nu alleen.');
  await form.getByRole('button', { name: 'Ontwerp bewaren' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit ontwerp intussen bewaard' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('region', { name: 'Mijn dromen' })).toContainText('Een eigen moestuin met kippen.');
  await expect(conflict.getByRole('button', { name: 'Tekst van Mijn dromen kopiëren' })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  // My words are still in the form; I take their version and type mine again.
  await expect(form.getByLabel('Wie ben ik')).toHaveValue('Ik ben Nora. Ik snoei nu alleen.');
  await conflict.getByRole('button', { name: 'Hun versie laden (mijn wijzigingen vervallen)' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(form.getByLabel('Mijn dromen')).toHaveValue('Een eigen moestuin met kippen.');
  await form.getByLabel('Wie ben ik').fill('Ik ben Nora. Ik snoei nu alleen.');
  await form.getByRole('button', { name: 'Actie toevoegen' }).click();
  const third = form.getByRole('group', { name: 'Actie 3' });
  await third.getByLabel('Wat doen we?').fill('Leren werken met de bladblazer.');
  await third.getByLabel('Tegen wanneer?').fill(addDays(todayIso(), 60));
  await form.getByRole('button', { name: 'Ontwerp bewaren' }).click();
  await dismissNotification(page, 'Het ontwerp is bewaard.');

  await page.getByRole('button', { name: 'Vergelijk met de afgesproken versie' }).click();
  const compare = page.getByRole('dialog', { name: 'Afgesproken versie 1 en het ontwerp' });
  const summary = compare.getByRole('region', { name: 'Wie ben ik' });
  await expect(summary).toContainText('Ik ben Nora. Ik werk graag buiten, met mijn handen.');
  await expect(summary).toContainText('Ik ben Nora. Ik snoei nu alleen.');
  await expect(compare.getByRole('region', { name: 'Mijn dromen' })).toContainText('Een eigen moestuin met kippen.');
  await expect(compare.getByRole('region', { name: 'Mijn acties' })).toContainText(
    'NieuwLeren werken met de bladblazer.',
  );
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await compare.getByRole('button', { name: 'Sluiten' }).first().click();
  await expect(compare).toHaveCount(0);

  await page.getByRole('tab', { name: 'Versies' }).click();
  const versions = page.getByRole('list', { name: 'Alle versies, de nieuwste eerst' });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('Versie 2');
  await expect(versions.getByRole('listitem').first()).toContainText('Ontwerp');
  await expect(versions.getByRole('listitem').last()).toContainText('Afgesproken');
  await expectNoA11yViolations(page);
  await logOut(page);
});

test('the coach finds the participant on the POP follow-up list', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'POP-opvolging' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'POP-opvolging' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Deelnemers en hun POP' });
  await expect(list.getByRole('link', { name: fullName })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await list.getByRole('link', { name: fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: `POP van ${fullName}` })).toBeVisible();
});
