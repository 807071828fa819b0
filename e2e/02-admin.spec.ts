import { expect, test } from '@playwright/test';
import { admin } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut } from './support/app';
import { expectNoA11yViolations } from './support/axe';

/** The admin builds the first structure and a coach account; the coach then sees only their own pages. */
test.describe.configure({ mode: 'serial' });

const coach = { name: 'Cas Coach', email: 'coach@example.org', password: 'groene boontjes groeien langzaam' };

test('the admin creates a site, a team and a coach', async ({ page }) => {
  await logIn(page, admin.email, admin.password, admin.name);
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(menu.getByRole('link', { name: 'Gebruikers' })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // A site.
  await menu.getByRole('link', { name: 'Vestigingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vestigingen' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe vestiging' }).click();
  const siteDialog = page.getByRole('dialog', { name: 'Nieuwe vestiging' });
  await siteDialog.getByLabel('Naam', { exact: true }).fill('Antwerpen');
  await siteDialog.getByLabel('Adres (niet verplicht)').fill('Noorderlaan 1, 2030 Antwerpen');
  await expectNoA11yViolations(page);
  await siteDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(siteDialog).toHaveCount(0);
  await dismissNotification(page, 'Vestiging Antwerpen is toegevoegd.');
  const sites = page.getByRole('table', { name: 'Vestigingen' });
  await expect(sites.getByRole('cell', { name: 'Antwerpen', exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // A team at that site.
  await menu.getByRole('link', { name: 'Ploegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ploegen' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe ploeg' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Nieuwe ploeg' });
  await teamDialog.getByLabel('Naam', { exact: true }).fill('Groen Antwerpen');
  await teamDialog.getByRole('combobox', { name: 'Werkdomein' }).fill('groen');
  // The suggestions open in a portal, outside the dialog.
  await page.getByRole('option', { name: 'groen', exact: true }).click();
  await teamDialog.getByLabel('Vestiging').selectOption({ label: 'Antwerpen' });
  await expectNoA11yViolations(page);
  await teamDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(teamDialog).toHaveCount(0);
  await dismissNotification(page, 'Ploeg Groen Antwerpen is toegevoegd.');
  const teamRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Groen Antwerpen', exact: true }) });
  await expect(teamRow.getByRole('cell', { name: 'groen', exact: true })).toBeVisible();
  await expect(teamRow.getByRole('cell', { name: 'Antwerpen', exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // A coach with a password, so no invitation mail is needed.
  await menu.getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe medewerker' }).click();
  const userDialog = page.getByRole('dialog', { name: 'Nieuwe medewerker' });
  await userDialog.getByLabel('Naam', { exact: true }).fill(coach.name);
  await userDialog.getByLabel('E-mailadres').fill(coach.email);
  await userDialog.getByLabel('Rol').selectOption({ label: 'Trajectbegeleider' });
  await userDialog.getByLabel('Wachtwoord (niet verplicht)').fill(coach.password);
  await expectNoA11yViolations(page);
  await userDialog.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(userDialog).toHaveCount(0);
  await dismissNotification(page, `${coach.name} is aangemaakt.`);
  const users = page.getByRole('table', { name: 'Gebruikers' });
  await expect(users.getByRole('cell', { name: coach.email })).toBeVisible();
  await expect(users.getByRole('button', { name: `Deactiveren: ${coach.name}` })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // The coach guides the team.
  await menu.getByRole('link', { name: 'Ploegen' }).click();
  await page.getByRole('button', { name: 'Begeleiders: Groen Antwerpen' }).click();
  const supervisorsDialog = page.getByRole('dialog', { name: 'Begeleiders van Groen Antwerpen' });
  // The candidates come from a search on the server; whoever is ticked stays in view after the next search.
  await supervisorsDialog.getByRole('searchbox', { name: 'Zoek een begeleider' }).fill('cas');
  await supervisorsDialog.getByRole('checkbox', { name: coach.name }).check();
  await supervisorsDialog.getByRole('searchbox', { name: 'Zoek een begeleider' }).fill('niemand-heet-zo');
  await expect(supervisorsDialog.getByText('Niemand gevonden voor "niemand-heet-zo".')).toBeVisible();
  await expect(supervisorsDialog.getByRole('checkbox', { name: coach.name })).toBeChecked();
  await expectNoA11yViolations(page);
  await supervisorsDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(supervisorsDialog).toHaveCount(0);
  await dismissNotification(page, 'De begeleiders van Groen Antwerpen zijn opgeslagen.');
  await expect(teamRow.getByRole('cell', { name: coach.name })).toBeVisible();

  // The audit log names what each line is about, and finds who did it by a part of the name.
  await menu.getByRole('link', { name: 'Auditlog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
  const log = page.getByRole('table', { name: 'Auditlog' });
  const created = log.getByRole('row').filter({ hasText: 'Gebruiker aangemaakt' });
  await expect(created.getByRole('cell', { name: `Gebruiker: ${coach.name}` })).toBeVisible();
  await page.getByRole('combobox', { name: 'Wie' }).fill('Cas');
  await page.getByRole('option', { name: coach.name }).click();
  await expect(page.getByText('0 regels')).toBeVisible();
  // Emptying the box shows everyone again.
  await page.getByRole('combobox', { name: 'Wie' }).fill('');
  await page.keyboard.press('Escape');
  await expect(created.first()).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await logOut(page);
});

test('the coach sees their start page without the admin screens, and logging out ends the session', async ({
  page,
}) => {
  await logIn(page, coach.email, coach.password, coach.name);
  // The start page shows what to do now: feedback conversations, the POP follow-up, the way to their participants.
  await expect(page.getByText('Dit vraagt nu je aandacht.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Feedbackgesprekken' }).getByRole('link', { name: 'Naar de feedbackgesprekken' }),
  ).toBeVisible();
  const pop = page.getByRole('region', { name: 'POP-opvolging' });
  await expect(pop.getByText('Alle POP’s zijn in orde.')).toBeVisible();
  await expect(pop.getByRole('link', { name: 'Naar de POP-opvolging' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^Mijn deelnemers/ })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(menu.getByRole('link', { name: 'Start' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Mijn account' })).toBeVisible();
  for (const adminScreen of ['Gebruikers', 'Vestigingen', 'Ploegen', 'Auditlog']) {
    await expect(page.getByRole('link', { name: adminScreen })).toHaveCount(0);
  }
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // An admin screen typed into the address bar sends the coach home, and says why.
  await page.goto('/gebruikers');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Die pagina is niet voor jouw rol. Je bent terug op de startpagina.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${coach.name}` })).toBeVisible();

  await logOut(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.goto('/mijn-account');
  await expect(page).toHaveURL(/\/inloggen$/);
});
