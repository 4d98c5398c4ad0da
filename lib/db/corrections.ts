import { correctionWords, pageOf, siteOf, type Correction, type CorrectionScope } from '../corrections/rules';
import type { BackstoryDB } from './tables';

/** Enough for years of corrections; a reader past it is told to tidy the list in the options page. */
export const MAX_CORRECTIONS = 10_000;

export interface CorrectionRequest {
  entity: string;
  entityName: string;
  scope: CorrectionScope;
  /** The words that matched (not needed for scope "entity"). */
  text?: string;
  /** The page the reader was on: the site and the page are read from it, never from what a page says. */
  url: URL;
}

/** The correction a request makes, or the same one already stored (correcting twice keeps one). */
export async function addCorrection(db: BackstoryDB, request: CorrectionRequest, now = new Date()): Promise<Correction> {
  const { scope, url } = request;
  const text = scope === 'entity' ? undefined : request.text?.trim();
  if (scope !== 'entity' && !text) throw new Error('A correction of a mark needs the words that were marked.');
  const words = text === undefined ? undefined : correctionWords(text);
  if (words === '') throw new Error('A correction of a mark needs the words that were marked.');
  const fresh: Correction = {
    id: crypto.randomUUID(),
    entity: request.entity,
    entityName: request.entityName.slice(0, 300),
    ...(words === undefined ? {} : { words, text: text!.slice(0, 300) }),
    ...(scope === 'page' ? { page: pageOf(url) } : {}),
    ...(scope === 'site' ? { site: siteOf(url) } : {}),
    createdAt: now.toISOString(),
  };
  return db.transaction('rw', db.corrections, async () => {
    const same = (await db.corrections.where('entity').equals(fresh.entity).toArray()).find(
      (other) => other.words === fresh.words && other.page === fresh.page && other.site === fresh.site,
    );
    if (same) return same;
    if ((await db.corrections.count()) >= MAX_CORRECTIONS) {
      throw new Error(`You have ${MAX_CORRECTIONS.toLocaleString('en')} corrections already: remove some in Backstory's settings first.`);
    }
    await db.corrections.add(fresh);
    return fresh;
  });
}

/** A correction as the options page lists it. */
export type CorrectionView = Correction & { known: boolean };

/** Every correction, newest first. */
export async function listCorrections(db: BackstoryDB): Promise<Correction[]> {
  const all = await db.corrections.toArray();
  return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
}

/** Takes corrections back; returns how many there were. */
export async function removeCorrections(db: BackstoryDB, ids: readonly string[]): Promise<number> {
  return db.transaction('rw', db.corrections, async () => {
    const found = (await db.corrections.bulkGet([...ids])).filter((row) => row !== undefined).length;
    await db.corrections.bulkDelete([...ids]);
    return found;
  });
}
