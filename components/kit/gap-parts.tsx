import type { JSX } from 'preact';
import { placeholders } from '../../core/suggestions/placeholders.ts';

/** Text with each {gap} in a span of class "gap": the panel and the printed kit mark them so. */
export function gapParts(text: string): (string | JSX.Element)[] {
  const parts: (string | JSX.Element)[] = [];
  let at = 0;
  for (const gap of placeholders(text)) {
    if (gap.start > at) parts.push(text.slice(at, gap.start));
    parts.push(
      <span key={gap.start} class="gap">
        {text.slice(gap.start, gap.end)}
      </span>,
    );
    at = gap.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
