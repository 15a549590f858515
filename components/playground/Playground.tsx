import { useMemo, useState } from 'preact/hooks';
import { compile, defaultLexicon, type Finding, type Locale } from '@/core/index';
import { FindingCard } from './FindingCard';
import { SAMPLE_LETTER } from './sample-letter';

/**
 * The educators' playground: paste or type a letter and see every suggestion with its reasons.
 * It runs the same engine as the CLI and the content script, entirely in the page.
 */
export function Playground() {
  const [text, setText] = useState(SAMPLE_LETTER);
  const [locale, setLocale] = useState<Locale>('en-GB');
  const matcher = useMemo(() => compile([defaultLexicon()], { locale }), [locale]);
  const findings: Finding[] = useMemo(() => matcher.find(text), [matcher, text]);

  return (
    <main class="playground">
      <header>
        <h1>Alongside playground</h1>
        <p>
          Type or paste a letter. Alongside suggests wording that keeps the person in context.
          Nothing you type leaves this page.
        </p>
      </header>
      <label class="locale">
        Spelling{' '}
        <select value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
          <option value="en-GB">British English</option>
          <option value="en-US">American English</option>
        </select>
      </label>
      <label for="letter" class="visually-hidden">
        Letter text
      </label>
      <textarea
        id="letter"
        value={text}
        rows={14}
        spellcheck
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p role="status" aria-live="polite" class="count">
        {findings.length === 0
          ? 'No suggestions.'
          : `${findings.length} suggestion${findings.length === 1 ? '' : 's'}`}
      </p>
      <ol class="findings">
        {findings.map((f) => (
          <li key={`${f.start}:${f.entryId}`}>
            <FindingCard finding={f} text={text} />
          </li>
        ))}
      </ol>
    </main>
  );
}
