import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { chromiumManagedSchema } from './core/settings/policy.ts';

// Keep WXT on 0.20.x: 0.21 needs Node 22 and our machines run Node 20.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Elsewhere when asked (the test of `npm start` builds beside the other tests' build, not over it).
  outDir: process.env.ALONGSIDE_OUT_DIR || '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // What a trust's policy may set, in Chromium's schema dialect, generated from the zod schema
    // (core/settings/policy.ts) so the two never differ.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      files.push({
        relativeDest: 'managed-schema.json',
        contents: `${JSON.stringify(chromiumManagedSchema(), null, 2)}\n`,
      });
    },
    // The content script runs in every frame of every page: its size is watched (budget 30 KB
    // gzipped; the lexicon is served by the background and not part of it).
    'build:done': (wxt) => {
      const file = join(wxt.config.outDir, 'content-scripts', 'content.js');
      const kb = (n: number) => (n / 1024).toFixed(1);
      try {
        const source = readFileSync(file);
        wxt.logger.info(
          `content script: ${kb(source.length)} KB, ${kb(gzipSync(source).length)} KB gzipped (budget 30 KB)`,
        );
      } catch {
        // No content script in this build.
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Alongside',
    description:
      'Suggests relational, person-in-context wording as you write clinical letters and notes. Your text never leaves the browser.',
    // alarms: the daily fetch of a service lexicon, only when a policy gives its address.
    permissions: ['storage', 'alarms'],
    // Chromium reads a trust's policy for the extension against this (Firefox needs none).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // The content script already runs on every site; this lets the popup read which site the
    // active tab shows, for the per-site switch. Nothing is fetched from any site.
    host_permissions: ['<all_urls>'],
    // A keyboard shortcut for the prompt kit beside the page (changeable in the browser's
    // shortcuts page). Firefox opens its sidebar with its own command.
    commands:
      browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+K' },
              description: 'Open the prompt kit',
            },
          }
        : {
            'open-prompt-kit': {
              suggested_key: { default: 'Alt+Shift+K' },
              description: 'Open the prompt kit',
            },
          },
    // A fixed public key gives the unpacked Chromium build a stable id
    // (dfpbfdieoppbjiagbgpiahdcamamaemi), so the demo and tests can open its pages directly.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: '{769ce125-5a61-49b9-9acf-6f7ad04b8922}' } } }
      : {
          key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt0lduIv6rWDPDW5DvUyi44aOsTwCINAiQY1Mcpdpdr16p3RDL/oVahqTODfwSlAr0RJzpnUSJzr7NQHusxU3z9bH1vC+dZ6FycZcxIv9VgbjbZrrXxoQtwAjVnzMs5P+M8S+dW1tSjjIyld9kd9CBN2LCD7w2KABD+0JSifT1gnaQEkNEhpxdeA+G20mczkuoRLLIsqsEYIoQ9xFxaPusCQpCS0cntLPZgUHhCtJFtw+Fwk0LlzlfvPSM6lgcggitEc80aYdJCfROOeFPOxy5JY49W6FHfV2da2AF22C1N7yAwxPSojv6xjp/BYUBmJVuV1c/ZhXedTEmp1RaI6hkwIDAQAB',
        }),
  }),
});
