/**
 * Erasing asks the admin to type the participant's full name. The server compares trimmed and case-insensitive
 * (shared/privacy.ts anonymiseBody), so the browser does exactly the same: what passes here passes there.
 */
export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

export function confirmsName(typed: string, expected: string): boolean {
  const wanted = expected.trim().toLowerCase();
  return wanted !== '' && typed.trim().toLowerCase() === wanted;
}
