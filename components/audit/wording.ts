/** "1 suggestion", "3 suggestions": the report's words suggest, they never say "errors". */
export function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

export const suggestionCount = (n: number) => count(n, 'suggestion', 'suggestions');
export const letterCount = (n: number) => count(n, 'letter', 'letters');
export const reflectionCount = (n: number) => count(n, 'reflection', 'reflections');

/** What each built-in reflection notices, in a few words, for the totals. */
export const REFLECTION_LABEL: Readonly<Record<string, string>> = {
  'way-back-in': 'No way back in is mentioned',
  'social-context': 'None of the social context areas comes up',
  'written-to-person': 'Addressed to the person, but written about them',
  'flag-summary': 'Flags by category',
};
