import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../core/index.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'alongside-kit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const layer = (prompts: unknown) => {
  const path = join(dir, `layer-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ name: 'Riverside', version: '1', entries: [], prompts }));
  return path;
};
const sections = (defaultLexicon().prompts!.sections ?? []) as { id: string; title: string }[];

describe('alongside kit', () => {
  it('prints the kit as Markdown, section by section', async () => {
    const run = await runCli(['kit', '--format', 'md']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('# Alongside prompt kit');
    const headings = run.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.slice(0, sections.length)).toEqual(sections.map((s) => `## ${s.title}`));
  });

  it('lays a service’s prompts over the built-in kit, and leaves out what it switches off', async () => {
    const service = layer({
      items: [
        {
          id: 'riverside-peer-group',
          section: 'community-routes',
          kind: 'reminder',
          title: 'Riverside peer group',
          text: 'Tuesdays at Riverside Library.',
        },
      ],
      disable: ['letter-scaffolds'],
    });
    const run = await runCli(['kit', '--format', 'md', '--lexicon', service]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('### Riverside peer group');
    expect(run.stdout).toContain('Tuesdays at Riverside Library.');
    const scaffolds = sections.find((s) => s.id === 'letter-scaffolds')!.title;
    expect(run.stdout).not.toContain(`## ${scaffolds}`);
  });

  it('refuses a layer whose prompts cannot be used, saying where', async () => {
    const broken = layer({
      items: [{ id: 'peer', section: 'comunity-routes', kind: 'reminder', title: 'P', text: 'T' }],
    });
    const run = await runCli(['kit', '--lexicon', broken]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'prompts.items[0].section: there is no section "comunity-routes"; did you mean "community-routes"?',
    );
  });

  it('says in one line what a wrong option should be', async () => {
    const run = await runCli(['kit', '--format', 'pdf']);
    expect(run).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'alongside: --format must be "html" or "md", not "pdf"\n',
    });
    const help = await runCli(['help', 'kit']);
    expect(help.stdout.split('\n')[0]).toBe('Usage: alongside kit [options]');
  });
});
