import { readFile } from 'node:fs/promises';
import { type APIRequestContext, type APIResponse, expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, logIn, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * Privacy rights on a phone, as the admin: a participant still on their path cannot be erased yet; after the exit the
 * admin exports everything (JSON that parses and holds the name, a PDF), sets a retention period and erases whoever
 * is past it with "Nu wissen", then erases the participant by typing their full name. The dossier then shows the
 * pseudonym and the notice; the old name is found nowhere in the caseload.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE });

const person = { first: 'Wannes', last: 'Privaat', email: 'wannes.privaat@example.org' };
const fullName = `${person.first} ${person.last}`;
// Exited long ago: past any retention period, so "Nu wissen" has someone to erase.
const longGone = { first: 'Odilia', last: 'Oudgediend' };
let dossierId = '';

const DAY_MS = 86_400_000;
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function ok<T>(response: Promise<APIResponse>): Promise<T> {
  const res = await response;
  expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

async function asAdmin(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  await ok(api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } }));
  return api;
}

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

const privacySection = (page: Page) => page.getByRole('region', { name: 'Privacy', exact: true });

test('the admin registers two participants, one of them exited years ago', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const staff = await AdminApi.logIn(base);
  const siteId = await staff.siteId(firstSiteName);
  await staff.dispose();
  const api = await asAdmin(base);
  const start = addDays(todayIso(), -60);
  const dossier = await ok<{ id: string }>(
    api.post('/api/v1/participants', {
      data: {
        firstName: person.first,
        lastName: person.last,
        email: person.email,
        dateOfBirth: '1994-05-17',
        siteId,
        programmeType: 'maatwerk',
        intakeDate: addDays(start, -7),
        startDate: start,
      },
    }),
  );
  dossierId = dossier.id;
  const old = await ok<{ id: string }>(
    api.post('/api/v1/participants', {
      data: {
        firstName: longGone.first,
        lastName: longGone.last,
        dateOfBirth: '1970-02-02',
        siteId,
        programmeType: 'maatwerk',
        intakeDate: '2018-01-08',
        startDate: '2018-01-15',
      },
    }),
  );
  await ok(
    api.post(`/api/v1/participants/${old.id}/career-events`, {
      data: { kind: 'exit', date: '2020-06-30', exitDestination: 'regular_job' },
    }),
  );
  await api.dispose();
});

test('the admin records the exit and exports everything as JSON and as PDF', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, admin.email, admin.password, admin.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const section = privacySection(page);

  // Still on the path: erasing is not possible yet, and the section says why.
  await expect(section.getByRole('button', { name: 'Deelnemer wissen (anonimiseren)' })).toBeDisabled();
  await expect(section.getByText('Wissen kan pas na de uitstroom.', { exact: false })).toBeVisible();
  await checkAtPhoneWidth(page);

  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Stap toevoegen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Een stap toevoegen' });
  await dialog.getByLabel('Welke stap?').selectOption({ label: 'Uitstroom' });
  await dialog.getByLabel('Datum', { exact: true }).fill(todayIso());
  await dialog.getByLabel('Waar gaat de deelnemer naartoe?').selectOption('regular_job');
  await dialog.getByRole('button', { name: 'Stap opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De stap “Uitstroom” is opgeslagen.');
  await expect(section.getByRole('button', { name: 'Deelnemer wissen (anonimiseren)' })).toBeEnabled();

  // JSON: a reason that is too short is refused on its field first.
  await section.getByRole('button', { name: 'Gegevens exporteren (AVG)' }).click();
  dialog = page.getByRole('dialog', { name: 'Gegevens exporteren' });
  await expect(dialog.getByRole('radio', { name: 'JSON' })).toBeChecked();
  await dialog.getByLabel('Reden').fill('Vraag');
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  await expect(dialog.getByLabel('Reden')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Reden')).toBeFocused();
  await expectNoA11yViolations(page);
  await dialog.getByLabel('Reden').fill('Vraag van de deelnemer per e-mail van vandaag');
  let downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const json: unknown = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
  const text = JSON.stringify(json);
  expect(text).toContain(person.first);
  expect(text).toContain(person.last);
  expect(text).toContain(person.email);
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, download.suggestedFilename());

  // PDF: to read.
  await section.getByRole('button', { name: 'Gegevens exporteren (AVG)' }).click();
  dialog = page.getByRole('dialog', { name: 'Gegevens exporteren' });
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByLabel('Reden').fill('Vraag van de deelnemer om een leesbare kopie');
  downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporteren' }).click();
  download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await readFile((await download.path()) ?? '');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await dismissNotification(page, download.suggestedFilename());
});

test('the admin sets a retention period and erases whoever is past it', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Privacy en bewaartermijn' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy en bewaartermijn' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Niet automatisch wissen' })).toBeChecked();
  await expect(page.getByText('De bewaartermijn staat uit. Niemand is aan de beurt.')).toBeVisible();
  await expect(page.getByText('Elke nacht wist Groeipad wie aan de beurt is.', { exact: false })).toBeVisible();
  await checkAtPhoneWidth(page);

  // Out of range first: the field says which numbers it takes.
  await page.getByRole('radio', { name: 'Wissen na een aantal maanden na de uitstroom' }).check();
  const months = page.getByRole('textbox', { name: 'Aantal maanden na de uitstroom' });
  await months.fill('6');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(months).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Kies een heel getal tussen 12 en 240.')).toBeVisible();
  await months.fill('24');
  await expect(page.getByText('Wie vandaag uitstroomt, wordt gewist op', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'De bewaartermijn is opgeslagen.');

  // The one who left in 2020 is due; the one who left today is not.
  const due = page.getByRole('list', { name: 'Deelnemers van wie de bewaartermijn voorbij is' });
  await expect(due.getByRole('link', { name: `${longGone.first} ${longGone.last}` })).toBeVisible();
  await expect(due.getByText(fullName)).toHaveCount(0);
  await checkAtPhoneWidth(page);

  // Earlier journeys share the database and may have left someone who exited long ago: count what the list shows.
  const dueCount = await due.getByRole('link').count();
  const erasedText = dueCount === 1 ? '1 deelnemer is gewist.' : `${dueCount} deelnemers zijn gewist.`;
  await page.getByRole('button', { name: 'Nu wissen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deelnemers nu wissen?' });
  await expect(
    dialog.getByText(dueCount === 1 ? 'Je wist 1 deelnemer.' : `Je wist ${dueCount} deelnemers.`, { exact: false }),
  ).toBeVisible();
  await dialog.getByLabel('Reden').fill('Bewaartermijn voorbij, controle van vandaag');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Wissen' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, erasedText);
  await expect(page.getByRole('status').filter({ hasText: erasedText })).toBeVisible();
  await expect(page.getByText('Niemand is aan de beurt.')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('the admin erases the participant by typing the name; the name is gone', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, admin.email, admin.password, admin.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await privacySection(page).getByRole('button', { name: 'Deelnemer wissen (anonimiseren)' }).click();
  const dialog = page.getByRole('dialog', { name: `${fullName} wissen?` });
  await expect(dialog.getByText('Dit verdwijnt')).toBeVisible();
  await expect(dialog.getByText('Dit blijft, voor de statistiek')).toBeVisible();
  await expectNoA11yViolations(page);

  // Another name does not confirm.
  await dialog.getByLabel('Reden').fill('Vraag van de deelnemer op het gesprek van vandaag');
  const confirm = dialog.getByLabel('Typ de volledige naam om te bevestigen');
  await confirm.fill(person.first);
  await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Deze naam is niet dezelfde.', { exact: false })).toBeVisible();

  await confirm.fill(fullName.toLowerCase());
  await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De deelnemer is gewist.');

  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).not.toHaveText(fullName);
  await expect(heading).toContainText('Anoniem');
  await expect(page.getByText('Deze deelnemer is gewist')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(person.last);
  await expect(page.getByRole('main')).not.toContainText(person.email);
  await expect(privacySection(page).getByRole('button', { name: 'Deelnemer wissen (anonimiseren)' })).toHaveCount(0);
  await checkAtPhoneWidth(page);

  // Not in the caseload under the old name, archived dossiers included.
  await page.goto(`/deelnemers?scope=all&archived=true&q=${person.last}`);
  await expect(page.getByText('Geen deelnemers gevonden.')).toBeVisible();
  await page.goto('/deelnemers?scope=all&archived=true&q=Anoniem');
  await expect(page.getByRole('main')).not.toContainText(person.last);
});
