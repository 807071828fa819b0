import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './theme';

const full = mergeMantineTheme(DEFAULT_THEME, theme);
const defaults = defaultCssVariablesResolver(full);
const ours = cssVariablesResolver(full);
const light: Record<string, string> = { ...defaults.variables, ...defaults.light, ...ours.variables, ...ours.light };

/** A variable's colour, following var(--…) references; shades come from the theme itself. */
function resolve(value: string): string {
  const ref = /^var\((--mantine-color-([a-z]+)-(\d))\)$/.exec(value);
  if (ref) {
    const shade = full.colors[ref[2] as string]?.[Number(ref[3])];
    return resolve(light[ref[1] as string] ?? (shade as string));
  }
  const other = /^var\((--[a-z0-9-]+)\)$/.exec(value);
  return other ? resolve(light[other[1] as string] as string) : value;
}

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('theme contrast', () => {
  // Badges and alerts in variant="light" with a palette's name (never a shade): text light-color on background light.
  it.each(Object.keys(full.colors).filter((c) => c !== 'dark'))(
    '%s: light variant text is at least 4.5:1',
    (colour) => {
      const text = resolve(light[`--mantine-color-${colour}-light-color`] as string);
      const background = resolve(light[`--mantine-color-${colour}-light`] as string);
      expect(text).toMatch(/^#[0-9a-f]{6}$/i);
      expect(background).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the participant status "Gepauzeerd" (orange, light) reads at least 4.5:1', () => {
    const text = resolve('var(--mantine-color-orange-light-color)');
    expect(contrast(text, resolve('var(--mantine-color-orange-light)'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('light variants in the code', () => {
  it('never pair variant="light" with a shaded colour such as "orange.9" (background and text would match)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..');
    const offenders: string[] = [];
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.tsx')) continue;
      const source = readFileSync(join(root, file), 'utf8');
      for (const tag of source.match(/<[A-Z][A-Za-z]*\b[^<>]*variant="light"[^<>]*>/g) ?? []) {
        if (/color=(?:"[a-z]+\.\d"|\{[^}]*'[a-z]+\.\d')/.test(tag))
          offenders.push(`${file}: ${tag.replace(/\s+/g, ' ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
