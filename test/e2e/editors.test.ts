import { useBrowserSession } from './browser-session.ts';
import { describe, it } from 'vitest';
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

const env = useBrowserSession();

describe('the shared scenario, in every fixture editor, in Chromium with the extension', () => {
  it.each(EDITORS)(
    '%s',
    async (name) => {
      await env.withPage(async (page) => {
        await runScenario(page, `${env.server.url}/${name}.html`, name);
      });
    },
    60_000,
  );
});
