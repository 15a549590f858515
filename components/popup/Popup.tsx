import { browser } from 'wxt/browser';
import { countEntries } from '@/core/default-lexicon';

/** Until the content script lands (issue 3) the popup offers the playground. */
export function Popup() {
  const openPlayground = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/playground.html') });
    window.close();
  };
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px', minWidth: '240px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Alongside</h1>
      <p style={{ margin: '0 0 8px' }}>{countEntries()} wording suggestions ready.</p>
      <button type="button" onClick={openPlayground}>
        Open the playground
      </button>
    </main>
  );
}
