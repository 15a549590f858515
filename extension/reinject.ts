import { browser, type PublicPath } from 'wxt/browser';

/**
 * The built content scripts, as the manifest lists them. Chromium runs a new build's content
 * scripts only in pages loaded after an install or update: tabs already open keep the old one,
 * which has lost its extension and stops. These put the new one into them.
 */
export const CONTENT_SCRIPTS: {
  file: Extract<PublicPath, `${string}.js`>;
  world: 'MAIN' | 'ISOLATED';
}[] = [
  { file: '/content-scripts/editor-bridge.js', world: 'MAIN' },
  { file: '/content-scripts/content.js', world: 'ISOLATED' },
];

/** Pages a content script may run in: the web and local files, not the browser's own pages. */
const reachable = (url: string | undefined) => !!url && /^(https?|file):/.test(url);

/**
 * After an install or update, every open tab's frames get the new content scripts, the page-world
 * bridge first so the content script finds it. A tab that refuses (a store page, a frame the
 * extension may not enter) is left as it is.
 */
export async function injectIntoOpenTabs(): Promise<number> {
  const scripting = browser.scripting;
  if (!scripting) return 0;
  const tabs = await browser.tabs.query({});
  let injected = 0;
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && reachable(tab.url))
      .map(async (tab) => {
        try {
          for (const { file, world } of CONTENT_SCRIPTS) {
            await scripting.executeScript({
              target: { tabId: tab.id!, allFrames: true },
              files: [file],
              world,
              injectImmediately: false,
            });
          }
          injected++;
        } catch {
          // Not ours to enter: the next load of the page runs the scripts as usual.
        }
      }),
  );
  return injected;
}
