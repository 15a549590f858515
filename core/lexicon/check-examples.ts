import type { Finding } from '../finding.ts';
import { applyReplacement } from '../suggestions/apply-replacement.ts';
import { compile } from '../matcher/compile.ts';
import { formatPath } from './format-issue.ts';
import type { Entry, FlagExample, Lexicon, Locale } from './schema.ts';

const textOf = (example: FlagExample) => (typeof example === 'string' ? example : example.text);

/** An entry to check and its index in the file, for "entries[3]…" paths. */
export interface EntryAt {
  entry: Entry;
  index: number;
}

const quoted = (text: string, f: Finding) => `"${text.slice(f.start, f.end)}"`;

/** What the engine did flag in a sentence, for a message about what it did not. */
function whatHappened(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return 'nothing in it is flagged';
  const list = findings.map((f) => `${quoted(text, f)} by "${f.entryId}"`);
  return `it flags ${list.join(', ')} instead`;
}

/**
 * Runs every entry's examples through the real engine, as LanguageTool runs its rules'
 * `<example correction>`. A flag example passes when its entry fires in it exactly where it
 * should: the match checked is the one on the words given as `flagged` (when the example names
 * them, it must exist) or else the entry's first match, and each alternative applied at that
 * match must leave exactly the corrected sentence written beside it, which pins the place for
 * every entry that offers alternatives (`flagged` pins it for the others). Each alternative needs at
 * least one such sentence; pass examples must not be flagged by their entry; an advice-only
 * entry's rewrite must flag before and not after. `layers` are compiled together, so an entry
 * is checked as it behaves among the others (and as layered: patches applied). `entries`
 * defaults to the lexicon's own whole entries. Errors are "path: problem" lines.
 */
export function checkExamples(
  layers: readonly Lexicon[],
  lexicon: Lexicon,
  entries: readonly EntryAt[] = lexicon.entries.map((entry, index) => ({ entry, index })),
): string[] {
  const errors: string[] = [];
  const matchers = new Map<Locale, ReturnType<typeof compile>>();
  const matcher = (locale: Locale) =>
    matchers.get(locale) ?? matchers.set(locale, compile(layers, { locale })).get(locale)!;
  const findingsFor = (entry: Entry, text: string, locale: Locale) =>
    matcher(locale)
      .find(text)
      .filter((f) => f.entryId === entry.id);

  for (const { entry, index } of entries) {
    if (entry.enabled === false) continue;
    const at = (...path: (string | number)[]) => formatPath(['entries', index, ...path]);
    const usAlternatives = entry.locales?.['en-US']?.alternatives;
    const covered = new Set<number>();
    const usCovered = new Set<number>();
    // An example that failed or has no corrections yet is named once; the alternatives it
    // would have covered are not named again.
    let unwritten = false;

    entry.examples.flag.forEach((example, e) => {
      const text = textOf(example);
      const where = at('examples', 'flag', e);
      const own = findingsFor(entry, text, 'en-GB');
      if (own.length === 0) {
        const all = matcher('en-GB').find(text);
        unwritten = true;
        errors.push(
          `${where}: "${text}" is not flagged by "${entry.id}"; ${whatHappened(text, all)}`,
        );
        return;
      }
      const flagged = typeof example === 'string' ? undefined : example.flagged;
      // Several matches: the one `flagged` names is checked, or else the first.
      const found = own.find((f) => text.slice(f.start, f.end) === flagged) ?? own[0]!;
      if (flagged !== undefined && text.slice(found.start, found.end) !== flagged) {
        unwritten = true;
        errors.push(
          `${where}: "${text}" is flagged at ${own.map((f) => quoted(text, f)).join(', ')}, not at "${flagged}"`,
        );
        return;
      }
      const expects = found.replacements.length > 0;
      const corrections = typeof example === 'string' ? undefined : example.corrections;
      if (!corrections) {
        if (expects) {
          unwritten = true;
          errors.push(
            `${where}: give the sentence each alternative leaves, as { "text": "…", "corrections": ["${applyReplacement(text, found.replacements[0]!)}"] }`,
          );
        }
        return;
      }
      const check = (locale: Locale, wanted: string[], seen: Set<number>, key: string) => {
        const finding =
          locale === 'en-GB'
            ? found
            : (findingsFor(entry, text, locale).find((f) => f.start === found.start) ?? found);
        wanted.forEach((want, k) => {
          const r = finding.replacements[k];
          if (!r) {
            errors.push(`${where}.${key}[${k}]: there is no alternative ${k + 1} for this match`);
            return;
          }
          const got = applyReplacement(text, r);
          if (got !== want) {
            errors.push(
              `${where}.${key}[${k}]: alternative ${k + 1} leaves "${got}", not "${want}"`,
            );
          }
          seen.add(k);
        });
      };
      check('en-GB', corrections, covered, 'corrections');
      if (typeof example !== 'string' && example['en-US']) {
        check('en-US', example['en-US'], usCovered, 'en-US');
      }
    });

    entry.alternatives.forEach((_, k) => {
      if (!covered.has(k) && !unwritten) {
        errors.push(
          `${at('alternatives', k)}: no flag example shows the sentence this alternative leaves`,
        );
      }
    });
    usAlternatives?.forEach((_, k) => {
      if (!usCovered.has(k) && !unwritten) {
        errors.push(
          `${at('locales', 'en-US', 'alternatives', k)}: no flag example gives its "en-US" corrected sentence`,
        );
      }
    });

    entry.examples.pass.forEach((text, e) => {
      const own = findingsFor(entry, text, 'en-GB');
      if (own.length) {
        errors.push(
          `${at('examples', 'pass', e)}: "${text}" should not be flagged by "${entry.id}", but it flags ${quoted(text, own[0]!)}`,
        );
      }
    });

    if (entry.rewrite) {
      if (findingsFor(entry, entry.rewrite.before, 'en-GB').length === 0) {
        const all = matcher('en-GB').find(entry.rewrite.before);
        errors.push(
          `${at('rewrite', 'before')}: "${entry.rewrite.before}" is not flagged by "${entry.id}"; ${whatHappened(entry.rewrite.before, all)}`,
        );
      }
      const after = findingsFor(entry, entry.rewrite.after, 'en-GB');
      if (after.length) {
        errors.push(
          `${at('rewrite', 'after')}: "${entry.rewrite.after}" is still flagged by "${entry.id}" (${quoted(entry.rewrite.after, after[0]!)})`,
        );
      }
    }
  }
  return errors;
}
