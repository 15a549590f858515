// Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi, with the built
// Firefox extension installed as a temporary add-on, and a wall between it and the internet.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import {
  FIREFOX,
  FIREFOX_ADDON_ID,
  FIREFOX_EXTENSION_DIR,
  FIREFOX_INSTALL_HINT,
  QUIET_ENV,
  QUIET_PREFS,
  firefoxInstalled,
} from '../../scripts/firefox.ts';

export interface LoadedFirefox {
  browser: Browser;
  /**
   * Every request that tried to leave this machine, as "METHOD address": Firefox's proxy is our
   * wall, which refuses them all and writes them down (localhost is never sent to a proxy).
   */
  outside: string[];
  close(): Promise<void>;
}

/** A proxy that lets nothing through and records what asked. */
async function startWall(): Promise<{ server: Server; port: number; outside: string[] }> {
  const outside: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    // A path, not an address: Firefox's remote settings, pointed here, asking this machine.
    if (!url.startsWith('/')) outside.push(`${req.method} ${url}`);
    res.writeHead(url.startsWith('/') ? 404 : 403, { 'content-type': 'text/plain' });
    res.end();
  });
  server.on('connect', (req, socket) => {
    outside.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port, outside };
}

/** Starts Firefox with the extension installed; fails loudly, never skips, when a part is missing. */
export async function launchFirefox(): Promise<LoadedFirefox> {
  if (!firefoxInstalled()) throw new Error(FIREFOX_INSTALL_HINT);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built Firefox extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build" first.`,
    );
  }
  const wall = await startWall();
  const proxy = { host: '127.0.0.1', port: wall.port };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      env: { ...process.env, ...QUIET_ENV },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        // Every address but this machine's goes to the wall, for http, https and WebSocket alike.
        'network.proxy.type': 1,
        'network.proxy.http': proxy.host,
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': proxy.host,
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': false,
        // Remote settings asks this machine (the wall answers 404), not Mozilla's servers.
        'services.settings.server': `http://${proxy.host}:${proxy.port}/v1`,
      },
    });
  } catch (error) {
    wall.server.close();
    throw error;
  }
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== FIREFOX_ADDON_ID) throw new Error(`installed as ${id}, not ${FIREFOX_ADDON_ID}`);
  } catch (error) {
    await browser.close();
    wall.server.close();
    throw error;
  }
  return {
    browser,
    outside: wall.outside,
    async close() {
      await browser.close();
      wall.server.closeAllConnections();
      await new Promise<void>((done) => wall.server.close(() => done()));
    },
  };
}
