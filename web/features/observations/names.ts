/** Lower case without accents: "Chloë" is found by typing "chloe". */
export const foldName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Every word typed must start a word of the name, in any order: "jan lot" finds "Lotte Janssens". */
export function matchesName(name: string, search: string): boolean {
  const words = foldName(name)
    .split(/[\s'’-]+/)
    .filter(Boolean);
  const typed = foldName(search).split(/\s+/).filter(Boolean);
  return typed.every((part) => words.some((word) => word.startsWith(part)));
}
