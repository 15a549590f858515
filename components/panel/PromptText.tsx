import { placeholders } from '@/core/suggestions/placeholders';
import { paragraphsOf } from '@/extension/content/apply/insert-at-caret';

/** A prompt's text, paragraph by paragraph, each {gap} marked as a place to fill in. */
export function PromptText({ text }: { text: string }) {
  return (
    <div class="prompt-text">
      {paragraphsOf(text).map((paragraph, k) => (
        <p key={k}>{withGaps(paragraph)}</p>
      ))}
    </div>
  );
}

function withGaps(paragraph: string) {
  const parts: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const gap of placeholders(paragraph)) {
    if (gap.start > at) parts.push(paragraph.slice(at, gap.start));
    parts.push(
      <span class="gap" key={gap.start}>
        {paragraph.slice(gap.start, gap.end)}
      </span>,
    );
    at = gap.end;
  }
  if (at < paragraph.length) parts.push(paragraph.slice(at));
  // Line breaks inside a paragraph stay line breaks.
  return parts.flatMap((part, k) =>
    typeof part === 'string'
      ? part.split('\n').flatMap((line, n) => (n === 0 ? [line] : [<br key={`${k}-${n}`} />, line]))
      : [part],
  );
}
