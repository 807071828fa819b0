import type { InstrumentField, InstrumentKind } from '#shared/instruments';

/**
 * The instruments every organisation starts with. They are ordinary rows once created (builtInCode marks them so
 * they are created once): the admin adapts them to the workplace like any other definition.
 */
export interface BuiltIn {
  code: string;
  name: string;
  kind: InstrumentKind;
  description: string;
  fields: InstrumentField[];
}

const field = (f: Partial<InstrumentField> & Pick<InstrumentField, 'key' | 'label' | 'type'>): InstrumentField => ({
  group: '',
  required: false,
  help: '',
  ...f,
});

const score15 = (key: string, label: string, group = '') =>
  field({ key, label: `${label} (1–5)`, type: 'integer', min: 1, max: 5, group });

/** The seven ASI areas: key prefix and Dutch name. */
const asiAreas = [
  ['medical', 'Lichamelijke gezondheid'],
  ['employment', 'Werk en inkomen'],
  ['alcohol', 'Alcohol'],
  ['drugs', 'Drugs'],
  ['legal', 'Justitie'],
  ['family', 'Familie en sociale relaties'],
  ['psychiatric', 'Psychisch welbevinden'],
] as const;

const asi: BuiltIn = {
  code: 'asi',
  name: 'ASI (Addiction Severity Index)',
  kind: 'asi',
  description:
    'Per levensgebied: de ernst volgens de interviewer (0–9) en de samengestelde score (0–1). Alleen door getrainde interviewers.',
  fields: asiAreas.flatMap(([key, area]) => [
    field({
      key: `${key}_severity`,
      label: `${area} — ernst (interviewer, 0–9)`,
      group: area,
      type: 'integer',
      min: 0,
      max: 9,
      help: '0: geen probleem. 9: zeer ernstig probleem, behandeling nodig.',
    }),
    field({
      key: `${key}_composite`,
      label: `${area} — samengestelde score (0–1)`,
      group: area,
      type: 'decimal',
      min: 0,
      max: 1,
      help: 'Berekend uit de antwoorden van het interview.',
    }),
  ]),
};

const bps: BuiltIn = {
  code: 'bps',
  name: 'Basic Profile Screen',
  kind: 'bps',
  description:
    'Een startpunt om aan te passen aan uw werking. Scores van 1 (veel ondersteuning nodig) tot 5 (zelfstandig).',
  fields: [
    score15('work_attitude', 'Werkhouding'),
    score15('physical_capacity', 'Fysieke belastbaarheid'),
    score15('social_skills', 'Sociale vaardigheden'),
    score15('learning', 'Leervermogen'),
    score15('self_reliance', 'Zelfredzaamheid'),
    field({ key: 'conclusion', label: 'Besluit', type: 'text' }),
  ],
};

const orientation: BuiltIn = {
  code: 'orientation',
  name: 'Oriëntatietest',
  kind: 'orientation',
  description: 'Wat interesseert de deelnemer, en welke manier van werken past?',
  fields: [
    field({ key: 'interests', label: 'Interesses', type: 'text' }),
    field({ key: 'preferred_sectors', label: 'Sectoren van voorkeur', type: 'text' }),
    field({
      key: 'work_mode',
      label: 'Manier van werken',
      type: 'choice',
      options: ['uitvoerend', 'inzichtelijk'],
      help: 'Uitvoerend: taken volgens vaste stappen. Inzichtelijk: zelf problemen oplossen.',
    }),
    field({ key: 'advice', label: 'Advies', type: 'text' }),
  ],
};

const fitness: BuiltIn = {
  code: 'fitness',
  name: 'Fysieke test',
  kind: 'fitness',
  description: 'Hoe belastbaar is de deelnemer voor fysiek werk?',
  fields: [
    score15('endurance', 'Uithouding'),
    score15('strength', 'Kracht'),
    field({ key: 'lifting_kg', label: 'Tillen (kg)', type: 'decimal', min: 0, max: 100 }),
    field({ key: 'standing_hours', label: 'Rechtstaan (uren per dag)', type: 'decimal', min: 0, max: 12 }),
    field({ key: 'remarks', label: 'Opmerkingen', type: 'text' }),
  ],
};

export const builtIns: readonly BuiltIn[] = [asi, bps, orientation, fitness];
