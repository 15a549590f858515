import { Source } from './FindingItem';
import type { ReportReflection } from './report-data';

/** One whole-letter reflection: what it notices, and why it may matter, one click away. */
export function ReflectionItem({ reflection: r }: { reflection: ReportReflection }) {
  return (
    <li class="reflection">
      <p class="message">
        {r.message} <code>{r.id}</code>
      </p>
      <details>
        <summary>Why this matters</summary>
        <p>{r.why}</p>
        {r.sources.length > 0 && (
          <ul>
            {r.sources.map((source, i) => (
              <Source key={i} source={source} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
