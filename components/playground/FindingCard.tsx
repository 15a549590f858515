import type { Finding } from '@/core/index';

/** One suggestion: the phrase, why it matters, what to write instead, and where that comes from. */
export function FindingCard({ finding }: { finding: Finding }) {
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
      {finding.suggestions.length > 0 && (
        <ul class="suggestions" aria-label="Alternatives">
          {finding.suggestions.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {finding.advice && <p class="advice">{finding.advice}</p>}
    </article>
  );
}
