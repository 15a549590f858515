import type { ComponentChildren } from 'preact';
import { SEVERITY_LABEL } from '../card/severity-label';
import { CategoryChart } from './CategoryChart';
import { LetterSection } from './LetterSection';
import {
  hasSomething,
  letterAnchor,
  totals,
  type AuditReportData,
  type ReportPassedOver,
} from './report-data';
import { REPORT_CSS } from './report-styles';
import { count, letterCount, REFLECTION_LABEL, suggestionCount } from './wording';

/**
 * The page loads nothing and runs nothing: no script, no request, whatever a letter or lexicon
 * holds (the browser enforces it too, through this policy).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

function headline(findings: number, withFindings: number, letters: number): string {
  if (findings === 0) return `No suggestions in ${letterCount(letters)}`;
  const where =
    withFindings === letters ? letterCount(letters) : `${withFindings} of ${letterCount(letters)}`;
  return `${suggestionCount(findings)} in ${where}`;
}

function PassedOver({
  id,
  title,
  files,
}: {
  id: string;
  title: string;
  files: ReportPassedOver[];
}) {
  if (files.length === 0) return null;
  return (
    <section id={id}>
      <h2>{title}</h2>
      <ul class="passed-over">
        {files.map(({ file, problem }) => (
          <li key={file}>
            <code>{file}</code>: {problem}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A service's audit of a folder of letters: totals first, then every suggestion in context. */
/**
 * A table of counts: each row headed by what is counted, other columns after it, the count last
 * and right-aligned. The report's totals are all of this shape.
 */
function CountTable({
  id,
  columns,
  counted,
  rows,
}: {
  id: string;
  /** The row header's column, then any others. */
  columns: readonly string[];
  /** What the count column counts ("Suggestions", "Letters"). */
  counted: string;
  rows: readonly { key: string; head: ComponentChildren; cells?: ComponentChildren[]; n: number }[];
}) {
  return (
    <table id={id}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col" class="count">
            {counted}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.head}</th>
            {(row.cells ?? []).map((cell, k) => (
              <td key={k}>{cell}</td>
            ))}
            <td class="count">{row.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditReport({ data }: { data: AuditReportData }) {
  const t = totals(data.letters);
  const clean = data.letters.filter((letter) => letter.findings.length === 0);
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content={`alongside ${data.version}`} />
        <title>{`Alongside audit of ${data.folder}`}</title>
        <style>{REPORT_CSS}</style>
      </head>
      <body>
        <main>
          <header>
            <h1>
              Alongside audit of <code>{data.folder}</code>
            </h1>
            <p class="headline">
              {headline(t.findings, t.lettersWithFindings, data.letters.length)}
            </p>
            <p class="muted">
              Each suggestion points to wording that may read as blaming, doubting or closing the
              door, with the sentence as the first suggested wording would leave it. They are
              prompts to reread, for the writer to judge.
            </p>
            <dl class="summary">
              <div>
                <dt>Letters audited</dt>
                <dd id="letters-audited">{data.letters.length}</dd>
              </div>
              <div>
                <dt>Letters with suggestions</dt>
                <dd id="letters-with-suggestions">{t.lettersWithFindings}</dd>
              </div>
              <div>
                <dt>Suggestions</dt>
                <dd id="suggestions">{t.findings}</dd>
              </div>
              {t.reflections > 0 && (
                <div>
                  <dt>Reflections</dt>
                  <dd id="reflections-count">{t.reflections}</dd>
                </div>
              )}
              {data.unreadable.length > 0 && (
                <div>
                  <dt>Files that could not be read</dt>
                  <dd id="unreadable-count">{data.unreadable.length}</dd>
                </div>
              )}
            </dl>
          </header>

          <PassedOver
            id="unreadable"
            title="Files that could not be read"
            files={data.unreadable}
          />

          {t.findings > 0 && (
            <>
              <section id="categories">
                <h2>Suggestions by category</h2>
                <CategoryChart rows={t.byCategory} />
                <CountTable
                  id="by-category"
                  columns={['Category']}
                  counted="Suggestions"
                  rows={t.byCategory.map(({ category, count: n }) => ({
                    key: category,
                    head: category,
                    n,
                  }))}
                />
              </section>

              <section id="entries">
                <h2>Suggestions by entry</h2>
                <CountTable
                  id="by-entry"
                  columns={['Entry', 'Category', 'How much it matters', 'Message']}
                  counted="Suggestions"
                  rows={t.byEntry.map((e) => ({
                    key: e.entryId,
                    head: <code>{e.entryId}</code>,
                    cells: [e.category, SEVERITY_LABEL[e.severity], e.message],
                    n: e.count,
                  }))}
                />
              </section>

              <section id="top-letters">
                <h2>Letters with the most suggestions</h2>
                <CountTable
                  id="most-suggestions"
                  columns={['Letter']}
                  counted="Suggestions"
                  rows={t.topLetters.map(({ file, anchor, count: n }) => ({
                    key: anchor,
                    head: <a href={`#${anchor}`}>{file}</a>,
                    n,
                  }))}
                />
              </section>
            </>
          )}

          {t.reflections > 0 && (
            <section id="reflections">
              <h2>Reflections on whole letters</h2>
              <p class="muted">
                Gentle observations on each letter as a whole, shown only for the kinds of letter
                they fit: a way back in, the person’s life outside the clinic, whether the letter
                speaks to the person it is addressed to, and its flags by category. They change
                nothing and block nothing.
              </p>
              <CountTable
                id="by-reflection"
                columns={['Reflection', 'What it notices']}
                counted="Letters"
                rows={t.byReflection.map(({ id, count: n }) => ({
                  key: id,
                  head: <code>{id}</code>,
                  cells: [REFLECTION_LABEL[id] ?? id],
                  n,
                }))}
              />
            </section>
          )}

          <PassedOver id="not-audited" title="Files not audited" files={data.passedOver} />

          {(t.findings > 0 || t.reflections > 0) && (
            <>
              <h2>
                {t.reflections > 0
                  ? 'Every suggestion and reflection, letter by letter'
                  : 'Every suggestion, letter by letter'}
              </h2>
              <p class="muted">
                Lines and columns count in the text of each letter; for web pages and Word
                documents, in the text taken from them.
              </p>
              {data.letters.map((letter, index) =>
                hasSomething(letter) ? (
                  <LetterSection key={letter.file} letter={letter} anchor={letterAnchor(index)} />
                ) : null,
              )}
            </>
          )}

          {clean.length > 0 && (
            <section id="no-suggestions">
              <details>
                <summary>{count(clean.length, 'letter', 'letters')} with no suggestions</summary>
                <ul>
                  {clean.map((letter) => (
                    <li key={letter.file}>
                      <code>{letter.file}</code>
                    </li>
                  ))}
                </ul>
              </details>
            </section>
          )}

          <footer class="muted">
            <p>
              Made by alongside {data.version} on {data.date}, with{' '}
              {data.lexicons.length === 0 ? 'the default lexicon' : data.lexicons.join(', then ')};
              wording in {data.locale}; letters read as{' '}
              {data.kind === 'auto' ? 'detected from each letter' : data.kind}. Nothing in this
              report was sent anywhere: the audit ran on this computer.
            </p>
          </footer>
        </main>
      </body>
    </html>
  );
}
