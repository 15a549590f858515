// `npm start` as CI runs it: no display. It builds the extension (here into a folder of its own,
// so the other browser tests' build is not replaced under them), serves the demo record and the
// playground, says in one line that no browser opens, and keeps serving until Ctrl+C, which
// stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// As a person's shell runs `npm start`: vitest sets NODE_ENV=test, which would make WXT build for
// development (with this machine's paths in the bundle).
const { NODE_ENV: _testing, ...shellEnv } = process.env;

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'alongside-start-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const profiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith('alongside-demo-'));

/** Whether any process of the group is still running. */
const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start, with no display', () => {
  it('serves the demo record, says so in one line, and stops cleanly on Ctrl+C', async () => {
    const before = profiles();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...shellEnv, DISPLAY: '', WAYLAND_DISPLAY: '', ALONGSIDE_OUT_DIR: out },
      // A group of its own, so Ctrl+C reaches npm and all it started, as in a terminal.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await expect
        .poll(() => stdout, { timeout: 150_000, interval: 500 })
        .toContain('Serving until Ctrl+C.');
      // The launcher's own lines, after the build's: where, and why no browser opens.
      const lines = stdout.trim().split('\n').slice(-2);
      const url =
        /^Alongside demo record: (http:\/\/127\.0\.0\.1:\d+\/) {3}\(playground: \1playground\.html\)$/.exec(
          lines[0]!,
        )?.[1];
      expect(url, lines[0]).toBeDefined();
      expect(lines[1]).toBe(
        `No display here, so no browser opens: load ${join(out, 'chrome-mv3')} in a Chromium-based browser elsewhere and open ${url}. Serving until Ctrl+C.`,
      );
      expect(existsSync(join(out, 'chrome-mv3', 'manifest.json'))).toBe(true);

      const record = await fetch(url!);
      expect(record.status).toBe(200);
      expect(await record.text()).toContain('Riverbank Health Record');
      const script = await fetch(`${url}bundles/record.js`);
      expect(script.status).toBe(200);
      const playground = await fetch(`${url}playground.html`);
      expect(await playground.text()).toContain('Alongside playground');

      process.kill(-child.pid!, 'SIGINT');
      const code = await exited;
      // npm passes on the launcher's own exit: 0, or the signal's 130 where npm is killed too.
      expect([0, 130, null]).toContain(code);
      await expect.poll(() => groupAlive(child.pid!), { timeout: 10_000 }).toBe(false);
      await expect(fetch(url!)).rejects.toThrow();
      expect(profiles()).toEqual(before);
      expect(stderr).not.toMatch(/error/i);
    } finally {
      if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 180_000);

  it('with a display, opens Chromium on the record with a fresh profile, removed on Ctrl+C', async () => {
    if (!existsSync('/usr/bin/xvfb-run')) {
      throw new Error('xvfb-run is needed for this test: sudo apt-get install -y xvfb xauth');
    }
    const before = profiles();
    const child = spawn('xvfb-run', ['-a', 'npm', 'start', '--silent'], {
      cwd: ROOT,
      env: { ...shellEnv, ALONGSIDE_OUT_DIR: out },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', () => {});
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await expect
        .poll(() => stdout, { timeout: 150_000, interval: 500 })
        .toContain('Chromium is open on the demo record with Alongside loaded. Ctrl+C to stop.');
      // One fresh profile while it runs.
      const made = profiles().filter((p) => !before.includes(p));
      expect(made).toHaveLength(1);
      const url = /Alongside demo record: (\S+)/.exec(stdout)![1]!;
      expect((await fetch(url)).status).toBe(200);

      process.kill(-child.pid!, 'SIGINT');
      await exited;
      await expect.poll(() => groupAlive(child.pid!), { timeout: 15_000 }).toBe(false);
      expect(profiles()).toEqual(before);
      // Chromium runs in a process group of its own: none is left running on that profile.
      expect(spawnSync('pgrep', ['-f', made[0]!]).status).toBe(1);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 180_000);
});
