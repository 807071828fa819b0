import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkExchange, frameworkInput } from '#shared/competencies';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { buildOrganisation } from '../../../test/support/factories';
import { competencies, competencyFrameworks, competencyFrameworkVersions, jobProfiles } from '../../db/schema';
import { asPlatform } from '../../db/tenant';
import {
  createDefaultFramework,
  defaultCompetencyKeys,
  defaultFramework,
  defaultJobProfiles,
} from './default-framework';

const escoCsv = resolve(import.meta.dirname, '../../../../shared/data/esco-nl/transversalSkillsCollection_nl.csv');

describe('the default framework "11 kerncompetenties"', () => {
  it('is a valid framework with its job profiles, as an exchange file would be', () => {
    expect(frameworkInput.safeParse(defaultFramework).success).toBe(true);
    const parsed = frameworkExchange.safeParse({
      format: 'groeipad-competency-framework',
      formatVersion: 1,
      framework: defaultFramework,
      jobProfiles: defaultJobProfiles,
    });
    expect(parsed.success).toBe(true);
  });

  it('has the eleven competencies with their stable keys, in order', () => {
    expect(defaultFramework.competencies.map((c) => c.key)).toEqual([...defaultCompetencyKeys]);
    expect(defaultFramework.competencies).toHaveLength(11);
  });

  it('gives every job profile an expectation within the scale for every competency, up the ladder', () => {
    const max = defaultFramework.scale.length;
    for (const profile of defaultJobProfiles) {
      expect(profile.expectations.map((e) => e.competencyKey).sort()).toEqual([...defaultCompetencyKeys].sort());
      for (const e of profile.expectations) expect(e.level).toBeGreaterThanOrEqual(1);
      for (const e of profile.expectations) expect(e.level).toBeLessThanOrEqual(max);
    }
    expect(defaultJobProfiles.map((p) => [p.name, p.ladderStep, p.workMode])).toEqual([
      ['Arbeider', 1, 'uitvoerend'],
      ['Hulpmeestergast', 2, 'uitvoerend'],
      ['Meestergast', 3, 'inzichtelijk'],
      ['Omkadering', 4, 'inzichtelijk'],
    ]);
    // A higher rung never expects less than the one below it.
    for (let i = 1; i < defaultJobProfiles.length; i++) {
      const below = new Map(defaultJobProfiles[i - 1]?.expectations.map((e) => [e.competencyKey, e.level]));
      for (const e of defaultJobProfiles[i]?.expectations ?? []) {
        expect(e.level).toBeGreaterThanOrEqual(below.get(e.competencyKey) ?? 0);
      }
    }
  });

  it.skipIf(!existsSync(escoCsv))('links only ESCO transversal skills that exist, with their Dutch label', () => {
    const rows = parse(readFileSync(escoCsv), { columns: true }) as { conceptUri: string; preferredLabel: string }[];
    const labelOf = new Map(rows.map((r) => [r.conceptUri, r.preferredLabel]));
    const linked = defaultFramework.competencies.filter((c) => c.escoUri);
    expect(linked.length).toBeGreaterThanOrEqual(10);
    for (const c of linked) {
      expect(labelOf.has(c.escoUri as string), `${c.key}: ${c.escoUri}`).toBe(true);
      expect(c.escoLabel, c.key).toBe(labelOf.get(c.escoUri as string));
    }
  });
});

describe('createDefaultFramework', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('stores version 1 with the eleven competencies and the four job profiles, as the default', async () => {
    const org = await buildOrganisation(database.db);
    const { framework, version } = await asPlatform(database.db, (tx) => createDefaultFramework(tx, org.id));
    const db = database.db;
    const [stored] = await db.select().from(competencyFrameworks).where(eq(competencyFrameworks.id, framework.id));
    expect(stored).toMatchObject({ name: '11 kerncompetenties', isDefault: true, archivedAt: null });
    const versions = await db
      .select()
      .from(competencyFrameworkVersions)
      .where(eq(competencyFrameworkVersions.frameworkId, framework.id));
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(versions[0]?.scale).toHaveLength(4);
    const rows = await db
      .select()
      .from(competencies)
      .where(eq(competencies.versionId, version.id))
      .orderBy(asc(competencies.position));
    expect(rows.map((r) => r.key)).toEqual([...defaultCompetencyKeys]);
    const profiles = await db.select().from(jobProfiles).where(eq(jobProfiles.frameworkId, framework.id));
    expect(profiles.map((p) => p.name).sort()).toEqual(['Arbeider', 'Hulpmeestergast', 'Meestergast', 'Omkadering']);
  });
});
