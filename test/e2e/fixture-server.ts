// A local static server for the browser-test fixture pages (test/e2e/fixtures/): the pages, a few
// whitelisted editor folders from node_modules, and each page's script bundled by esbuild on demand.
// Everything is served from this machine on 127.0.0.1; nothing here is part of the extension.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  /**
   * The same pages on a second port: another origin, for frames from a different site than the
   * page around them (pages take it as `?frame-origin=`).
   */
  otherUrl: string;
  close(): Promise<void>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES_DIR = resolve(HERE, 'fixtures');
const PROJECT_ROOT = resolve(HERE, '../..');
const NODE_MODULES = join(PROJECT_ROOT, 'node_modules');

/** URL prefix under /vendor/ → folder inside node_modules. Nothing else in node_modules is served. */
export const VENDOR: Readonly<Record<string, string>> = {
  tinymce: 'tinymce',
  ckeditor5: 'ckeditor5/dist/browser',
  quill: 'quill/dist',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Fixture folder files a browser may fetch directly (never the TypeScript sources). */
const FIXTURE_FILE = /^[a-z0-9-]+\.(html|css)$/;
const BUNDLE = /^\/bundles\/([a-z0-9-]+)\.js$/;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Resolve `relative` inside `root`, refusing anything that would leave it (also via symlinks). */
async function fileInside(root: string, relative: string): Promise<string> {
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
    throw new HttpError(404, 'Not found');
  }
  const base = resolve(root);
  const candidate = resolve(base, ...segments);
  if (!candidate.startsWith(base + sep)) throw new HttpError(404, 'Not found');
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw new HttpError(404, 'Not found');
  }
  const realBase = await realpath(base);
  if (!real.startsWith(realBase + sep)) throw new HttpError(404, 'Not found');
  const info = await stat(real);
  if (!info.isFile()) throw new HttpError(404, 'Not found');
  return real;
}

function typeOf(file: string): string {
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) throw new HttpError(404, 'Not found');
  return type;
}

async function bundle(root: string, name: string): Promise<string> {
  const entry = ['.ts', '.tsx']
    .map((ext) => join(root, name + ext))
    .find((file) => existsSync(file));
  if (!entry) throw new HttpError(404, 'Not found');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // The CKEditor 5 browser build is served from /vendor/ckeditor5/ and found by an import map.
    external: ['ckeditor5'],
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${name}`);
  return output.text;
}

export interface ServeOptions {
  /** The pages' folder: index.html, each page's .html and .css, and the scripts to bundle. */
  root?: string;
  /** Where to listen: 127.0.0.1 unless asked (0.0.0.0 reaches other machines). */
  host?: string;
  /** The first server's port; 0 (the default) takes a free one. */
  port?: number;
  /** Whole files served as they are, by path ("/playground.html" → a file). */
  files?: Readonly<Record<string, string>>;
}

/**
 * Start the server (two, on two ports: see `otherUrl`) on 127.0.0.1 with free ports, serving the
 * fixture pages, or the folder `root`. Bundles are built once per server.
 */
export async function startFixtureServer(options: ServeOptions = {}): Promise<FixtureServer> {
  const root = options.root ?? FIXTURES_DIR;
  const host = options.host ?? '127.0.0.1';
  const files = options.files ?? {};
  const bundles = new Map<string, Promise<string>>();

  function bundleOnce(name: string): Promise<string> {
    let pending = bundles.get(name);
    if (!pending) {
      pending = bundle(root, name);
      bundles.set(name, pending);
      // A failed build is not cached: fix the fixture and reload.
      pending.catch(() => bundles.delete(name));
    }
    return pending;
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'Method not allowed');
    const raw = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'Bad request');
    }
    if (!path.startsWith('/') || path.includes('\0')) throw new HttpError(400, 'Bad request');

    let body: string | Buffer;
    let type: string;
    const bundleMatch = BUNDLE.exec(path);
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (path === '/') {
      body = await readFile(await fileInside(root, 'index.html'));
      type = CONTENT_TYPES['.html']!;
    } else if (Object.hasOwn(files, path)) {
      body = await readFile(files[path]!);
      type = typeOf(files[path]!);
    } else if (bundleMatch) {
      body = await bundleOnce(bundleMatch[1]!);
      type = CONTENT_TYPES['.js']!;
    } else if (path.startsWith('/vendor/')) {
      const [, , pkg = '', ...rest] = path.split('/');
      const folder = Object.hasOwn(VENDOR, pkg) ? VENDOR[pkg] : undefined;
      if (!folder) throw new HttpError(404, 'Not found');
      const file = await fileInside(join(NODE_MODULES, folder), rest.join('/'));
      type = typeOf(file);
      body = await readFile(file);
    } else if (FIXTURE_FILE.test(path.slice(1))) {
      const file = await fileInside(root, path.slice(1));
      type = typeOf(file);
      body = await readFile(file);
    } else {
      throw new HttpError(404, 'Not found');
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    respond(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message =
        error instanceof HttpError ? error.message : `Fixture server error: ${String(error)}`;
      if (status === 500) console.error(message);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(message);
    });
  };
  const listen = async (port: number) => {
    const server = createServer(handle);
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolveListen());
    });
    return server;
  };
  const servers = [await listen(options.port ?? 0), await listen(0)];
  // A server reachable from other machines is still reached here as 127.0.0.1.
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const urlOf = (server: (typeof servers)[number]) =>
    `http://${shown}:${(server.address() as AddressInfo).port}`;

  return {
    url: urlOf(servers[0]!),
    otherUrl: urlOf(servers[1]!),
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolveClose, reject) => {
              server.close((error) => (error ? reject(error) : resolveClose()));
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
