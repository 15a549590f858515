import { countEntries } from '@/core/default-lexicon';

/** Placeholder until the content script lands (issue 3): shows the lexicon is bundled. */
export function Popup() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px', minWidth: '240px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Alongside</h1>
      <p style={{ margin: 0 }}>
        {countEntries()} wording suggestions ready. Checking as you type arrives in the next
        release.
      </p>
    </main>
  );
}
