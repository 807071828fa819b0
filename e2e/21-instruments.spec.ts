import { type APIRequestContext, type APIResponse, expect, type Page, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtDesktopWidth, checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * Instruments on a phone: the admin adds an instrument of their own; a coach records an ASI result for a participant
 * of their caseload (a severity out of range is refused under its field first), adds a PDF to it and sees a PNG name
 * with PDF bytes refused; a manager sees the number of ASI results go up, and no name.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE });

const coach = {
  name: 'Ines Instrument',
  email: 'ines.instrument@example.org',
  password: 'groene kikkers springen hoog',
};
const manager = { name: 'Marc Manager', email: 'marc.cijfers@example.org', password: 'rode appels vallen stil' };
const participant = { first: 'Yara', last: 'Vermeulen' };
const fullName = `${participant.first} ${participant.last}`;
const asiName = 'ASI (Addiction Severity Index)';
/** An instrument with the field types the built-in ones lack (yes/no, date), to see them in the form and read back. */
const intakeName = 'Intake mobiliteit';
let dossierId = '';
let asiBefore = 0;

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

interface Counts {
  instruments: { name: string; total: number }[];
}
const asiTotal = (counts: Counts) => counts.instruments.find((i) => i.name === asiName)?.total ?? 0;

test('the admin arranges a coach with a participant and a manager', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const staff = await AdminApi.logIn(base);
  const siteId = await staff.siteId(firstSiteName);
  const teamId = await staff.team('Groendienst instrumenten', siteId, 'groen');
  await staff.staff(coach, 'coach');
  await staff.dispose();
  const asAdmin = await apiAs(base, admin.email, admin.password);
  await ok(asAdmin.post('/api/v1/users', { data: { ...manager, role: 'manager' } }));
  await ok(
    asAdmin.post('/api/v1/instrument-definitions', {
      data: {
        name: intakeName,
        kind: 'custom',
        fields: [
          { key: 'talked_on', label: 'Datum van het gesprek', type: 'date', required: true },
          { key: 'licence', label: 'Heeft een rijbewijs', type: 'boolean', help: 'Rijbewijs B.', group: 'Vervoer' },
          {
            key: 'transport',
            label: 'Hoe komt de deelnemer naar het werk?',
            type: 'choice',
            options: ['Te voet', 'Fiets', 'Openbaar vervoer'],
            group: 'Vervoer',
          },
          { key: 'remarks', label: 'Opmerkingen', type: 'text' },
        ],
      },
    }),
  );
  await asAdmin.dispose();

  const asCoach = await apiAs(base, coach.email, coach.password);
  const start = addDays(todayIso(), -20);
  const dossier = await ok<{ id: string }>(
    asCoach.post('/api/v1/participants', {
      data: {
        firstName: participant.first,
        lastName: participant.last,
        dateOfBirth: '1995-09-03',
        siteId,
        teamId,
        programmeType: 'maatwerk',
        intakeDate: addDays(start, -7),
        startDate: start,
      },
    }),
  );
  dossierId = dossier.id;
  await asCoach.dispose();

  const asManager = await apiAs(base, manager.email, manager.password);
  asiBefore = asiTotal(await ok<Counts>(asManager.get('/api/v1/sensitive/counts')));
  await asManager.dispose();
});

test('the admin adds an instrument with two fields', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, admin.email, admin.password, admin.name);
  await page.goto('/instellingen/instrumenten');
  await expect(page.getByRole('heading', { level: 1, name: 'Instrumenten' })).toBeVisible();
  // The built-in instruments are there from the first look.
  await expect(page.getByRole('heading', { level: 2, name: asiName })).toBeVisible();
  await checkAtPhoneWidth(page);
  await checkAtDesktopWidth(page);

  await page.getByRole('button', { name: 'Nieuw instrument' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw instrument' });
  await expect(dialog.getByLabel('Naam', { exact: true })).toBeFocused();
  await expectNoA11yViolations(page);
  await dialog.getByLabel('Naam', { exact: true }).fill('Werkpost-check');
  await dialog.getByLabel('Vraag of naam van het veld').fill('Tempo');
  // The key follows the label.
  await expect(dialog.getByLabel('Sleutel')).toHaveValue('tempo');
  await dialog.getByLabel('Minimum').fill('1');
  await dialog.getByLabel('Maximum').fill('5');
  await dialog.getByLabel('Verplicht').check();
  await dialog.getByRole('button', { name: 'Veld toevoegen' }).click();
  const second = dialog.locator('li').nth(1);
  await second.getByLabel('Vraag of naam van het veld').fill('Opmerking van de werkleider');
  await second.getByLabel('Soort veld').selectOption({ label: 'Tekst' });
  await expect(second.getByLabel('Minimum')).toHaveCount(0);
  // Reorder with the keyboard: the second field moves up and keeps the focus.
  await second.getByRole('button', { name: 'Naar boven: Opmerking van de werkleider' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.locator('li').first().getByLabel('Sleutel')).toHaveValue('opmerking_van_de_werkleider');
  await expect(dialog.getByRole('button', { name: 'Naar beneden: Opmerking van de werkleider' })).toBeFocused();
  await checkAtPhoneWidth(page);
  await checkAtDesktopWidth(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Werkpost-check is opgeslagen.');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Werkpost-check' }) });
  await expect(card).toContainText('2 velden');
  await expect(card).toContainText('0 resultaten');
  await checkAtPhoneWidth(page);
  await logOut(page);
});

const pdfBytes = Buffer.from('%PDF-1.4\n%%EOF\n');

async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, name: string, mimeType: string) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name, mimeType, buffer: pdfBytes });
}

test('a coach records an ASI result and adds a PDF to it', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(`/deelnemers/${dossierId}/actieplan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Actieplan en instrumenten' })).toBeVisible();
  await page.getByRole('tab', { name: 'Instrumenten' }).click();
  const panel = page.getByRole('region', { name: 'Instrumenten' });
  await expect(panel.getByText('Er zijn nog geen resultaten.')).toBeVisible();
  await checkAtPhoneWidth(page);

  await panel.getByRole('button', { name: 'Nieuw resultaat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw resultaat' });
  await dialog.getByLabel('Instrument').selectOption({ label: asiName });
  const severity = dialog.getByLabel('Lichamelijke gezondheid — ernst (interviewer, 0–9)');
  await severity.fill('12');
  await dialog.getByLabel('Alcohol — ernst (interviewer, 0–9)').fill('2');
  await dialog.getByLabel('Alcohol — samengestelde score (0–1)').fill('0,35');
  // The ASI's form: its fields grouped per area, whole numbers and decimals with their range and help.
  await expectNoA11yViolations(page);
  await checkAtDesktopWidth(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Dit getal ligt buiten de grenzen.')).toBeVisible();
  await expect(severity).toHaveAttribute('aria-invalid', 'true');
  await expect(severity).toBeFocused();
  await checkAtPhoneWidth(page);

  await severity.fill('4');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, `Het resultaat van ${asiName} is opgeslagen.`);
  const result = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: asiName }) });
  await expect(result).toContainText(coach.name);
  await result.getByRole('button', { name: /^Tonen: / }).click();
  const table = result.getByRole('table', { name: 'ASI: ernst en samengestelde score per domein' });
  await expect(table.getByRole('row', { name: /Lichamelijke gezondheid 4/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Alcohol 2 0.35/ })).toBeVisible();
  // The result as read back: the ASI table, the other answers and the (empty) files.
  await checkAtPhoneWidth(page);
  await checkAtDesktopWidth(page);

  await chooseFile(
    page,
    result.getByRole('button', { name: `Bestand toevoegen bij ${asiName}` }),
    'verslag.pdf',
    'application/pdf',
  );
  await dismissNotification(page, 'verslag.pdf is toegevoegd.');
  await expect(result.getByRole('listitem').filter({ hasText: 'verslag.pdf' })).toBeVisible();
  await expect(result.getByRole('button', { name: 'Downloaden: verslag.pdf' })).toBeVisible();
  await expectNoA11yViolations(page);

  // A PNG name with PDF bytes: the browser cannot tell, the server refuses it.
  await chooseFile(
    page,
    result.getByRole('button', { name: `Bestand toevoegen bij ${asiName}` }),
    'foto.png',
    'image/png',
  );
  await expect(result.getByRole('alert')).toHaveText(
    'Dit bestand is niet wat de naam zegt. Kies een echte PDF, PNG of JPG.',
  );
  await expect(result.getByRole('listitem').filter({ hasText: 'foto.png' })).toHaveCount(0);
  await checkAtPhoneWidth(page);

  // The download hands over the file under its own name.
  const download = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Downloaden: verslag.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('verslag.pdf');

  await result.getByRole('button', { name: 'Verwijderen: verslag.pdf' }).click();
  await dismissNotification(page, 'verslag.pdf is verwijderd.');
  await expect(result.getByText('Nog geen bestanden.')).toBeVisible();

  // A correction: the form opens with what was stored.
  await result.getByRole('button', { name: /^Bewerken: / }).click();
  const edit = page.getByRole('dialog', { name: `Resultaat aanpassen: ${asiName}` });
  await expect(edit.getByLabel('Lichamelijke gezondheid — ernst (interviewer, 0–9)')).toHaveValue('4');
  await expectNoA11yViolations(page);
  await edit.getByLabel('Alcohol — ernst (interviewer, 0–9)').fill('3');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, `Het resultaat van ${asiName} is opgeslagen.`);
  await expect(table.getByRole('row', { name: /Alcohol 3 0.35/ })).toBeVisible();
  await checkAtDesktopWidth(page);

  // An instrument of the organisation's own: a date, yes/no, a choice and text in the form and read back.
  await panel.getByRole('button', { name: 'Nieuw resultaat' }).click();
  const custom = page.getByRole('dialog', { name: 'Nieuw resultaat' });
  await custom.getByLabel('Instrument').selectOption({ label: intakeName });
  await custom.getByLabel('Datum van het gesprek').fill(addDays(todayIso(), -2));
  await custom.getByLabel('Heeft een rijbewijs').check();
  await custom.getByLabel('Hoe komt de deelnemer naar het werk?').selectOption({ label: 'Fiets' });
  await checkAtPhoneWidth(page);
  await custom.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, `Het resultaat van ${intakeName} is opgeslagen.`);
  const intake = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: intakeName }) });
  await intake.getByRole('button', { name: /^Tonen: / }).click();
  await expect(intake.getByRole('definition').filter({ hasText: 'Fiets' })).toBeVisible();
  await expect(intake.getByRole('definition').filter({ hasText: /^Ja$/ })).toBeVisible();
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('a manager sees the number of ASI results go up, and no name', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, manager.email, manager.password, manager.name);
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await page.getByRole('button', { name: 'Menu' }).click();
  // Managers get counts, never the instruments' settings.
  await expect(menu.getByRole('link', { name: 'Instrumenten' })).toHaveCount(0);
  await menu.getByRole('link', { name: 'Gevoelige gegevens in cijfers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gevoelige gegevens in cijfers' })).toBeVisible();
  await expect(
    page.getByText('Namen en inhoud van actieplannen en instrumenten zie je nooit.', { exact: false }),
  ).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: asiName });
  await expect(row).toContainText(`Totaal${asiBefore + 1}`);
  await expect(page.getByText(participant.last)).toHaveCount(0);
  await expect(page.getByText(fullName)).toHaveCount(0);
  await checkAtPhoneWidth(page);
  await checkAtDesktopWidth(page);
  await logOut(page);
});

test('once an instrument has results, the admin cannot narrow its fields', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const asCoach = await apiAs(baseURL ?? '', coach.email, coach.password);
  const { items } = await ok<{ items: { id: string; name: string }[] }>(asCoach.get('/api/v1/instrument-definitions'));
  const check = items.find((d) => d.name === 'Werkpost-check');
  expect(check).toBeDefined();
  await ok(
    asCoach.post(`/api/v1/participants/${dossierId}/instrument-results`, {
      data: { definitionId: check?.id, takenOn: todayIso(), values: { tempo: 4 } },
    }),
  );
  await asCoach.dispose();

  await logIn(page, admin.email, admin.password, admin.name);
  await page.goto('/instellingen/instrumenten');
  await page.getByRole('button', { name: 'Bewerken: Werkpost-check' }).click();
  const dialog = page.getByRole('dialog', { name: 'Instrument aanpassen: Werkpost-check' });
  await expect(dialog.getByText('Er is al 1 resultaat.', { exact: false })).toBeVisible();
  const tempo = dialog
    .locator('li')
    .filter({ has: page.getByRole('textbox', { name: 'Sleutel' }) })
    .nth(1);
  await expect(tempo.getByLabel('Sleutel')).toHaveAttribute('readonly', '');
  await expectNoA11yViolations(page);
  await tempo.getByLabel('Maximum').fill('3');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Deze velden kunnen zo niet veranderen: Tempo.');
  await expect(tempo.getByText('Er zijn al resultaten. De grenzen mogen alleen ruimer worden.')).toBeVisible();
  await expect(tempo.getByLabel('Maximum')).toBeFocused();
  await checkAtPhoneWidth(page);
  await checkAtDesktopWidth(page);

  // Widening is allowed.
  await tempo.getByLabel('Maximum').fill('7');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Werkpost-check is opgeslagen.');
  await logOut(page);
});
