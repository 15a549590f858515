// `npm run build:demo`: the playground as a static site, for a training team's intranet or a
// laptop with no network. One page, dist-demo/index.html, with its script and styles inlined as
// a classic script (module scripts do not load from file://), the engine and the built-in
// lexicon inside it: it makes no request, needs no server and no extension. The playground's
// code is the extension's own (the flags, drawing and card), run over the engine in the page.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
export const DEMO_DIR = join(ROOT, 'dist-demo');

/** A script's text made safe inside <script>…</script> (and a style's inside <style>). */
const inline = (code: string, tag: 'script' | 'style') =>
  code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);

/** Builds the page into `dir` (dist-demo unless told) and returns its path. */
/** "Bundled here: preact 10.x (MIT), zod 4.x (MIT), …": each package the page holds, by licence. */
function bundledLicences(inputs: readonly string[]): string {
  const names = new Set<string>();
  for (const input of inputs) {
    const at = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (at) names.add(at[1]!);
  }
  const list = [...names].sort().map((name) => {
    const pkg = JSON.parse(
      readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    ) as {
      version?: string;
      license?: string;
    };
    return `${name} ${pkg.version ?? ''} (${pkg.license ?? 'see its package'})`;
  });
  return `Alongside playground. Bundled here, each under its own licence: ${list.join(', ')}.`;
}

export async function buildDemo(dir = DEMO_DIR): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'entrypoints/playground/main.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Each bundled package's licence notice stays in the page.
    legalComments: 'inline',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': ROOT },
    define: { 'process.env.NODE_ENV': '"production"' },
    // papaparse reaches for Node's streams only when it runs under Node.
    external: ['stream'],
    outdir: dir,
    metafile: true,
    logLevel: 'warning',
  });
  const notice = bundledLicences(Object.keys(result.metafile.inputs));
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const page = readFileSync(join(ROOT, 'entrypoints/playground/index.html'), 'utf8')
    .replace('<!doctype html>', () => `<!doctype html>\n<!-- ${notice} -->`)
    .replace(/\s*<script type="module"[^>]*><\/script>/, '')
    // Functions, not strings: a "$'" in the bundle is not a replacement pattern then.
    .replace('</head>', () => `    <style>${inline(css, 'style')}</style>\n  </head>`)
    .replace('</body>', () => `    <script>${inline(js, 'script')}</script>\n  </body>`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'index.html');
  writeFileSync(out, page);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildDemo();
  const kb = (readFileSync(out).length / 1024).toFixed(0);
  console.log(`Built the static playground: ${out} (${kb} KB, one file, no requests).`);
}
