import type { Finding } from '@/core/engine';
import type { Locale } from '@/core/lexicon/schema';
import { severityLabels } from '@/components/card/severity-label';
import { SourceList } from '@/components/panel/LetterReflections';
import { playgroundMessages } from '@/locales/index';
import type { Comparison } from './workshop';

/** One of Alongside's flags with why it matters and where that comes from. */
function FlagWhy({ finding, locale }: { finding: Finding; locale: Locale }) {
  return (
    <>
      <strong>“{finding.match}”</strong>{' '}
      <span class="muted">{severityLabels(locale)[finding.severity]}</span>
      <p>{finding.message}</p>
      <details>
        <summary>{playgroundMessages(locale).whyAndSources}</summary>
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
export function WorkshopResults({
  comparison,
  locale = 'en-GB',
}: {
  comparison: Comparison;
  locale?: Locale;
}) {
  const { both, onlyAlongside, onlyYou } = comparison;
  const m = playgroundMessages(locale);
  return (
    <section class="workshop-results" aria-labelledby="workshop-heading">
      <h2 id="workshop-heading">{m.resultsHeading}</h2>
      <p class="summary">
        {m.resultsSummary({
          both: both.length,
          alongside: onlyAlongside.length,
          you: onlyYou.length,
        })}
      </p>
      <div class="columns">
        <div data-group="both">
          <h3>{m.foundByBoth}</h3>
          {both.length === 0 ? (
            <p class="muted">{m.noneYet}</p>
          ) : (
            <ul>
              {both.map(({ finding }) => (
                <li key={`${finding.start}:${finding.entryId}`}>
                  <FlagWhy finding={finding} locale={locale} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-group="alongside">
          <h3>{m.onlyAlongside}</h3>
          {onlyAlongside.length === 0 ? (
            <p class="muted">{m.foundEveryFlag}</p>
          ) : (
            <ul>
              {onlyAlongside.map((finding) => (
                <li key={`${finding.start}:${finding.entryId}`}>
                  <FlagWhy finding={finding} locale={locale} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-group="you">
          <h3>{m.onlyYou}</h3>
          {onlyYou.length === 0 ? (
            <p class="muted">{m.nothingBeyond}</p>
          ) : (
            <>
              <ul>
                {onlyYou.map((mark) => (
                  <li key={`${mark.start}:${mark.end}`}>“{mark.text}”</li>
                ))}
              </ul>
              <p class="muted">{m.worthTalkingOver}</p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
