import { useEffect, useState } from 'preact/hooks';
import { favouritesItem, readFavourites, toggleFavourite } from '@/extension/panel/favourites';
import { readPanelKit, watchPanelKit } from '@/extension/panel/read-panel-kit';
import { sendPrompt } from '@/extension/panel/send-prompt';
import { insertStatus } from './insert-status';
import type { PanelItem, PanelKit } from './panel-kit';
import { PromptPanel } from './PromptPanel';

export interface SidePanelProps {
  /** Where the kit in force comes from (tests give a kit of their own). */
  loadKit?: () => Promise<PanelKit>;
  watchKit?: (onChange: () => void) => () => void;
}

/** The side panel's page: the kit in force, the favourites in storage, Copy and Insert wired up. */
export function SidePanel({ loadKit = readPanelKit, watchKit = watchPanelKit }: SidePanelProps) {
  const [kit, setKit] = useState<PanelKit>();
  const [favourites, setFavourites] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    const load = () =>
      loadKit().then(
        (k) => live && setKit(k),
        () => live && setStatus('The prompts could not be read.'),
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
      () => say(`Copied “${item.title}”.`),
      () => say('The browser did not let Alongside copy it; select the text and copy it instead.'),
    );
  };
  const onInsert = (item: PanelItem) => {
    void sendPrompt(item.text).then(
      (reply) => say(insertStatus(reply)),
      () => say(insertStatus(undefined)),
    );
  };
  const onToggleFavourite = (id: string) => {
    void toggleFavourite(id).then(setFavourites, () => say('The favourite could not be stored.'));
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
    />
  );
}
