import { expect, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';

/**
 * Configurable lists and the participant's own login: the admin renames, reorders and extends a list by keyboard;
 * a participant activates the login from the paper code and sees their own dossier, on a phone.
 */
test.describe.configure({ mode: 'serial' });

const participant = { first: 'Yasmina', last: 'El Amrani', username: 'yasmina.elamrani' };
const newPassword = 'rode tulpen bloeien laat';

test('the admin edits the exit destinations by keyboard and saves them', async ({ page }) => {
  test.slow();
  await logIn(page, admin.email, admin.password, admin.name);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Lijsten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lijsten' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Welke lijst?').selectOption({ label: 'Uitstroom: waar gaat iemand naartoe?' });
  const list = page.getByRole('list', { name: /Items van de lijst Uitstroom/ });
  await expect(list.getByRole('listitem')).toHaveCount(9);
  await expect(page.getByLabel('Naam van item 2', { exact: true })).toHaveValue('Job met ondersteuning');

  // Move "Job met ondersteuning" to the top with the keyboard: the button keeps the focus.
  const up = page.getByRole('button', { name: 'Hoger zetten: Job met ondersteuning' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Naam van item 1', { exact: true })).toHaveValue('Job met ondersteuning');
  await expect(page.getByRole('button', { name: 'Lager zetten: Job met ondersteuning' })).toBeFocused();

  await page.getByLabel('Naam van item 1', { exact: true }).fill('Job met begeleiding');
  await page.getByRole('button', { name: 'Uitzetten: Art. 60' }).click();
  await page.getByLabel('Naam van het nieuwe item').fill('Wijk-werken');
  await page.getByLabel('Naam van het nieuwe item').press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  await expect(page.getByLabel('Naam van item 10', { exact: true })).toHaveValue('Wijk-werken');
  await expect(page.getByText('Code: wijk_werken')).toBeVisible();
  await expect(page.getByText('Je hebt wijzigingen die nog niet zijn opgeslagen.')).toBeVisible();
  await checkAtPhoneWidth(page);

  await page.getByRole('button', { name: 'Opslaan' }).click();
  await dismissNotification(page, 'De lijst is opgeslagen.');
  await page.reload();
  await page.getByLabel('Welke lijst?').selectOption({ label: 'Uitstroom: waar gaat iemand naartoe?' });
  await expect(page.getByLabel('Naam van item 1', { exact: true })).toHaveValue('Job met begeleiding');
  await expect(page.getByRole('button', { name: 'Aanzetten: Art. 60' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wissen: Wijk-werken' })).toBeVisible();
  // Built-in items have no delete button.
  await expect(page.getByRole('button', { name: 'Wissen: Art. 60' })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await logOut(page);
});

test('a participant activates the login from the paper code and sees their own dossier on a phone', async ({
  page,
  baseURL,
}) => {
  test.slow();
  // The coach's side (dossier, account with a code) is arranged through the admin's API.
  const api = await request.newContext({ baseURL });
  expect(
    (await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } })).ok(),
  ).toBe(true);
  const sites = (await (await api.get('/api/v1/sites')).json()) as { items: { id: string; name: string }[] };
  const siteId = sites.items.find((s) => s.name === firstSiteName)?.id;
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1996-02-11',
      siteId,
      programmeType: 'activering',
      intakeDate: '2024-03-04',
      startDate: '2024-03-11',
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const dossierId = (await registered.json()).id as string;
  const account = await api.post(`/api/v1/participants/${dossierId}/account`, {
    data: { method: 'activation_code', username: participant.username },
  });
  expect(account.status(), await account.text()).toBe(201);
  const code = (await account.json()).activationCode as string;
  await api.dispose();

  await page.setViewportSize(PHONE);
  await page.goto('/activeren');
  await expect(page.getByRole('heading', { level: 1, name: 'Account activeren' })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Gebruikersnaam').fill(participant.username);
  await page.getByLabel('Code', { exact: true }).fill(code === 'ABCDEFGH' ? 'HGFE-DCBA' : 'ABCD-EFGH');
  await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
  await page.getByRole('button', { name: 'Activeren en inloggen' }).click();
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Deze code klopt niet of werkt niet meer.', { exact: false })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Code', { exact: true }).fill(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
  await page.getByRole('button', { name: 'Activeren en inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn dossier' })).toBeVisible();
  await dismissNotification(page, 'Je account is klaar. Welkom!');
  await expect(page.getByText(firstSiteName)).toBeVisible();
  await expect(page.getByText('Activering')).toBeVisible();
  await checkAtPhoneWidth(page);
});
