import { code as codeSchema } from '#shared/lists';

/**
 * A stable code made from the label an admin types: "Wijk-werken (PWA)" → "wijk_werken_pwa".
 * Accents are dropped, everything else that is not a letter or digit becomes one underscore;
 * a code must start with a letter, and one already taken gets _2, _3, … Undefined when nothing usable is left.
 */
export function codeFromLabel(label: string, taken: ReadonlySet<string>): string | undefined {
  let base = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) return undefined;
  if (!/^[a-z]/.test(base)) base = `x_${base}`;
  base = base.slice(0, 36).replace(/_+$/, '');
  if (!codeSchema.safeParse(base).success) return undefined;
  if (!taken.has(base)) return base;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}
