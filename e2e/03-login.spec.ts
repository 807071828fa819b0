import { expect, test } from '@playwright/test';
import { admin } from './support/accounts';
import { checkAtPhoneWidth } from './support/app';
import { expectNoA11yViolations } from './support/axe';

test('a wrong password shows an alert and stays on the login page', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('E-mail of gebruikersnaam').fill(admin.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('dit is niet het goede wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();

  await expect(page.getByRole('alert')).toHaveText('Je e-mail, gebruikersnaam of wachtwoord klopt niet.');
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
});

test('the keyboard alone can log in', async ({ page }) => {
  await page.goto('/inloggen');
  const identifier = page.getByLabel('E-mail of gebruikersnaam');
  await identifier.focus();
  await page.keyboard.type(admin.email);
  await page.keyboard.press('Tab');
  // The show/hide button inside the field is no tab stop: Tab goes straight to the password.
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${admin.name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await expectNoA11yViolations(page);
});
