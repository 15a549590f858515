/**
 * The background's bookkeeping of how many flags each tab shows: content scripts report per frame,
 * the badge and the popup want the tab's total. Pure (no browser API), so it is unit-tested alone
 * and can be saved to and restored from `storage.session` as a plain object.
 */

/** Tab id → frame id → count, with string keys as JSON and `storage.session` keep them. */
export type FlagCountsSnapshot = Record<string, Record<string, number>>;

export class FlagCounts {
  readonly #tabs = new Map<number, Map<number, number>>();

  /** Records what one frame shows now and returns the tab's new total. */
  set(tabId: number, frameId: number, count: number): number {
    const n = cleanCount(count);
    const frames = this.#tabs.get(tabId) ?? new Map<number, number>();
    if (n > 0) frames.set(frameId, n);
    else frames.delete(frameId);
    if (frames.size > 0) this.#tabs.set(tabId, frames);
    else this.#tabs.delete(tabId);
    return this.total(tabId);
  }

  /** The tab's flags across all its frames; 0 for a tab never heard of. */
  total(tabId: number): number {
    let sum = 0;
    for (const n of this.#tabs.get(tabId)?.values() ?? []) sum += n;
    return sum;
  }

  /** Forgets a tab that navigated or closed; true when it had any counts. */
  forgetTab(tabId: number): boolean {
    return this.#tabs.delete(tabId);
  }

  /** The tabs with any counts. */
  tabIds(): number[] {
    return [...this.#tabs.keys()];
  }

  snapshot(): FlagCountsSnapshot {
    const out: FlagCountsSnapshot = {};
    for (const [tabId, frames] of this.#tabs) out[tabId] = Object.fromEntries(frames);
    return out;
  }

  /** Rebuilds the counts from a snapshot, skipping anything malformed rather than failing. */
  static fromSnapshot(snapshot: unknown): FlagCounts {
    const counts = new FlagCounts();
    if (!isRecord(snapshot)) return counts;
    for (const [tab, frames] of Object.entries(snapshot)) {
      const tabId = Number(tab);
      if (!Number.isInteger(tabId) || !isRecord(frames)) continue;
      for (const [frame, count] of Object.entries(frames)) {
        const frameId = Number(frame);
        if (Number.isInteger(frameId) && typeof count === 'number') {
          counts.set(tabId, frameId, count);
        }
      }
    }
    return counts;
  }
}

/** The badge for a tab's total: empty when there is nothing to see, and never wider than "99+". */
export function badgeText(total: number): string {
  const n = cleanCount(total);
  if (n === 0) return '';
  return n > 99 ? '99+' : String(n);
}

/**
 * Whether a `tabs.onUpdated` change may have replaced documents in the tab, so its counts are
 * stale: any load (Chromium reports "loading" for a new page, a reload, an iframe's navigation,
 * `history.pushState` and hash changes alike) or a new address.
 */
export function mayHaveNavigated(change: { status?: string; url?: string }): boolean {
  return change.status === 'loading' || change.url !== undefined;
}

/** Whether the tab has finished loading: the moment to ask surviving frames to report again. */
export function finishedLoading(change: { status?: string }): boolean {
  return change.status === 'complete';
}

function cleanCount(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
