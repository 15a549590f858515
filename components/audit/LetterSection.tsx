import { DOCUMENT_KIND_LABEL } from '../card/document-kind-label';
import { FindingItem } from './FindingItem';
import { suggestionCount } from './wording';
import type { ReportLetter } from './report-data';

/** One letter's suggestions, in the order they appear in it. */
export function LetterSection({ letter, anchor }: { letter: ReportLetter; anchor: string }) {
  return (
    <section class="letter" id={anchor}>
      <h3>{letter.file}</h3>
      <p class="muted">
        {suggestionCount(letter.findings.length)} · read as {DOCUMENT_KIND_LABEL[letter.kind]}
      </p>
      <ol class="findings">
        {letter.findings.map((finding, i) => (
          <FindingItem key={i} finding={finding} />
        ))}
      </ol>
    </section>
  );
}
