import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';
import { download } from '../download';

/**
 * What could not be used, and what was put right: the policy's problems, the clinician's own
 * layer's, and stored data the background replaced with its last good copy. A personal layer
 * that was set aside can be downloaded (to mend and import again) before it is discarded.
 */
export function StoredProblems({
  policy,
  personal,
  putRight,
  setAside,
  onDiscardSetAside,
  locale = 'en-GB',
}: {
  policy: readonly string[];
  personal: readonly string[];
  putRight: readonly string[];
  setAside: unknown;
  onDiscardSetAside: () => void;
  locale?: Locale;
}) {
  const m = optionsMessages(locale);
  const list = (
    id: string,
    heading: string,
    items: readonly string[],
    extra?: preact.ComponentChildren,
  ) =>
    (items.length > 0 || extra) && (
      <section class="problems" aria-labelledby={id}>
        <h2 id={id}>{heading}</h2>
        <ul>
          {items.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        {extra}
      </section>
    );
  return (
    <>
      {list('problems-heading', m.fromPolicyHeading, policy)}
      {list('personal-heading', m.ownChangesHeading, personal)}
      {list(
        'storage-heading',
        m.putRightHeading,
        putRight,
        setAside !== null && setAside !== undefined && (
          <p class="buttons">
            {m.setAsideKept}{' '}
            <button
              type="button"
              onClick={() =>
                download(
                  'alongside-changes-set-aside.json',
                  `${JSON.stringify(setAside, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              {m.downloadSetAside}
            </button>{' '}
            <button type="button" onClick={onDiscardSetAside}>
              {m.discardSetAside}
            </button>
          </p>
        ),
      )}
    </>
  );
}
