import { DOCUMENT_KIND_LABEL } from '../card/document-kind-label';
import { FindingItem } from './FindingItem';
import { ReflectionItem } from './ReflectionItem';
import { reflectionCount, suggestionCount } from './wording';
import type { ReportLetter } from './report-data';

/** One letter's suggestions, in the order they appear in it, then its reflections. */
export function LetterSection({ letter, anchor }: { letter: ReportLetter; anchor: string }) {
  const reflections = letter.reflections ?? [];
  return (
    <section class="letter" id={anchor}>
      <h3>{letter.file}</h3>
      <p class="muted">
        {suggestionCount(letter.findings.length)}
        {reflections.length > 0 && ` · ${reflectionCount(reflections.length)}`} · read as{' '}
        {DOCUMENT_KIND_LABEL[letter.kind]}
      </p>
      {letter.findings.length > 0 && (
        <ol class="findings">
          {letter.findings.map((finding, i) => (
            <FindingItem key={i} finding={finding} />
          ))}
        </ol>
      )}
      {reflections.length > 0 && (
        <>
          <h4>Reflections on the whole letter</h4>
          <ul class="reflections">
            {reflections.map((reflection) => (
              <ReflectionItem key={reflection.id} reflection={reflection} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
