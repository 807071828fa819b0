import { expect, test } from '@playwright/test';
import { firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, logIn } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * CSV import: a coach checks a file with one bad row, sees the row error, cannot import everything, imports only
 * the good rows and finds them in their caseload.
 */
test.describe.configure({ mode: 'serial' });

const coach = { name: 'Ines Importcoach', email: 'ines.import@example.org', password: 'rode appels rollen traag' };
const team = 'Import Renovatie';

const csv = [
  'Voornaam;Achternaam;Geboortedatum;Vestiging;Ploeg;Programma;Startdatum',
  `Yara;Importtest;12/04/1991;${firstSiteName};${team};maatwerk;01/03/2024`,
  'Omar;Verkeerd;03/10/1987;Brugge;;activering;',
  `Omar;Importtest;3.10.1987;${firstSiteName};;activering;`,
].join('\r\n');

test('the admin arranges a team and a coach', async ({ baseURL }) => {
  const api = await AdminApi.logIn(baseURL ?? '');
  await api.team(team, await api.siteId(firstSiteName), 'renovatie');
  await api.staff(coach, 'coach');
  await api.dispose();
});

test('a coach imports a file with one bad row: only the good rows go in', async ({ page }) => {
  test.slow();
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto('/deelnemers/importeren');
  await expect(page.getByRole('heading', { level: 1, name: 'Deelnemers importeren' })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Voorbeeldbestand downloaden' }).click();
  expect((await download).suggestedFilename()).toBe('voorbeeld-deelnemers.csv');

  await page.locator('input[type="file"]').setInputFiles({
    name: 'deelnemers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Wat we vonden' })).toBeVisible();
  await expect(page.getByText('3 rijen: 2 goed, 1 met een fout.')).toBeVisible();
  const errors = page.getByRole('table', { name: 'Rijen met een fout' });
  const bad = errors.getByRole('row').filter({ hasText: 'Brugge' });
  await expect(bad.getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expect(bad.getByRole('cell', { name: 'Vestiging', exact: true })).toBeVisible();
  await expect(bad.getByRole('cell', { name: 'Deze vestiging bestaat niet in Groeipad.' })).toBeVisible();
  const sample = page.getByRole('table', { name: 'De eerste goede rijen' });
  await expect(sample.getByRole('cell', { name: 'Yara Importtest' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Alles importeren' })).toBeDisabled();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // By keyboard: the button that is allowed, then the question.
  await page.getByRole('button', { name: 'Alleen de 2 goede rijen importeren' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Alleen de goede rijen importeren?' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Ja, importeren' }).click();
  await expect(page.getByText('2 deelnemers zijn toegevoegd.')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'Naar de deelnemers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn deelnemers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Yara Importtest' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Omar Importtest' })).toBeVisible();
  await expect(page.getByText('Omar Verkeerd')).toHaveCount(0);
});
