import { applyReplacement } from '../suggestions/apply-replacement.ts';
import { compile } from '../matcher/compile.ts';
import { formatPath } from './format-issue.ts';
import type { Entry, FlagExample, Lexicon, Locale } from './schema.ts';

const textOf = (example: FlagExample) => (typeof example === 'string' ? example : example.text);

/**
 * Runs every entry's examples through the real engine, as LanguageTool runs its rules'
 * `<example correction>`: each flag example must be flagged by its entry and, where the entry
 * offers alternatives, each alternative must leave exactly the corrected sentence written beside
 * it; each alternative needs at least one such sentence; pass examples must not be flagged; an
 * advice-only entry's rewrite must flag before and not after. `layers` are compiled together, so
 * an entry is checked as it behaves among the others. Errors are "path: problem" lines.
 */
export function checkExamples(layers: readonly Lexicon[], lexicon: Lexicon): string[] {
  const errors: string[] = [];
  const matchers = new Map<Locale, ReturnType<typeof compile>>();
  const matcher = (locale: Locale) =>
    matchers.get(locale) ?? matchers.set(locale, compile(layers, { locale })).get(locale)!;
  const findingFor = (entry: Entry, text: string, locale: Locale) =>
    matcher(locale)
      .find(text)
      .find((f) => f.entryId === entry.id);

  lexicon.entries.forEach((entry, index) => {
    if (entry.enabled === false) return;
    const at = (...path: (string | number)[]) => formatPath(['entries', index, ...path]);
    const usAlternatives = entry.locales?.['en-US']?.alternatives;
    const covered = new Set<number>();
    const usCovered = new Set<number>();
    let unwritten = false;

    entry.examples.flag.forEach((example, e) => {
      const text = textOf(example);
      const where = at('examples', 'flag', e);
      const found = findingFor(entry, text, 'en-GB');
      if (!found) {
        errors.push(`${where}: "${text}" is not flagged by "${entry.id}"`);
        return;
      }
      const expects = found.replacements.length > 0;
      if (typeof example === 'string') {
        if (expects) {
          unwritten = true;
          errors.push(
            `${where}: give the sentence each alternative leaves, as { "text": "…", "corrections": ["${applyReplacement(text, found.replacements[0]!)}"] }`,
          );
        }
        return;
      }
      const check = (locale: Locale, corrections: string[], seen: Set<number>, key: string) => {
        const finding = locale === 'en-GB' ? found : findingFor(entry, text, locale)!;
        corrections.forEach((want, k) => {
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
      check('en-GB', example.corrections, covered, 'corrections');
      if (example['en-US']) check('en-US', example['en-US'], usCovered, 'en-US');
    });

    // Examples still without corrections were named above; one line each is enough.
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
      if (findingFor(entry, text, 'en-GB')) {
        errors.push(
          `${at('examples', 'pass', e)}: "${text}" should not be flagged by "${entry.id}"`,
        );
      }
    });

    if (entry.rewrite) {
      if (!findingFor(entry, entry.rewrite.before, 'en-GB')) {
        errors.push(
          `${at('rewrite', 'before')}: "${entry.rewrite.before}" is not flagged by "${entry.id}"`,
        );
      }
      if (findingFor(entry, entry.rewrite.after, 'en-GB')) {
        errors.push(
          `${at('rewrite', 'after')}: "${entry.rewrite.after}" is still flagged by "${entry.id}"`,
        );
      }
    }
  });
  return errors;
}
