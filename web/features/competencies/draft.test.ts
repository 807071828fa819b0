import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrameworkDetail, frameworkInput } from '#shared/competencies';
import { code } from '#shared/lists';
import { blankDraft, draftOf, keyFromName, toBody, versionCreatedBy } from './draft';

describe('keyFromName', () => {
  it('turns a Dutch name into a stable code', () => {
    expect(keyFromName('Omgaan met feedback')).toBe('omgaan_met_feedback');
    expect(keyFromName('Stiptheid & aanwezigheid')).toBe('stiptheid_aanwezigheid');
    expect(keyFromName('Één taak, zorgvuldig')).toBe('een_taak_zorgvuldig');
    expect(keyFromName('4 x werken')).toBe('x_werken');
    expect(keyFromName('!')).toBe('');
  });

  it('gives a valid code or nothing, for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const key = keyFromName(name);
        if (key) expect(code.safeParse(key).success).toBe(true);
      }),
    );
  });
});

describe('toBody', () => {
  it('numbers levels 1..n and fills a missing key from the name', () => {
    const draft = blankDraft();
    draft.name = ' Mijn kader ';
    draft.scale.forEach((l, i) => {
      l.label = `Niveau ${i + 1}`;
      l.meaning = 'Uitleg.';
    });
    const [c] = draft.competencies;
    if (!c) throw new Error('no competency');
    c.name = 'Samen werken';
    c.description = 'Samen.';
    c.indicators = ['a', 'b', 'c', 'd'];
    const body = toBody(draft);
    expect(body.scale.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    expect(body.competencies[0]?.key).toBe('samen_werken');
    expect(body.name).toBe('Mijn kader');
    expect(body.description).toBeNull();
    expect(frameworkInput.safeParse(body).success).toBe(true);
  });

  it('gives back what draftOf read, for an existing version', () => {
    const version = {
      id: crypto.randomUUID(),
      frameworkId: crypto.randomUUID(),
      frameworkName: 'Kader',
      number: 2,
      createdAt: new Date().toISOString(),
      scale: [
        { value: 1, label: 'Nee', meaning: 'Lukt niet.', pictogram: 'seed' as const },
        { value: 2, label: 'Ja', meaning: 'Lukt.', pictogram: 'tree' as const },
      ],
      competencies: [
        {
          id: crypto.randomUUID(),
          key: 'netheid',
          position: 0,
          name: 'Netheid',
          description: 'Netjes.',
          indicators: ['Rommel.', 'Net.'],
          escoUri: 'http://data.europa.eu/esco/skill/83e6510b-ffeb-4aec-959c-4265fd0ff7b7',
          escoLabel: 'gedetailleerd werken',
        },
      ],
    };
    const body = toBody(draftOf('Kader', 'Uitleg', version));
    expect(body).toEqual({
      name: 'Kader',
      description: 'Uitleg',
      scale: version.scale,
      competencies: version.competencies.map(({ id: _id, position: _p, ...c }) => c),
    });
  });
});

describe('versionCreatedBy, which decides whether the editor asks first', () => {
  const current: FrameworkDetail['current'] = {
    id: crypto.randomUUID(),
    frameworkId: crypto.randomUUID(),
    frameworkName: 'Kader',
    number: 3,
    createdAt: new Date().toISOString(),
    scale: [
      { value: 1, label: 'Nee', meaning: 'Lukt niet.', pictogram: 'seed' },
      { value: 2, label: 'Ja', meaning: 'Lukt.', pictogram: 'tree' },
    ],
    competencies: [
      {
        id: crypto.randomUUID(),
        key: 'netheid',
        position: 0,
        name: 'Netheid',
        description: 'Netjes.',
        indicators: ['Rommel.', 'Net.'],
        escoUri: null,
        escoLabel: null,
      },
    ],
  };
  const framework = (ratingCount: number): FrameworkDetail => ({
    id: current.frameworkId,
    name: 'Kader',
    description: null,
    isDefault: true,
    archived: false,
    currentVersion: 3,
    competencyCount: 1,
    current,
    versions: [
      { id: current.id, number: 3, createdAt: current.createdAt, ratingCount },
      { id: crypto.randomUUID(), number: 2, createdAt: current.createdAt, ratingCount: 12 },
    ],
  });
  const edited = (change: (draft: ReturnType<typeof draftOf>) => void) => {
    const draft = draftOf('Kader', null, current);
    change(draft);
    return toBody(draft);
  };

  it("names the next version when a rated version's content changes", () => {
    const body = edited((d) => {
      if (d.scale[1]) d.scale[1].label = 'Zeker';
    });
    expect(versionCreatedBy(framework(5), body)).toBe(4);
  });

  it('asks nothing for an unrated version, for the name alone, or for spaces around the text', () => {
    const body = edited((d) => {
      if (d.scale[1]) d.scale[1].label = 'Zeker';
    });
    expect(versionCreatedBy(framework(0), body)).toBeNull();
    expect(
      versionCreatedBy(
        framework(5),
        edited((d) => {
          d.name = 'Een andere naam';
          d.description = 'Nu met uitleg';
          if (d.competencies[0]) d.competencies[0].description = '  Netjes.  ';
        }),
      ),
    ).toBeNull();
  });
});
