// Shared by the Firefox tests: where Debian's Firefox ESR lives, the built Firefox extension, and
// the preferences that keep Firefox off the network.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL_HINT = `Firefox is needed at ${FIREFOX}: install it with "sudo apt-get install -y firefox-esr" (or set FIREFOX_PATH).`;

/** The add-on's id, as the manifest's browser_specific_settings and a policies.json name it. */
export const FIREFOX_ADDON_ID = '{769ce125-5a61-49b9-9acf-6f7ad04b8922}';

// ALONGSIDE_OUT_DIR moves the build (wxt.config.ts), as it does for the Chromium tests.
export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.ALONGSIDE_OUT_DIR || '.output',
  'firefox-mv3',
);

export const firefoxInstalled = (): boolean => existsSync(FIREFOX);

/**
 * Firefox's own services that reach for the internet, switched off (on top of the ones
 * puppeteer's profile already turns off), so a run on a machine with no network is quiet.
 */
export const QUIET_PREFS: Readonly<Record<string, unknown>> = {
  'app.normandy.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'browser.ml.enable': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.topsites.contile.enabled': false,
  'browser.translations.enable': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'captivedetect.canonicalURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

/**
 * Firefox's own switch for test runs: any connection to an address that is not this machine is
 * refused, and the remote settings server may be pointed at this machine (release builds
 * otherwise ignore `services.settings.server`).
 */
export const QUIET_ENV: Readonly<Record<string, string>> = {
  MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
};
