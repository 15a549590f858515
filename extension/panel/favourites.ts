import { storage } from 'wxt/utils/storage';

/**
 * The prompts the clinician starred, by id, pinned to the top of the side panel. Kept in `local`
 * (not `sync`: synced data passes through the browser maker's servers), versioned as every stored
 * item is.
 */
export const favouritesItem = storage.defineItem<string[]>('local:promptFavourites', {
  fallback: [],
  version: 1,
});

/** The stored favourites, only the strings among them (a foreign value never breaks the panel). */
export async function readFavourites(): Promise<string[]> {
  const stored: unknown = await favouritesItem.getValue();
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

/** Stars a prompt, or takes its star away; returns the favourites now. */
export async function toggleFavourite(id: string): Promise<string[]> {
  const now = await readFavourites();
  const next = now.includes(id) ? now.filter((f) => f !== id) : [...now, id];
  await favouritesItem.setValue(next);
  return next;
}
