import { Fragment } from 'preact';
import { gapParts } from './gap-parts';
import { SourceAddress } from '../audit/SourceAddress';
import { KIT_CSS } from './kit-styles';
import type { Locale } from '../../core/lexicon/schema.ts';
import { kitMessages } from '../../locales/index.ts';
import {
  citationWithYear,
  forLine,
  kindLabels,
  type KitView,
  type KitViewItem,
  type KitViewSection,
  type KitViewSource,
} from './kit-view';

/**
 * The page loads nothing and runs nothing: no script, no request, whatever a service's kit
 * holds (the browser enforces it too, through this policy).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** The longest reminder the pocket card prints in full; a longer one prints its title only. */
const POCKET_REMINDER_CHARS = 100;

const sectionAnchor = (id: string) => `section-${id}`;
const sourceAnchor = (n: number) => `source-${n}`;

/** Text with each {gap} marked, so a printed scaffold shows where to write. */
function WithGaps({ text }: { text: string }) {
  return <>{gapParts(text)}</>;
}

function Cites({ numbers, locale }: { numbers: number[]; locale: Locale }) {
  if (numbers.length === 0) return null;
  return (
    <p class="cites">
      {kitMessages(locale).cites({ count: numbers.length })}:{' '}
      {numbers.map((n, i) => (
        <Fragment key={n}>
          {i > 0 && ', '}
          <a href={`#${sourceAnchor(n)}`}>{n}</a>
        </Fragment>
      ))}
    </p>
  );
}

function Item({ item, locale }: { item: KitViewItem; locale: Locale }) {
  return (
    <article class={`item ${item.kind}`} id={`item-${item.id}`}>
      <h3>
        <span class="kind">{kindLabels(locale)[item.kind]}</span> {item.title}
      </h3>
      <div class="text">
        {item.paragraphs.map((p, i) => (
          <p key={i}>
            <WithGaps text={p} />
          </p>
        ))}
      </div>
      {item.note && <p class="note">{item.note}</p>}
      {item.kinds.length > 0 && <p class="for">{forLine(item.kinds, locale)}</p>}
      <Cites numbers={item.sources} locale={locale} />
    </article>
  );
}

function Section({ section, locale }: { section: KitViewSection; locale: Locale }) {
  return (
    <section class="kit-section" id={sectionAnchor(section.id)}>
      <h2>{section.title}</h2>
      {section.intro && <p class="intro">{section.intro}</p>}
      <Cites numbers={section.sources} locale={locale} />
      {section.items.map((item) => (
        <Item key={item.id} item={item} locale={locale} />
      ))}
    </section>
  );
}

/** A source, linked only when its address is https:// (anything else is shown as text). */
function SourceLine({ source }: { source: KitViewSource }) {
  return (
    <li id={sourceAnchor(source.number)} value={source.number}>
      {citationWithYear(source)}
      <SourceAddress url={source.url} />
    </li>
  );
}

/**
 * What the pocket card keeps of a section: its questions' words, a short reminder whole (such
 * as a service's own link worker), the titles of longer reminders as one line to remember, and
 * no scaffolds (they are for letters).
 */
function pocketParts(section: KitViewSection) {
  const remember: string[] = [];
  const lines: { id: string; line: string }[] = [];
  for (const item of section.items) {
    const text = item.paragraphs.join(' ');
    if (item.kind === 'question') lines.push({ id: item.id, line: text });
    else if (item.kind === 'reminder') {
      if (text.length <= POCKET_REMINDER_CHARS)
        lines.push({ id: item.id, line: `${item.title}: ${text}` });
      else remember.push(item.title);
    }
  }
  return { remember, lines };
}

function PocketCard({ view }: { view: KitView }) {
  const m = kitMessages(view.locale);
  return (
    <div class="pocket" id="pocket-card-page">
      <h1>{view.title}</h1>
      {view.sections.map((section) => {
        const { remember, lines } = pocketParts(section);
        if (remember.length === 0 && lines.length === 0) return null;
        return (
          <div key={section.id} class="pocket-section">
            <h2>{section.title}</h2>
            {remember.length > 0 && (
              <p class="remember">
                <span class="kind">{m.remember}</span> {remember.join(' · ')}
              </p>
            )}
            {lines.length > 0 && (
              <ul>
                {lines.map(({ id, line }) => (
                  <li key={id}>
                    <WithGaps text={line} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The prompt kit as one self-contained page: every section and item, its sources numbered at
 * the end, a print stylesheet for A4 and, behind a checkbox, an A6 pocket card.
 */
export function KitPage({ view, generator }: { view: KitView; generator?: string }) {
  const m = kitMessages(view.locale);
  return (
    <html lang={view.locale}>
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {generator && <meta name="generator" content={generator} />}
        <title>{view.title}</title>
        <style>{KIT_CSS}</style>
      </head>
      <body>
        <main>
          <input type="checkbox" id="pocket-card" class="pocket-toggle" />
          <label for="pocket-card" class="pocket-label">
            {m.pocketCard}
          </label>
          <p class="print-hint muted">{m.printHint}</p>
          <div class="full">
            <header>
              <h1>{view.title}</h1>
              <p class="intro">{m.kitIntro}</p>
              <ol class="contents">
                {view.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${sectionAnchor(s.id)}`}>{s.title}</a>
                  </li>
                ))}
              </ol>
            </header>
            {view.sections.map((section) => (
              <Section key={section.id} section={section} locale={view.locale} />
            ))}
            {view.sources.length > 0 && (
              <section class="sources" id="sources">
                <h2>{m.sourcesHeading}</h2>
                <ol>
                  {view.sources.map((source) => (
                    <SourceLine key={source.number} source={source} />
                  ))}
                </ol>
              </section>
            )}
            <footer class="muted">
              <p>{m.madeBy}</p>
            </footer>
          </div>
          <PocketCard view={view} />
        </main>
      </body>
    </html>
  );
}
