/** How a site is named to the clinician: its host name, or where local files are. */
export function siteLabel(site: string): string {
  return site === '' ? 'files on this computer' : site;
}
