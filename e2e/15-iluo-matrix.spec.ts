import { readFile } from 'node:fs/promises';
import { expect, request, test } from '@playwright/test';
import { admin, firstSiteName } from './support/accounts';
import { checkAtPhoneWidth, dismissNotification, logIn, logOut, PHONE } from './support/app';
import { expectNoA11yViolations } from './support/axe';
import { AdminApi } from './support/staff';

/**
 * The ILUO matrix on a phone: a supervisor defines the tasks of their team, sets levels for a participant and for
 * themselves by keyboard, watches coverage and the single-point-of-failure flag change, and downloads the A3 wall
 * chart.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE });

const teamName = 'Groendienst Noord';
const supervisor = {
  name: 'Sven Snoeimans',
  email: 'sven.snoeimans@example.org',
  password: 'groene hagen groeien snel',
};
const participant = { first: 'Lotte', last: 'Lauwers' };
const lotte = `${participant.first} ${participant.last}`;

test('a supervisor keeps the ILUO matrix of their team and downloads the wall chart', async ({ page, baseURL }) => {
  // A long journey (two dialogs, five saves, four axe checks, a PDF): more time than test.slow() gives.
  test.setTimeout(240_000);
  // The admin's side (team, supervisor, a participant in the team) is arranged through the API.
  const adminApi = await AdminApi.logIn(baseURL as string);
  const siteId = await adminApi.siteId(firstSiteName);
  const teamId = await adminApi.team(teamName, siteId, 'groen');
  const supervisorId = await adminApi.staff(supervisor, 'supervisor');
  await adminApi.supervise(teamId, [supervisorId]);
  await adminApi.dispose();
  const api = await request.newContext({ baseURL });
  expect(
    (await api.post('/api/v1/auth/login', { data: { identifier: admin.email, password: admin.password } })).ok(),
  ).toBe(true);
  const registered = await api.post('/api/v1/participants', {
    data: {
      firstName: participant.first,
      lastName: participant.last,
      dateOfBirth: '1994-08-21',
      siteId,
      teamId,
      programmeType: 'maatwerk',
      intakeDate: '2024-03-04',
      startDate: '2024-03-11',
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);

  await logIn(page, supervisor.email, supervisor.password, supervisor.name);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'ILUO-matrix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ILUO-matrix' })).toBeVisible();
  // Their own team is chosen for them.
  await expect(page.getByLabel('Ploeg')).toHaveValue(teamId);
  await expect(page.getByText('Deze ploeg heeft nog geen taken.', { exact: false })).toBeVisible();

  // Two tasks, one of them critical; then "Bladblazer" moves up by keyboard.
  await page.getByRole('button', { name: 'Taken beheren' }).click();
  const tasks = page.getByRole('dialog', { name: `Taken van ${teamName}` });
  await tasks.getByLabel('Naam van de taak').fill('Haag snoeien');
  await tasks.getByLabel('Groep (niet verplicht)').first().fill('Snoeien');
  await tasks.getByLabel('Kritieke taak').first().check();
  await tasks.getByRole('button', { name: 'Taak toevoegen' }).click();
  // Ready for the next task: the name field is empty and has the focus.
  await expect(tasks.getByLabel('Naam van de taak')).toBeFocused();
  await expect(tasks.getByLabel('Naam van de taak')).toHaveValue('');
  await dismissNotification(page, 'Haag snoeien is toegevoegd.');
  await tasks.getByLabel('Naam van de taak').fill('Bladblazer');
  await tasks.getByLabel('Naam van de taak').press('Enter');
  await dismissNotification(page, 'Bladblazer is toegevoegd.');
  await expect(tasks.getByRole('listitem')).toHaveCount(2);
  await tasks.getByRole('button', { name: 'Bladblazer hoger zetten' }).focus();
  await page.keyboard.press('Enter');
  await expect(tasks.getByLabel('Taak 1', { exact: true })).toHaveValue('Bladblazer');
  await expect(tasks.getByRole('button', { name: 'Bladblazer lager zetten' })).toBeFocused();
  await expectNoA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(tasks).toHaveCount(0);

  // Nobody can do the critical task alone yet.
  const flags = page.getByRole('region', { name: 'Let op' });
  await expect(flags.getByText('Haag snoeien: Niemand kan deze kritieke taak alleen.')).toBeVisible();
  await checkAtPhoneWidth(page);

  // Lotte can prune the hedge alone (U): from the first cell, one step right, Enter, arrows in the level choice.
  await page.getByRole('button', { name: `${lotte}, Bladblazer: nog geen niveau` }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: `${lotte}, Haag snoeien: nog geen niveau` })).toBeFocused();
  await page.keyboard.press('Enter');
  const lotteDialog = page.getByRole('dialog', { name: `${lotte} · Haag snoeien` });
  await expect(lotteDialog.getByRole('radio', { name: /I · In opleiding/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(lotteDialog.getByRole('radio', { name: /U · Lukt alleen/ })).toBeChecked();
  await lotteDialog.getByLabel('Opmerking (niet verplicht)').fill('Snoeit de haag alleen, netjes en veilig.');
  await expectNoA11yViolations(page);
  await lotteDialog.getByRole('button', { name: 'Niveau opslaan' }).focus();
  await page.keyboard.press('Enter');
  await dismissNotification(page, 'Het niveau is opgeslagen.');
  await expect(page.getByRole('button', { name: `${lotte}, Haag snoeien: U · Lukt alleen` })).toBeVisible();
  await expect(flags.getByText('Haag snoeien: Maar één persoon kan deze kritieke taak alleen.')).toBeVisible();
  await expect(page.getByText('1 op U of O')).toHaveCount(1);

  // The supervisor's own row: one step down, and they can teach it (O).
  await page.getByRole('button', { name: `${lotte}, Haag snoeien: U · Lukt alleen` }).focus();
  await page.keyboard.press('ArrowDown');
  const own = page.getByRole('button', { name: `${supervisor.name}, Haag snoeien: nog geen niveau` });
  await expect(own).toBeFocused();
  await page.keyboard.press('Enter');
  const ownDialog = page.getByRole('dialog', { name: `${supervisor.name} · Haag snoeien` });
  // The arrows move the choice only once the dialog has opened and put the focus on its first level.
  await expect(ownDialog.getByRole('radio', { name: /I · In opleiding/ })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(ownDialog.getByRole('radio', { name: /O · Kan het anderen leren/ })).toBeChecked();
  await ownDialog.getByRole('button', { name: 'Niveau opslaan' }).focus();
  await page.keyboard.press('Enter');
  await dismissNotification(page, 'Het niveau is opgeslagen.');
  await expect(flags.getByText('Elke kritieke taak kunnen minstens twee mensen alleen.')).toBeVisible();
  await expect(page.getByText('2 op U of O')).toHaveCount(1);

  // Lotte is still learning the leaf blower: a training need.
  await page.getByRole('button', { name: `${lotte}, Bladblazer: nog geen niveau` }).click();
  const blower = page.getByRole('dialog', { name: `${lotte} · Bladblazer` });
  await blower.getByRole('radio', { name: /I · In opleiding/ }).check();
  await blower.getByRole('button', { name: 'Niveau opslaan' }).click();
  await dismissNotification(page, 'Het niveau is opgeslagen.');
  await expect(
    page.getByRole('region', { name: 'Opleidingsnood' }).getByText(`Bladblazer: ${lotte} (I)`),
  ).toBeVisible();
  await checkAtPhoneWidth(page);

  // With many tasks the matrix scrolls inside its own box: the names stay in view, the page never scrolls sideways.
  for (let i = 1; i <= 12; i++) {
    const added = await api.post(`/api/v1/teams/${teamId}/skills`, {
      data: { name: `Extra taak ${i}`, groupName: 'Onderhoud' },
    });
    expect(added.status(), await added.text()).toBe(201);
  }
  await api.dispose();
  await page.reload();
  const box = page.getByRole('region', { name: `ILUO-matrix van ${teamName}` });
  await page.getByRole('button', { name: `${lotte}, Bladblazer: I · In opleiding` }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: `${lotte}, Extra taak 12: nog geen niveau` })).toBeFocused();
  expect(await box.evaluate((element) => element.scrollLeft > 0 && element.scrollWidth > element.clientWidth)).toBe(
    true,
  );
  await expect(box.getByRole('rowheader', { name: lotte })).toBeInViewport();
  await checkAtPhoneWidth(page);

  // The history shows who set what.
  await page.getByRole('button', { name: `${lotte}, Haag snoeien: U · Lukt alleen` }).click();
  const history = page.getByRole('dialog', { name: `${lotte} · Haag snoeien` });
  await expect(history.getByText(`U · Lukt alleen op`, { exact: false })).toContainText(supervisor.name);
  await expect(history.getByText('Snoeit de haag alleen, netjes en veilig.')).toBeVisible();
  await page.keyboard.press('Escape');

  // The A3 wall chart downloads as a PDF.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF A3 downloaden om af te drukken' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^iluo-matrix-groendienst-noord-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = await readFile(await download.path());
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  expect(file.toString('latin1')).toContain('/MediaBox [0 0 1190.55 841.89]');
  await logOut(page);
});
