import { SEVERITY_LABEL } from '../card/severity-label';
import type { ReportFinding, ReportSource, SentenceParts } from './report-data';
import { SourceAddress } from './SourceAddress';

function Sentence({
  parts,
  Mark,
  markClass,
}: {
  parts: SentenceParts;
  Mark: 'mark' | 'ins';
  markClass?: string;
}) {
  return (
    <>
      {parts.before}
      <Mark class={markClass}>{parts.marked}</Mark>
      {parts.after}
    </>
  );
}

/** A source, linked only when its address is https:// (anything else is shown as text). */
export function Source({ source }: { source: ReportSource }) {
  return (
    <li>
      {source.citation} ({source.year})
      <SourceAddress url={source.url} />
    </li>
  );
}

/**
 * One suggestion: where it is, what it says, the sentence as it reads now and as the first
 * suggestion would leave it (or the advice, where no wording fits in place), and its sources.
 */
export function FindingItem({ finding: f }: { finding: ReportFinding }) {
  const [first, ...others] = f.suggestions;
  return (
    <li class="finding">
      <p class="where">
        Line {f.line}, column {f.column} · {SEVERITY_LABEL[f.severity]} · {f.category} ·{' '}
        <code>{f.entryId}</code>
      </p>
      <p class="message">{f.message}</p>
      <p class="sentence">
        <span class="label">As written:</span>{' '}
        <Sentence parts={f.flagged} Mark="mark" markClass={`flag-${f.severity}`} />
      </p>
      {f.corrected ? (
        <p class="sentence">
          <span class="label">With “{first}”:</span> <Sentence parts={f.corrected} Mark="ins" />
        </p>
      ) : f.advice ? (
        <p class="advice">
          <span class="label">Advice:</span> {f.advice}
        </p>
      ) : null}
      {others.length > 0 && (
        <p class="others">
          <span class="label">Other wording:</span> {others.map((s) => `“${s}”`).join(', ')}
        </p>
      )}
      {f.sources.length > 0 && (
        <details>
          <summary>Sources</summary>
          <ul>
            {f.sources.map((source, i) => (
              <Source key={i} source={source} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
