import { useEffect, useRef, useState } from 'preact/hooks';
import { renderKit } from '@/components/kit/render-kit';
import { download } from '@/components/download';
import type { ReflectionId } from '@/core/lexicon/schema';
import type { LetterFlag, LetterReply, ShowFlagReply } from '@/extension/messages';
import { favouritesItem, readFavourites, toggleFavourite } from '@/extension/panel/favourites';
import {
  hiddenReflectionsItem,
  readHiddenReflections,
  setReflectionHidden,
  showAllReflections,
} from '@/extension/panel/hidden-reflections';
import * as letterLink from '@/extension/panel/letter-link';
import { readPanelKit, watchPanelKit } from '@/extension/panel/read-panel-kit';
import { sendPrompt } from '@/extension/panel/send-prompt';
import type { Locale } from '@/core/lexicon/schema';
import { panelMessages } from '@/locales/index';
import { useDocumentLocale } from '../document-locale';
import { insertStatus } from './insert-status';
import { LetterReflections, type LetterState } from './LetterReflections';
import type { PanelItem, PanelKit } from './panel-kit';
import { PromptPanel } from './PromptPanel';

/** How the panel reaches the letter beside it (tests give one of their own). */
export interface LetterSource {
  read(): Promise<LetterReply | undefined>;
  watch(onChange: () => void): () => void;
  show(flag: LetterFlag): Promise<ShowFlagReply | undefined>;
}

const realLetter: LetterSource = {
  read: letterLink.readLetter,
  watch: letterLink.watchLetter,
  show: letterLink.showFlag,
};

export interface SidePanelProps {
  /** Where the kit in force comes from (tests give a kit of their own). */
  loadKit?: () => Promise<PanelKit>;
  watchKit?: (onChange: () => void) => () => void;
  letter?: LetterSource;
}

const stateOf = (reply: LetterReply | undefined): LetterState =>
  !reply
    ? { state: 'none' }
    : reply.outcome === 'read'
      ? { state: 'read', ...reply }
      : { state: reply.outcome };

/** What showing a flag did, in one line (nothing when it worked: the card in the page says it). */
export function showFlagStatus(reply: ShowFlagReply | undefined, locale: Locale = 'en-GB'): string {
  const m = panelMessages(locale);
  switch (reply?.outcome) {
    case 'shown':
      return m.flagShown;
    case 'moved':
      return m.flagMoved;
    case 'no-field':
    case 'gone':
    case undefined:
      return m.letterUnreachable;
  }
}

/** The file name a saved kit gets. */
export const SAVED_KIT_NAME = 'alongside-prompt-kit.html';

/** The side panel's page: the kit in force, the favourites in storage, Copy and Insert wired up. */
export function SidePanel({
  loadKit = readPanelKit,
  watchKit = watchPanelKit,
  letter: letterSource = realLetter,
}: SidePanelProps) {
  const [kit, setKit] = useState<PanelKit>();
  const [favourites, setFavourites] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [letter, setLetter] = useState<LetterState>({ state: 'reading' });
  const [hidden, setHidden] = useState<ReflectionId[]>([]);
  // The panel speaks the kit's locale: the one in force when the kit was read.
  const locale = kit?.locale ?? 'en-GB';
  const m = panelMessages(locale);
  useDocumentLocale(locale);

  // The letter is read again whenever it may have changed; one read at a time, and one more
  // after it if anything changed meanwhile, so a burst of changes costs two reads, not many.
  const reading = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });
  useEffect(() => {
    let live = true;
    const read = () => {
      const r = reading.current;
      if (r.busy) {
        r.again = true;
        return;
      }
      r.busy = true;
      void letterSource
        .read()
        .catch(() => undefined)
        .then((reply) => {
          r.busy = false;
          if (live) setLetter(stateOf(reply));
          if (r.again && live) {
            r.again = false;
            read();
          }
        });
    };
    read();
    // Without a background to hear from (it failed to answer), the prompts still work.
    let stop = () => {};
    try {
      stop = letterSource.watch(read);
    } catch {
      setLetter({ state: 'none' });
    }
    void readHiddenReflections().then((h) => live && setHidden(h));
    const stopHidden = hiddenReflectionsItem.watch(() => {
      void readHiddenReflections().then((h) => live && setHidden(h));
    });
    return () => {
      live = false;
      stop();
      stopHidden();
    };
  }, [letterSource]);

  useEffect(() => {
    let live = true;
    const load = () =>
      loadKit().then(
        (k) => live && setKit(k),
        // The kit is not read, so neither is its locale: the settings' own would do no better.
        () => live && setStatus(panelMessages('en-GB').promptsUnreadable),
      );
    void load();
    const stopKit = watchKit(() => void load());
    void readFavourites().then((f) => live && setFavourites(f));
    const stopFavourites = favouritesItem.watch(() => {
      void readFavourites().then((f) => live && setFavourites(f));
    });
    return () => {
      live = false;
      stopKit();
      stopFavourites();
    };
  }, [loadKit, watchKit]);

  /** A new line each time, so a screen reader says a repeated one again. */
  const say = (line: string) => {
    setStatus('');
    setTimeout(() => setStatus(line), 30);
  };

  const onCopy = (item: PanelItem) => {
    navigator.clipboard.writeText(item.text).then(
      () => say(m.copied({ title: item.title })),
      () => say(m.copyRefused),
    );
  };
  const onInsert = (item: PanelItem) => {
    void sendPrompt(item.text).then(
      (reply) => say(insertStatus(reply, locale)),
      () => say(insertStatus(undefined, locale)),
    );
  };
  const onToggleFavourite = (id: string) => {
    void toggleFavourite(id).then(setFavourites, () => say(m.favouriteNotStored));
  };

  const onShowFlag = (flag: LetterFlag) => {
    void letterSource.show(flag).then(
      (reply) => say(showFlagStatus(reply, locale)),
      () => say(showFlagStatus(undefined, locale)),
    );
  };
  const onHide = (id: ReflectionId, hide: boolean) => {
    void setReflectionHidden(id, hide).then(setHidden, () => say(m.notStored));
  };
  const pageOfKit = () =>
    kit ? renderKit(kit.merged, kit.bibliography, { format: 'html', locale: kit.locale }) : '';
  const onOpenToPrint = () => {
    const url = URL.createObjectURL(new Blob([pageOfKit()], { type: 'text/html' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say(m.kitOpened);
  };
  const onSave = () => {
    download(SAVED_KIT_NAME, pageOfKit(), 'text/html');
    say(m.kitSaved({ file: SAVED_KIT_NAME }));
  };

  return (
    <PromptPanel
      kit={kit}
      favourites={favourites}
      query={query}
      status={status}
      onQuery={setQuery}
      onToggleFavourite={onToggleFavourite}
      onCopy={onCopy}
      onInsert={onInsert}
      tools={
        kit && (
          <div class="panel-tools">
            <button type="button" data-action="print-kit" onClick={onOpenToPrint}>
              {m.openToPrint}
            </button>
            <button type="button" data-action="save-kit" onClick={onSave}>
              {m.saveAsPage}
            </button>
          </div>
        )
      }
      letter={
        kit && (
          <LetterReflections
            kit={kit}
            letter={letter}
            hidden={hidden}
            onHide={(id) => onHide(id, true)}
            onShowHidden={() => void showAllReflections().then(setHidden, () => say(m.notStored))}
            onShowFlag={onShowFlag}
          />
        )
      }
    />
  );
}
