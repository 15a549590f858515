import type { Finding } from '@/core/engine';
import { SEVERITY_LABEL } from '@/components/card/severity-label';
import { SourceList } from '@/components/panel/LetterReflections';
import type { Comparison } from './workshop';

/** One of Alongside's flags with why it matters and where that comes from. */
function FlagWhy({ finding }: { finding: Finding }) {
  return (
    <>
      <strong>“{finding.match}”</strong>{' '}
      <span class="muted">{SEVERITY_LABEL[finding.severity]}</span>
      <p>{finding.message}</p>
      <details>
        <summary>Why, and sources</summary>
        <p>{finding.why}</p>
        <SourceList sources={finding.sources} />
      </details>
    </>
  );
}

/**
 * Workshop mode revealed: what the trainee and Alongside both found, what only Alongside
 * flagged (each with why and sources) and what only the trainee marked, which is worth talking
 * over too: Alongside's list is a prompt, not the answer.
 */
export function WorkshopResults({ comparison }: { comparison: Comparison }) {
  const { both, onlyAlongside, onlyYou } = comparison;
  return (
    <section class="workshop-results" aria-labelledby="workshop-heading">
      <h2 id="workshop-heading">Your marks beside Alongside’s flags</h2>
      <p class="summary">
        Found by both: {both.length}. Only Alongside: {onlyAlongside.length}. Only you:{' '}
        {onlyYou.length}.
      </p>
      <div class="columns">
        <div data-group="both">
          <h3>Found by both of you</h3>
          {both.length === 0 ? (
            <p class="muted">None yet.</p>
          ) : (
            <ul>
              {both.map(({ finding }) => (
                <li key={`${finding.start}:${finding.entryId}`}>
                  <FlagWhy finding={finding} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-group="alongside">
          <h3>Only Alongside flagged</h3>
          {onlyAlongside.length === 0 ? (
            <p class="muted">Nothing: you found every flag.</p>
          ) : (
            <ul>
              {onlyAlongside.map((finding) => (
                <li key={`${finding.start}:${finding.entryId}`}>
                  <FlagWhy finding={finding} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-group="you">
          <h3>Only you marked</h3>
          {onlyYou.length === 0 ? (
            <p class="muted">Nothing beyond Alongside’s flags.</p>
          ) : (
            <>
              <ul>
                {onlyYou.map((m) => (
                  <li key={`${m.start}:${m.end}`}>“{m.text}”</li>
                ))}
              </ul>
              <p class="muted">
                Worth talking over: the lexicon is a prompt, not the last word, and a service can
                add what it misses.
              </p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
