import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Source } from '@/core/lexicon/schema';
import { panelMessages, type Messages } from '@/locales/index';
import type * as GB from '@/locales/en-GB';
import { panelView, type PanelItem, type PanelKit } from './panel-kit';
import { PromptText } from './PromptText';
import { SourceList } from './LetterReflections';

export interface PromptPanelProps {
  kit: PanelKit | undefined;
  favourites: readonly string[];
  query: string;
  /** The one line saying what the last Copy or Insert did. */
  status: string;
  onQuery(query: string): void;
  onToggleFavourite(id: string): void;
  onCopy(item: PanelItem): void;
  onInsert(item: PanelItem): void;
  /** Shown above the prompts: the reflections on the letter beside the panel. */
  letter?: ComponentChildren;
  /** Under the search: what else the panel does with the kit (print it, save it as a page). */
  tools?: ComponentChildren;
}

/** What each kind of prompt is, as the panel (and the options page) labels it. */
export const kindLabels = (m: Messages<typeof GB.panel>): Record<PanelItem['kind'], string> => ({
  reminder: m.kindReminder,
  question: m.kindQuestion,
  scaffold: m.kindScaffold,
});

/** The buttons an arrow key moves between, item to item: the same one in the next item. */
const ACTIONS = ['favourite', 'insert', 'copy'] as const;

/**
 * The prompt kit beside the letter: a search over every prompt, the clinician's favourites
 * pinned at the top, then the kit's sections in order, each prompt with Insert (at the caret of
 * the field last written in), Copy and a star. Everything is reached by Tab in reading order;
 * ↑/↓ move to the same button of the prompt above or below, and ↓ in the search box to the first
 * prompt.
 */
export function PromptPanel(props: PromptPanelProps) {
  const { kit, favourites, query, status } = props;
  const list = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const m = panelMessages(kit?.locale ?? 'en-GB');
  const view = kit ? panelView(kit, favourites, query) : { favourites: [], sections: [] };
  const count = view.favourites.length + view.sections.reduce((n, s) => n + s.items.length, 0);

  // A star moves its prompt between the favourites and its section: focus follows it there.
  const refocus = useRef<string | undefined>(undefined);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = undefined;
    list.current
      ?.querySelector<HTMLButtonElement>(
        `[data-item="${CSS.escape(id)}"] [data-action="favourite"]`,
      )
      ?.focus();
  });

  const buttonsOf = (action: string) => [
    ...(list.current?.querySelectorAll<HTMLButtonElement>(`[data-action="${action}"]`) ?? []),
  ];
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    const action = target.dataset.action;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) return;
    const buttons = buttonsOf(action);
    const at = buttons.indexOf(target as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? buttons[at + 1] : buttons[at - 1];
    event.preventDefault();
    if (next) next.focus();
    else if (event.key === 'ArrowUp') search.current?.focus();
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      const first = buttonsOf('insert')[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      props.onQuery('');
    }
  };

  const item = (prompt: PanelItem, pinned: boolean) => {
    const starred = favourites.includes(prompt.id);
    const titleId = `title-${prompt.id}${pinned ? '-pinned' : ''}`;
    return (
      <li class="prompt" key={prompt.id} data-item={prompt.id} aria-labelledby={titleId}>
        <div class="prompt-head">
          <h3 class="prompt-title" id={titleId}>
            {prompt.title}
          </h3>
          <button
            type="button"
            class="star"
            data-action="favourite"
            aria-pressed={starred}
            aria-label={m.favouriteOf({ title: prompt.title })}
            title={starred ? m.removeFavourite : m.addFavourite}
            onClick={() => {
              refocus.current = prompt.id;
              props.onToggleFavourite(prompt.id);
            }}
          >
            <span aria-hidden="true">{starred ? '★' : '☆'}</span>
          </button>
        </div>
        <p class="prompt-meta">
          {kindLabels(m)[prompt.kind]}
          {pinned ? ` · ${prompt.sectionTitle}` : ''}
        </p>
        <PromptText text={prompt.text} />
        {prompt.note && <p class="prompt-note">{prompt.note}</p>}
        {prompt.sources.length > 0 && <Sources sources={prompt.sources} label={m.promptSources} />}
        <div class="prompt-actions">
          <button
            type="button"
            class="primary"
            data-action="insert"
            aria-label={m.insertNamed({ title: prompt.title })}
            onClick={() => props.onInsert(prompt)}
          >
            {m.insertPrompt}
          </button>
          <button
            type="button"
            data-action="copy"
            aria-label={m.copyNamed({ title: prompt.title })}
            onClick={() => props.onCopy(prompt)}
          >
            {m.copyPrompt}
          </button>
        </div>
      </li>
    );
  };

  return (
    <main class="panel">
      <header class="panel-head">
        <h1>{m.promptKit}</h1>
        <input
          ref={search}
          type="search"
          class="search"
          aria-label={m.searchPrompts}
          placeholder={m.searchPrompts}
          value={query}
          onInput={(event) => props.onQuery((event.target as HTMLInputElement).value)}
          onKeyDown={onSearchKey}
        />
        {props.tools}
        <p class="status" role="status">
          {status}
        </p>
      </header>
      {props.letter}
      <div class="prompts" ref={list} onKeyDown={onListKey}>
        {!kit && <p class="empty">{m.loadingPrompts}</p>}
        {kit && count === 0 && (
          <p class="empty">
            {query.trim() ? m.noPromptMatches({ query: query.trim() }) : m.noPrompts}
          </p>
        )}
        {view.favourites.length > 0 && (
          <section class="section favourites" aria-labelledby="section-favourites">
            <h2 id="section-favourites">{m.favourites}</h2>
            <ul>{view.favourites.map((p) => item(p, true))}</ul>
          </section>
        )}
        {view.sections.map((section) => (
          <section class="section" key={section.id} aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            {section.intro && <p class="section-intro">{section.intro}</p>}
            <ul>{section.items.map((p) => item(p, false))}</ul>
          </section>
        ))}
      </div>
    </main>
  );
}

function Sources({
  sources,
  label,
}: {
  sources: Source[];
  label: (values: { count: number }) => string;
}) {
  return (
    <details class="prompt-sources">
      <summary>{label({ count: sources.length })}</summary>
      <SourceList sources={sources} />
    </details>
  );
}
