import { useState } from 'preact/hooks';
import type { Finding } from '@/core/index';
import { previewOf } from '@/components/card/preview';
import { ReplacementPreview } from '@/components/card/ReplacementPreview';

/**
 * One suggestion: the phrase, why it matters, what to write instead (with the sentence as it would
 * read, following the alternative pointed at or chosen with the arrow keys), and where that comes
 * from. `text` is the letter the finding was found in.
 */
export function FindingCard({ finding, text }: { finding: Finding; text: string }) {
  const [active, setActive] = useState(0);
  const count = finding.suggestions.length;
  const current = Math.min(active, Math.max(0, count - 1));
  const preview = count ? previewOf(text, finding.replacements[current]) : undefined;
  const id = `finding-${finding.start}-${finding.entryId}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    setActive((current + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
  };
  return (
    <article
      class={`finding severity-${finding.severity}`}
      aria-label={`Suggestion for “${finding.match}”`}
    >
      <h2>
        “{finding.match}” <span class="severity">{finding.severity}</span>
      </h2>
      <p class="message">{finding.message}</p>
      <details>
        <summary>Why</summary>
        <p>{finding.why}</p>
        <ul class="sources">
          {finding.sources.map((s) => (
            <li key={s.citation}>
              {s.url ? <a href={s.url}>{s.citation}</a> : s.citation} ({s.year})
            </li>
          ))}
        </ul>
      </details>
      {count > 0 && (
        <ul
          class="suggestions"
          role="listbox"
          aria-label="Alternatives"
          tabIndex={0}
          aria-activedescendant={`${id}-${current}`}
          aria-describedby={`${id}-preview`}
          onKeyDown={onKeyDown}
        >
          {finding.suggestions.map((s, k) => (
            <li
              key={s}
              id={`${id}-${k}`}
              role="option"
              aria-selected={k === current}
              class={k === current ? 'active' : undefined}
              onMouseEnter={() => setActive(k)}
              onClick={() => setActive(k)}
            >
              {s}
            </li>
          ))}
        </ul>
      )}
      {preview && <ReplacementPreview preview={preview} id={`${id}-preview`} />}
      {finding.advice && <p class="advice">{finding.advice}</p>}
      {finding.rewrite && (
        <p class="rewrite">
          <span class="rewrite-label">For example:</span> {finding.rewrite.before} →{' '}
          {finding.rewrite.after}
        </p>
      )}
    </article>
  );
}
