import { storage } from 'wxt/utils/storage';
import { REFLECTION_ORDER } from '@/core/kit/reflect';
import type { ReflectionId } from '@/core/lexicon/schema';

/**
 * The reflections the clinician chose not to see in the side panel, by id. Kept in `local`, as
 * the favourites are; no text of any letter is kept with them.
 */
export const hiddenReflectionsItem = storage.defineItem<ReflectionId[]>('local:hiddenReflections', {
  fallback: [],
  version: 1,
});

/** The stored ids that are reflections (a foreign value never breaks the panel). */
export async function readHiddenReflections(): Promise<ReflectionId[]> {
  const stored: unknown = await hiddenReflectionsItem.getValue();
  return Array.isArray(stored)
    ? stored.filter((id): id is ReflectionId =>
        (REFLECTION_ORDER as readonly unknown[]).includes(id),
      )
    : [];
}

/** Hides a reflection, or (`hidden: false`) shows it again; returns the hidden ones now. */
export async function setReflectionHidden(
  id: ReflectionId,
  hidden: boolean,
): Promise<ReflectionId[]> {
  const now = await readHiddenReflections();
  const next = hidden ? [...new Set([...now, id])] : now.filter((h) => h !== id);
  await hiddenReflectionsItem.setValue(next);
  return next;
}

/** Shows every hidden reflection again. */
export async function showAllReflections(): Promise<ReflectionId[]> {
  await hiddenReflectionsItem.setValue([]);
  return [];
}
