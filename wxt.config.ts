import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { chromiumManagedSchema } from './core/settings/policy.ts';

/**
 * The extension's own pages (popup, options, side panel or sidebar, playground) and its
 * background, in both browsers. Nothing is loaded from anywhere but the extension itself:
 * - scripts and stylesheets are the extension's files; `'unsafe-inline'` for styles only, because
 *   the playground draws our card and flags in shadow roots with <style> elements and the printable
 *   kit (a blob: page, which inherits this policy) carries its own; styles cannot run code;
 * - no images, fonts, frames, media or workers, from anywhere (default-src 'none');
 * - connect-src is what the background's fetch of an administrator's `serviceLexiconUrl` needs:
 *   the address is only known at run time and must be https, or plain http on this machine
 *   (core/settings/policy.ts), so `https:` and the loopback names are the narrowest static choice.
 *   CSP cannot name an IPv6 literal, so `http://[::1]` is not reachable;
 * - no plugins, no <base>, no form posts, and no page may frame ours.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'connect-src https: http://localhost:* http://127.0.0.1:*',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The oldest Firefox with everything the extension relies on: MAIN-world content scripts (128),
 * `match_origin_as_fallback` (128), `storage.session` (115), popover (125), the CSS Custom
 * Highlight API that draws flags in rich editors (140) and the manifest's
 * `data_collection_permissions` (140). 140 is also an ESR.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** The unpacked Chromium build's manifest while its store package is zipped (see the hooks). */
let unpackedManifest: string | undefined;

// Keep WXT on 0.20.x: 0.21 needs Node 22 and our machines run Node 20.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Manifest V3 in both browsers: Firefox's MV2 has no MAIN-world content scripts, which the
  // CKEditor 5 and TinyMCE bridge needs for one-step undo.
  manifestVersion: 3,
  // Elsewhere when asked (the test of `npm start` builds beside the other tests' build, not over it).
  outDir: process.env.ALONGSIDE_OUT_DIR || '.output',
  // The store packages (`npm run zip`). addons.mozilla.org also asks for the sources, to rebuild
  // the Firefox package from them: what `npm ci` and the build read, and not the tests and their
  // fixtures, built output (the CLI's dist/, the static demo), generated docs or evaluation data.
  // (WXT already leaves out node_modules, dotfiles such as .git and .output, and the build.)
  zip: {
    excludeSources: [
      'bench/**',
      'coverage/**',
      'dist/**',
      'dist-demo/**',
      'docs/**',
      'eval/**',
      'eval-dev/**',
      'test/**',
      'vitest.config.ts',
      'vitest.policy.config.ts',
      '**/*.log',
    ],
  },
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
    // The Chrome Web Store gives the extension its id and refuses a manifest with a `key`: the
    // store package leaves it out, and the unpacked build it is zipped from keeps it.
    'zip:extension:start': (wxt) => {
      if (wxt.config.browser === 'firefox') return;
      const file = join(wxt.config.outDir, 'manifest.json');
      unpackedManifest = readFileSync(file, 'utf8');
      const { key: _key, ...forStore } = JSON.parse(unpackedManifest) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify(forStore));
    },
    'zip:extension:done': (wxt) => {
      if (unpackedManifest === undefined) return;
      writeFileSync(join(wxt.config.outDir, 'manifest.json'), unpackedManifest);
      unpackedManifest = undefined;
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
    // scripting: after an install or update, tabs already open get the new content scripts
    // (Chromium puts them only into pages loaded afterwards; extension/reinject.ts).
    permissions: ['storage', 'alarms', 'scripting'],
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
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Firefox: the add-on's id (which its policies.json names) and the oldest version it runs in.
    // Chromium: a fixed public key gives the unpacked build a stable id
    // (dfpbfdieoppbjiagbgpiahdcamamaemi), so the demo and tests can open its pages directly.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{769ce125-5a61-49b9-9acf-6f7ad04b8922}',
              strict_min_version: FIREFOX_MIN_VERSION,
              // Firefox asks extensions to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt0lduIv6rWDPDW5DvUyi44aOsTwCINAiQY1Mcpdpdr16p3RDL/oVahqTODfwSlAr0RJzpnUSJzr7NQHusxU3z9bH1vC+dZ6FycZcxIv9VgbjbZrrXxoQtwAjVnzMs5P+M8S+dW1tSjjIyld9kd9CBN2LCD7w2KABD+0JSifT1gnaQEkNEhpxdeA+G20mczkuoRLLIsqsEYIoQ9xFxaPusCQpCS0cntLPZgUHhCtJFtw+Fwk0LlzlfvPSM6lgcggitEc80aYdJCfROOeFPOxy5JY49W6FHfV2da2AF22C1N7yAwxPSojv6xjp/BYUBmJVuV1c/ZhXedTEmp1RaI6hkwIDAQAB',
        }),
  }),
});
