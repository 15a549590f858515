/** "Claims" at a sentence start gets "Reports", not "reports"; placeholders and acronyms stay. */
export function matchCase(suggestion: string, matched: string): string {
  const first = matched.charAt(0);
  if (first === '' || first === first.toLowerCase() || first !== first.toUpperCase())
    return suggestion;
  const lead = suggestion.charAt(0);
  if (lead !== lead.toLowerCase() || lead === lead.toUpperCase()) return suggestion;
  return lead.toUpperCase() + suggestion.slice(1);
}
