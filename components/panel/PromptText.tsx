import { gapParts } from '@/components/kit/gap-parts';
import { paragraphsOf } from '@/core/kit/paragraphs';

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
  const parts = gapParts(paragraph);
  // Line breaks inside a paragraph stay line breaks.
  return parts.flatMap((part, k) =>
    typeof part === 'string'
      ? part.split('\n').flatMap((line, n) => (n === 0 ? [line] : [<br key={`${k}-${n}`} />, line]))
      : [part],
  );
}
