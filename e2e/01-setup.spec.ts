import { expect, test } from '@playwright/test';
import { admin, commonPassword, firstSiteName, organisationName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification } from './support/app';
import { expectNoA11yViolations } from './support/axe';

/**
 * Runs first (files run in name order on one fresh database): it creates the organisation and the
 * admin of e2e/support/accounts.ts that every later journey logs in with.
 */
test.describe.configure({ mode: 'serial' });

test('a fresh install opens the setup wizard and refuses a common password', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/installatie$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Groeipad instellen' })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await page.getByLabel('Naam van de organisatie').fill(organisationName);
  await page.getByLabel('Naam van de vestiging').fill(firstSiteName);
  await page.getByLabel('Naam', { exact: true }).fill(admin.name);
  await page.getByLabel('E-mailadres').fill(admin.email);
  const password = page.getByLabel('Wachtwoord', { exact: true });
  await password.fill(commonPassword);
  await page.getByRole('button', { name: 'Groeipad instellen' }).click();

  // The server refuses it on the field itself, and the form moves focus there.
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Dit wachtwoord is te bekend/);
  await expect(password).toBeFocused();
  await expect(page).toHaveURL(/\/installatie$/);
  await expectNoA11yViolations(page);
});

test('completing the wizard leads to the login page', async ({ page }) => {
  await page.goto('/installatie');
  await page.getByLabel('Naam van de organisatie').fill(organisationName);
  await page.getByLabel('Naam van de vestiging').fill(firstSiteName);
  await page.getByLabel('Naam', { exact: true }).fill(admin.name);
  await page.getByLabel('E-mailadres').fill(admin.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Groeipad instellen' }).click();

  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await dismissNotification(page, 'Groeipad is ingesteld. Log nu in.');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
});

test('the wizard can never run again', async ({ page }) => {
  await page.goto('/installatie');
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();

  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen$/);

  // Not through the API either.
  const again = await page.request.post('/api/v1/setup', {
    data: {
      organisationName: 'Een tweede organisatie',
      siteName: 'Ergens',
      admin: { name: 'Indringer', email: 'indringer@example.org', password: 'een ander lang wachtwoord' },
    },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe('setup_already_done');
});
