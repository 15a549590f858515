import type { Lexicon } from '@/core/index';
import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';

type Change = (personal: Lexicon) => Lexicon;

/**
 * What a clinician may do to a prompt or reflection of the kit in force: switch it off (delete
 * one of their own) or on again, word it anew, or take their change back. `name` ends each
 * button's name for screen readers ("Switch off “Home”").
 */
export function KitRowActions(props: {
  name: string;
  row: { personal: 'none' | 'changed' | 'off' | 'own'; enabled: boolean };
  editing: boolean;
  onEdit(): void;
  change(edit: Change, said: string): void;
  switched(on: boolean): Change;
  restored: Change;
  words: { on: string; off: string; restored: string };
  locale: Locale;
}) {
  const { name, row, words } = props;
  const m = optionsMessages(props.locale);
  const hidden = (text: string) => <span class="visually-hidden">{` ${text}`}</span>;
  return (
    <div class="buttons">
      {row.personal === 'off' ? (
        <button type="button" onClick={() => props.change(props.switched(true), words.on)}>
          {m.switchOn}
          {hidden(name)}
        </button>
      ) : (
        row.enabled && (
          <button type="button" onClick={() => props.change(props.switched(false), words.off)}>
            {row.personal === 'own' ? m.deleteOwn : m.switchOff}
            {hidden(name)}
          </button>
        )
      )}
      {row.enabled && !props.editing && (
        <button type="button" onClick={props.onEdit}>
          {m.changeWording}
          {hidden(m.ofName({ name }))}
        </button>
      )}
      {row.personal === 'changed' && (
        <button type="button" onClick={() => props.change(props.restored, words.restored)}>
          {m.restore}
          {hidden(name)}
        </button>
      )}
    </div>
  );
}
