import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { launchExtension, type LoadedExtension } from './launch-extension.ts';
import { runScenario } from './editor-scenario.ts';

const EDITORS = [
  'textarea',
  'input',
  'contenteditable',
  'react',
  'ckeditor5',
  'tinymce-iframe',
  'tinymce-inline',
  'quill',
  'tiptap',
];

let server: FixtureServer;
let ext: LoadedExtension;
beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
}, 60_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the shared scenario, in every fixture editor, in Chromium with the extension', () => {
  it.each(EDITORS)(
    '%s',
    async (name) => {
      const page = await ext.context.newPage();
      try {
        await runScenario(page, `${server.url}/${name}.html`, name);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
