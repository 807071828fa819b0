import { expect, test } from '@playwright/test';
import { checkAtPhoneWidth } from './support/app';
import { expectNoA11yViolations } from './support/axe';

test('the login page switches to English, keeps it after a reload, and switches back', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const language = page.getByLabel('Taal / Language');
  await expect(language).toHaveValue('nl');

  await language.selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('E-mail or username')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Forgot your password?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Log in – Groeipad');
  await expectNoA11yViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Taal / Language')).toHaveValue('en');
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await page.getByLabel('Taal / Language').selectOption('nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByLabel('E-mail of gebruikersnaam')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
