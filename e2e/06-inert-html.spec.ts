import { expect, test } from '@playwright/test';
import { admin } from './support/accounts';
import { dismissNotification, logIn } from './support/app';
import { expectNoA11yViolations } from './support/axe';

/** HTML in a name is stored and returned verbatim, and the web app shows it as text, never as markup. */
const payload = '<img src=x onerror="window.__xss=1">Gent';

test('a site name with HTML is kept verbatim and rendered inert', async ({ page }) => {
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vestigingen' }).click();
  await page.getByRole('button', { name: 'Nieuwe vestiging' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe vestiging' });
  await dialog.getByLabel('Naam', { exact: true }).fill(payload);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, `Vestiging ${payload} is toegevoegd.`);

  const sites = page.getByRole('table', { name: 'Vestigingen' });
  await expect(sites.getByRole('cell', { name: payload, exact: true })).toBeVisible();

  // The API returns exactly what was sent.
  const res = await page.request.get('/api/v1/sites');
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { name: string }[] };
  expect(items.map((site) => site.name)).toContain(payload);

  // Also when the page is drawn from the server's data only.
  await page.reload();
  await expect(sites.getByRole('cell', { name: payload, exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  await expectNoA11yViolations(page);
});
