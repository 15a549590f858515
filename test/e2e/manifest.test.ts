// The built extension asks for exactly the permissions the README's privacy section justifies,
// each named there, and no others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './launch-extension.ts';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
};
const privacy = readFileSync('README.md', 'utf8').split('## Privacy')[1] ?? '';

describe('the extension’s permissions', () => {
  it('are the ones the privacy section justifies, and no more', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'sidePanel']);
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_permissions).toBeUndefined();
    for (const permission of [...manifest.permissions!, ...manifest.host_permissions!]) {
      expect(privacy).toMatch(new RegExp(`\\| [^|]*\`${permission}\``));
    }
  });
});
