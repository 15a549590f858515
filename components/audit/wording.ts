/** "1 suggestion", "3 suggestions": the report's words suggest, they never say "errors". */
export function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

export const suggestionCount = (n: number) => count(n, 'suggestion', 'suggestions');
export const letterCount = (n: number) => count(n, 'letter', 'letters');
