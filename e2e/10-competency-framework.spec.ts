import { expect, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut } from './support/app';
import { expectNoA11yViolations } from './support/axe';

/**
 * The competency framework: the setup wizard gave the organisation "11 kerncompetenties". The admin opens it,
 * rewrites a competency (no scores yet, so the version stays 1), reads the version history, and sets the level a
 * job profile expects, and gives a participant a current and a target job profile in the dossier; on a desktop and
 * at 375 px, by keyboard where it matters.
 */
test.describe.configure({ mode: 'serial' });

const newText = 'Je doet wat je belooft. Lukt het niet? Dan zeg je het meteen.';

test('the admin edits the default framework in place and reads its versions', async ({ page }) => {
  test.slow();
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Competenties' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Competentiekaders' })).toBeVisible();
  const row = page.getByRole('row', { name: /11 kerncompetenties/ });
  await expect(row.getByText('Standaard', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: '11 kerncompetenties', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '11 kerncompetenties' })).toBeVisible();
  await expect(page.getByText('Versie 1', { exact: true })).toBeVisible();

  // Open the first competency and move it down and back up with the keyboard: the focus stays with it.
  await page.getByRole('button', { name: '1. Afspraken nakomen' }).click();
  const down = page.getByRole('button', { name: 'Afspraken nakomen omlaag' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '2. Afspraken nakomen' })).toBeVisible();
  await expect(down).toBeFocused();
  await page.getByRole('button', { name: 'Afspraken nakomen omhoog' }).press('Enter');
  await expect(page.getByRole('button', { name: '1. Afspraken nakomen' })).toBeVisible();

  const panel = page.getByRole('region', { name: '1. Afspraken nakomen' });
  await expect(panel.getByText('ESCO:')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'verbintenissen nakomen' })).toBeVisible();
  await panel.getByRole('textbox', { name: 'Uitleg', exact: true }).fill(newText);
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' });
  await expect(saved).toBeVisible();
  await expect(saved).toBeFocused();

  // No scores yet: still version 1, changed in place.
  const versions = page.getByRole('region', { name: 'Versies' });
  await expect(versions.getByText('Versie 1 (nu in gebruik)')).toBeVisible();
  await expect(versions.getByText('0 scores')).toBeVisible();
  await versions.getByRole('button', { name: 'Versie 1 bekijken' }).click();
  const dialog = page.getByRole('dialog', { name: '11 kerncompetenties, versie 1' });
  await expect(dialog.getByText(newText)).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toHaveCount(0);

  await page.reload();
  await page.getByRole('button', { name: '1. Afspraken nakomen' }).click();
  await expect(
    page.getByRole('region', { name: '1. Afspraken nakomen' }).getByRole('textbox', { name: 'Uitleg', exact: true }),
  ).toHaveValue(newText);
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the admin sets the level a job profile expects', async ({ page }) => {
  test.slow();
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Functieprofielen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Functieprofielen' })).toBeVisible();
  const ladder = page.getByRole('list', { name: 'Loopbaanladder' });
  await expect(ladder.getByRole('heading', { level: 2 })).toHaveText([
    'Arbeider',
    'Hulpmeestergast',
    'Meestergast',
    'Omkadering',
  ]);
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Bewerken: Arbeider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Functieprofiel bewerken: Arbeider' });
  await expect(dialog.getByLabel('Initiatief')).toHaveValue('2');
  await dialog.getByLabel('Initiatief').selectOption({ label: '3 – Zelfstandig' });
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Arbeider is opgeslagen.');
  const arbeider = ladder.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Arbeider' }) });
  await expect(arbeider.getByText('Initiatief: 3 – Zelfstandig')).toBeVisible();
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the admin gives a participant a current and a target job profile in the dossier', async ({ page, baseURL }) => {
  test.slow();
  // The dossier itself is arranged through the admin's API.
  const api = await request.newContext({ baseURL });
  expect(
    (await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } })).ok(),
  ).toBe(true);
  const sites = (await (await api.get('/api/v1/sites')).json()) as { items: { id: string; name: string }[] };
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: 'Omar',
      lastName: 'Functieprofiel',
      dateOfBirth: '1990-04-12',
      siteId: sites.items.find((s) => s.name === firstSiteName)?.id,
      programmeType: 'maatwerk',
      intakeDate: '2024-02-05',
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const dossierId = (await registered.json()).id as string;
  await api.dispose();

  await logIn(page, admin.email, admin.password, admin.name);
  await page.goto(`/deelnemers/${dossierId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Omar Functieprofiel' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Functieprofiel', exact: true });
  await expect(section.getByText('Geen')).toHaveCount(2);
  await section.getByRole('button', { name: 'Bewerken: Functieprofiel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Functieprofiel kiezen' });
  await dialog.getByLabel('Huidig functieprofiel').selectOption({ label: 'Stap 1: Arbeider' });
  await dialog.getByLabel('Doel').selectOption({ label: 'Stap 3: Meestergast' });
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'Het functieprofiel is opgeslagen.');
  await expect(section.getByText('Arbeider')).toBeVisible();
  await expect(section.getByText('Meestergast')).toBeVisible();
  await expect(section.getByText('Inzichtelijk')).toBeVisible();
  await checkAtPhoneWidth(page);
  await logOut(page);
});
