import { expect, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { expectNoHorizontalScroll, logIn, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';

test.use({ viewport: PHONE });

test('on a phone the admin opens the menu and goes to Vestigingen', async ({ page }) => {
  await logIn(page, admin.email, admin.password, admin.name);
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);

  const menuButton = page.getByRole('button', { name: 'Menu' });
  const sitesLink = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vestigingen' });
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(sitesLink).not.toBeInViewport();

  await menuButton.click();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(sitesLink).toBeInViewport({ ratio: 1 });
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);

  // Escape closes the menu, as it closes a dialog, and gives the focus back to the menu button.
  await page.keyboard.press('Escape');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(menuButton).toBeFocused();
  await expect(sitesLink).not.toBeInViewport();
  await menuButton.click();

  await sitesLink.click();
  await expect(page).toHaveURL(/\/vestigingen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Vestigingen' })).toBeVisible();
  // The menu closes after the choice.
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  await expect(sitesLink).not.toBeInViewport();
  // On a phone the table becomes a list of cards.
  await expect(page.getByRole('list', { name: 'Vestigingen' }).getByText(firstSiteName)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);

  // The caseload shows its name search first; the other filters wait behind one button.
  await page.goto('/deelnemers');
  await expect(page.getByRole('searchbox', { name: 'Zoeken' })).toBeVisible();
  await expect(page.getByLabel('Status')).toBeHidden();
  const more = page.getByRole('button', { name: 'Meer filters' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(page.getByLabel('Status')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Minder filters' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoHorizontalScroll(page);
});
