import { expect, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe';

export const PHONE = { width: 375, height: 800 } as const;

/** Logs in on the login page and waits for the welcome page (staff) or "Mijn pad" (a participant's portal). */
export async function logIn(page: Page, identifier: string, password: string, name: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mail of gebruikersnaam').fill(identifier);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(
    page
      .getByRole('heading', { level: 1, name: `Welkom, ${name}` })
      .or(page.getByRole('heading', { level: 1, name: 'Mijn pad' })),
  ).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
}

/**
 * Checks a Mantine notification says what it should, then closes it and waits until it is gone:
 * axe must not look at a half-faded notification (its contrast would fail).
 */
export async function dismissNotification(page: Page, text: string): Promise<void> {
  const notification = page.locator('.mantine-Notifications-root').getByRole('alert').filter({ hasText: text });
  await expect(notification).toBeVisible();
  await notification.getByRole('button', { name: 'Sluiten' }).click();
  await expect(notification).toHaveCount(0);
}

export async function expectNoHorizontalScroll(page: Page, width: number = PHONE.width): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
      message: `the page scrolls sideways at ${width} px`,
    })
    .toBeLessThanOrEqual(width);
}

/**
 * Checks the page as it is now at desktop width (1280×800), where tables and side-by-side layouts replace the phone's
 * cards: no axe violations. Restores the previous viewport afterwards.
 */
export async function checkAtDesktopWidth(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoA11yViolations(page);
  if (before) await page.setViewportSize(before);
}

/**
 * Checks the page as it is now at phone width (375×800): no sideways scroll and no axe
 * violations. Restores the previous viewport afterwards.
 */
export async function checkAtPhoneWidth(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);
  if (before) await page.setViewportSize(before);
}
