import { expect, type Page, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * Dossiers: a coach registers a participant and records their path; a supervisor of another team cannot reach the
 * dossier, a supervisor of the participant's team sees only the summary.
 */
test.describe.configure({ mode: 'serial' });

const coach = {
  name: 'Noor Trajectbegeleider',
  email: 'noor.coach@example.org',
  password: 'blauwe fietsen rijden ver',
};
const otherSupervisor = {
  name: 'Sam Werkleider',
  email: 'sam.groen@example.org',
  password: 'groene bladeren vallen zacht',
};
const teamSupervisor = {
  name: 'Rita Meestergast',
  email: 'rita.industrie@example.org',
  password: 'oude machines draaien rustig',
};
const participant = { first: 'Lotte', last: 'Janssens' };
const fullName = `${participant.first} ${participant.last}`;
const teams = { start: 'Renovatie Mechelen', next: 'Industrie Mechelen', other: 'Groen Mechelen' };
let dossierUrl = '';

test('the admin arranges teams, a coach and two supervisors', async ({ baseURL }) => {
  const api = await AdminApi.logIn(baseURL ?? '');
  const siteId = await api.siteId(firstSiteName);
  await api.team(teams.start, siteId, 'renovatie');
  const next = await api.team(teams.next, siteId, 'industrie');
  const other = await api.team(teams.other, siteId, 'groen');
  await api.staff(coach, 'coach');
  await api.supervise(other, [await api.staff(otherSupervisor, 'supervisor')]);
  await api.supervise(next, [await api.staff(teamSupervisor, 'supervisor')]);
  await api.dispose();
});

async function openCaseload(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Deelnemers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a coach registers a participant, records a start and a team change, and reads the path', async ({ page }) => {
  // One long journey with nine axe runs: more than the default 30 seconds on a small machine.
  test.slow();
  await logIn(page, coach.email, coach.password, coach.name);
  await openCaseload(page, 'Mijn deelnemers');
  await expect(page.getByText('Geen deelnemers gevonden.')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'Nieuwe deelnemer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe deelnemer' })).toBeVisible();
  await expectNoA11yViolations(page);

  // Saving an empty form names the fields that are missing, on the fields themselves.
  await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();
  await expect(page.getByLabel('Voornaam')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Voornaam')).toBeFocused();
  await expectNoA11yViolations(page);

  await page.getByLabel('Voornaam').fill(participant.first);
  await page.getByLabel('Achternaam').fill(participant.last);
  await page.getByLabel('Geboortedatum').fill('1991-05-17');
  await page.getByLabel('Telefoon (niet verplicht)').fill('0470 12 34 56');
  await page.getByLabel('Datum van aanmelding').fill('2024-01-08');
  await page.getByLabel('Vestiging').selectOption({ label: firstSiteName });
  await page.getByLabel('Ploeg (niet verplicht)').selectOption({ label: teams.start });
  await page.getByLabel('Soort traject').selectOption('maatwerk');
  await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();

  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await dismissNotification(page, `${fullName} is toegevoegd.`);
  dossierUrl = new URL(page.url()).pathname;
  expect(dossierUrl).toMatch(/^\/deelnemers\/[0-9a-f-]{36}$/);
  const main = page.getByRole('main');
  await expect(main.getByText('Aangemeld', { exact: true })).toBeVisible();
  await expect(main.getByText('Status: aangemeld op 8 januari 2024. De deelnemer is nog niet gestart.')).toBeVisible();

  // The start.
  await main.getByRole('button', { name: 'Stap toevoegen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Een stap toevoegen' });
  await expect(dialog.getByLabel('Welke stap?')).toHaveValue('start');
  await dialog.getByLabel('Datum', { exact: true }).fill('2024-02-05');
  await dialog.getByLabel('Notitie (niet verplicht)').fill('Start in ploeg renovatie na oriëntatie.');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Stap opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De stap “Start” is opgeslagen.');
  await expect(main.getByText('Actief', { exact: true })).toBeVisible();
  await expect(main.getByText('Status: actief. Dat komt door deze stap: Start op 5 februari 2024.')).toBeVisible();

  // The move to another team.
  await main.getByRole('button', { name: 'Stap toevoegen' }).click();
  dialog = page.getByRole('dialog', { name: 'Een stap toevoegen' });
  await dialog.getByLabel('Welke stap?').selectOption({ label: 'Naar een andere ploeg' });
  await dialog.getByLabel('Nieuwe ploeg').selectOption({ label: `${teams.next} (${firstSiteName})` });
  await dialog.getByLabel('Datum', { exact: true }).fill('2024-03-04');
  await dialog.getByRole('button', { name: 'Stap opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De stap “Naar een andere ploeg” is opgeslagen.');

  // The path, newest step first; a team change leaves the status as the start made it.
  const path = main.getByRole('list', { name: 'Traject' });
  await expect(path.getByRole('listitem')).toHaveCount(3);
  await expect(path.getByRole('listitem').nth(0)).toContainText('Naar een andere ploeg');
  await expect(path.getByRole('listitem').nth(0)).toContainText(`Nieuwe ploeg: ${teams.next}`);
  await expect(path.getByRole('listitem').nth(1)).toContainText('Start5 februari 2024');
  await expect(path.getByRole('listitem').nth(1)).toContainText('Start in ploeg renovatie na oriëntatie.');
  await expect(path.getByRole('listitem').nth(2)).toContainText(`Aanmelding8 januari 2024Ploeg: ${teams.start}`);
  await expect(main.getByText('Status: actief. Dat komt door deze stap: Start op 5 februari 2024.')).toBeVisible();
  const overview = main.getByRole('region', { name: 'Overzicht' });
  await expect(overview.getByText(teams.next, { exact: true })).toBeVisible();
  await expect(overview.getByText(coach.name, { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  // The caseload lists the participant with the status in words; a filter lives in the URL.
  await openCaseload(page, 'Mijn deelnemers');
  await expect(page.getByText('1 deelnemer gevonden')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: fullName });
  await expect(row.getByText('Actief', { exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: teams.next })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Gepauzeerd' });
  await expect(page).toHaveURL(/status=paused/);
  await expect(page.getByText('Geen deelnemers gevonden.')).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByRole('link', { name: fullName })).toBeVisible();
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);

  await page.getByRole('link', { name: fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await logOut(page);
});

test('a supervisor of another team finds neither the participant nor the dossier', async ({ page }) => {
  expect(dossierUrl).not.toBe('');
  await logIn(page, otherSupervisor.email, otherSupervisor.password, otherSupervisor.name);
  await openCaseload(page, 'Deelnemers');
  await expect(page.getByText('Geen deelnemers gevonden.')).toBeVisible();
  await expect(page.getByRole('link', { name: fullName })).toHaveCount(0);
  // No register button for a supervisor.
  await expect(page.getByRole('link', { name: 'Nieuwe deelnemer' })).toHaveCount(0);

  await page.goto(dossierUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Deelnemer niet gevonden' })).toBeVisible();
  await expect(page.getByText('Deze deelnemer bestaat niet, of hoort niet bij jouw deelnemers.')).toBeVisible();
  await expect(page.getByText(participant.last)).toHaveCount(0);
  await expectNoA11yViolations(page);
  await logOut(page);
});

test('the supervisor of the participant’s team reads the summary only', async ({ page }) => {
  await logIn(page, teamSupervisor.email, teamSupervisor.password, teamSupervisor.name);
  await openCaseload(page, 'Deelnemers');
  await page.getByRole('link', { name: fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const main = page.getByRole('main');
  await expect(
    main.getByText('Je ziet een samenvatting van dit dossier. De trajectbegeleider ziet meer.'),
  ).toBeVisible();
  await expect(main.getByRole('list', { name: 'Traject' }).getByRole('listitem')).toHaveCount(3);
  // Notes, contact data and the other confidential parts are not sent, so not shown; nothing can be changed.
  await expect(main.getByText('Start in ploeg renovatie na oriëntatie.')).toHaveCount(0);
  await expect(main.getByRole('heading', { name: 'Contact en geboortedatum' })).toHaveCount(0);
  // The dossier itself cannot be changed (scoring and feedback conversations are the supervisor's own work).
  for (const name of ['Gegevens bewerken', 'Stap toevoegen', 'Archiveren', 'Toestemming noteren']) {
    await expect(main.getByRole('button', { name })).toHaveCount(0);
  }
  await expectNoA11yViolations(page);
  await checkAtPhoneWidth(page);
  await logOut(page);
});

test('the coach keeps the rest of the dossier, records the exit and archives it; the admin restores it', async ({
  page,
}) => {
  test.slow();
  await logIn(page, coach.email, coach.password, coach.name);
  await page.goto(dossierUrl);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  const main = page.getByRole('main');

  // Basic data (PATCH): a new phone number.
  await main.getByRole('button', { name: 'Gegevens bewerken' }).click();
  let dialog = page.getByRole('dialog', { name: 'Gegevens bewerken' });
  await dialog.getByLabel('Telefoon (niet verplicht)').fill('0499 00 11 22');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De wijziging is opgeslagen.');
  await expect(main.getByRole('region', { name: 'Contact en geboortedatum' })).toContainText('0499 00 11 22');

  // An indication; an end before its start is refused on the field.
  await main.getByRole('button', { name: 'Bewerken: Indicering' }).click();
  dialog = page.getByRole('dialog', { name: 'Indicering' });
  await dialog.getByRole('button', { name: 'Indicering toevoegen' }).click();
  await dialog.getByLabel('Soort indicering').selectOption('pmah');
  await dialog.getByLabel('Geldig vanaf').fill('2024-01-01');
  await dialog.getByLabel('Geldig tot en met (niet verplicht)').fill('2023-12-31');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByLabel('Geldig tot en met (niet verplicht)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page);
  await dialog.getByLabel('Geldig tot en met (niet verplicht)').fill('2026-12-31');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De wijziging is opgeslagen.');
  await expect(main.getByRole('region', { name: 'Indicering' })).toContainText('Gemiddelde ondersteuning');

  // Someone who matters to her.
  await main.getByRole('button', { name: 'Bewerken: Belangrijke mensen' }).click();
  dialog = page.getByRole('dialog', { name: 'Belangrijke mensen' });
  await dialog.getByRole('button', { name: 'Persoon toevoegen' }).click();
  await dialog.getByLabel('Naam', { exact: true }).fill('Marie Janssens');
  await dialog.getByLabel('Relatie').fill('moeder');
  await dialog.getByLabel('Deze persoon mag betrokken worden bij het traject').check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De wijziging is opgeslagen.');
  await expect(main.getByRole('region', { name: 'Belangrijke mensen' })).toContainText('Mag betrokken worden');

  // A consent is a record: giving it shows as the current answer and in the history.
  await main.getByRole('button', { name: 'Toestemming noteren' }).click();
  dialog = page.getByRole('dialog', { name: 'Toestemming noteren' });
  await dialog.getByLabel('Datum').fill('2024-01-08');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De toestemming is genoteerd.');
  const consents = main.getByRole('region', { name: 'Toestemmingen' });
  await expect(consents.getByText('Toestemming gegeven', { exact: true })).toBeVisible();
  await expect(consents).toContainText(`toestemming gegeven op 8 januari 2024, genoteerd door ${coach.name}`);

  // The exit, then the archive.
  await main.getByRole('button', { name: 'Stap toevoegen' }).click();
  dialog = page.getByRole('dialog', { name: 'Een stap toevoegen' });
  await dialog.getByLabel('Welke stap?').selectOption({ label: 'Uitstroom' });
  await dialog.getByLabel('Datum', { exact: true }).fill('2024-09-30');
  await dialog.getByLabel('Waar gaat de deelnemer naartoe?').selectOption('regular_job');
  await dialog.getByRole('button', { name: 'Stap opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, 'De stap “Uitstroom” is opgeslagen.');
  await expect(main.getByText('Status: uitgestroomd op 30 september 2024.')).toBeVisible();

  await main.getByRole('button', { name: 'Archiveren' }).click();
  dialog = page.getByRole('dialog', { name: `Dossier van ${fullName} archiveren?` });
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Archiveren' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, `Het dossier van ${fullName} is gearchiveerd.`);
  await expect(main.getByText('Dit dossier is gearchiveerd')).toBeVisible();
  // Read-only: not one button left to change it.
  // The dossier itself cannot be changed (scoring and feedback conversations are the supervisor's own work).
  for (const name of ['Gegevens bewerken', 'Stap toevoegen', 'Archiveren', 'Toestemming noteren']) {
    await expect(main.getByRole('button', { name })).toHaveCount(0);
  }
  await expectNoA11yViolations(page);

  // Hidden from the caseload by default, shown with the archive filter.
  await openCaseload(page, 'Mijn deelnemers');
  await expect(page.getByText('Geen deelnemers gevonden.')).toBeVisible();
  await page.getByLabel('Archief').selectOption({ label: 'Alleen gearchiveerde dossiers' });
  await expect(page).toHaveURL(/archived=only/);
  await expect(page.getByRole('link', { name: fullName })).toBeVisible();
  await logOut(page);

  await logIn(page, admin.email, admin.password, admin.name);
  await page.goto(dossierUrl);
  await page.getByRole('main').getByRole('button', { name: 'Terugzetten uit het archief' }).click();
  dialog = page.getByRole('dialog', { name: `Dossier van ${fullName} terugzetten?` });
  await dialog.getByRole('button', { name: 'Terugzetten uit het archief' }).click();
  await expect(dialog).toHaveCount(0);
  await dismissNotification(page, `Het dossier van ${fullName} is teruggezet.`);
  await expect(page.getByText('Dit dossier is gearchiveerd')).toHaveCount(0);
  await logOut(page);
});
