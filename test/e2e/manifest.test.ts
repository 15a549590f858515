// The built extension asks for exactly the permissions the README's privacy section justifies,
// each named there, and no others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, FIREFOX_EXTENSION_DIR } from '../../scripts/firefox.ts';
import { EXTENSION_DIR } from './launch-extension.ts';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
};
const privacy = readFileSync('README.md', 'utf8').split('## Privacy')[1] ?? '';

describe('the extension’s permissions', () => {
  it('are the ones the privacy section justifies, and no more', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting', 'sidePanel']);
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_permissions).toBeUndefined();
    for (const permission of [...manifest.permissions!, ...manifest.host_permissions!]) {
      expect(privacy).toMatch(new RegExp(`\\| [^|]*\`${permission}\``));
    }
  });
});

// The extension's own pages and background, in both builds, under one strict policy
// (wxt.config.ts says why each directive is as it is).
type Built = { content_security_policy?: { extension_pages?: string } } & Record<string, unknown>;
const firefoxManifest = JSON.parse(
  readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'),
) as Built & {
  manifest_version: number;
  permissions?: string[];
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
  sidebar_action?: { default_panel?: string };
  background?: { scripts?: string[]; service_worker?: string };
};

/** A policy as its directives, each with its sources in order. */
function directives(policy: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

describe('the extension’s content security policy', () => {
  for (const [browser, built] of [
    ['Chromium', manifest as Built],
    ['Firefox', firefoxManifest],
  ] as const) {
    it(`${browser}: loads nothing from anywhere but the extension, and connects only as the service lexicon needs`, () => {
      expect(directives(built.content_security_policy?.extension_pages)).toEqual({
        // Anything not named below: no images, fonts, media, frames or workers from anywhere.
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        // Our shadow-root <style> elements (card, flags) and the printable kit's; no remote sheet.
        'style-src': ["'self'", "'unsafe-inline'"],
        // An administrator's serviceLexiconUrl: https, or plain http on this machine.
        'connect-src': ['https:', 'http://localhost:*', 'http://127.0.0.1:*'],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'none'"],
      });
    });
  }
});

describe('the Firefox manifest', () => {
  it('is Manifest V3 with the add-on’s id, its true minimum version and no data collected', () => {
    expect(firefoxManifest.manifest_version).toBe(3);
    expect(firefoxManifest.browser_specific_settings?.gecko).toEqual({
      id: FIREFOX_ADDON_ID,
      // MAIN-world content scripts need 128; the highlights that draw flags in rich editors, 140.
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    // Firefox MV3 has background scripts (an event page), not a service worker.
    expect(firefoxManifest.background).toEqual({ scripts: ['background.js'] });
  });

  it('opens the prompt kit in the sidebar, and carries none of Chromium’s own keys', () => {
    expect(firefoxManifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    for (const key of ['key', 'side_panel', 'storage', 'minimum_chrome_version']) {
      expect(firefoxManifest).not.toHaveProperty(key);
    }
    expect(firefoxManifest.permissions).toEqual(['storage', 'alarms', 'scripting']);
    // The page-world bridge is a MAIN-world content script in both builds.
    const scripts = (firefoxManifest.content_scripts ?? []) as { js: string[]; world?: string }[];
    expect(scripts.find((s) => s.js.includes('content-scripts/editor-bridge.js'))?.world).toBe(
      'MAIN',
    );
  });
});
