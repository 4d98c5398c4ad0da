import { correctionWords, type Correction, type CorrectionScope } from '../corrections/rules';
import { pageOf, siteOf } from '../corrections/where';
import { MAX_CORRECTIONS } from '../corrections/schema';
import { scopedId } from './scope';
import type { BackstoryDB } from './tables';

/**
 * Made when needed, not when the module loads: the first `toLocaleString` of a service worker loads
 * the locale's data, some 30 ms of every wake.
 */
const full = () => `You have ${MAX_CORRECTIONS.toLocaleString('en')} corrections already: remove some in Backstory's settings first.`;

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
      (other) => correctionKey(other) === correctionKey(fresh),
    );
    if (same) return same;
    if ((await db.corrections.count()) >= MAX_CORRECTIONS) throw new Error(full());
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

/** What makes two corrections the same: one entity, the same words, in the same place. */
export function correctionKey(correction: Pick<Correction, 'entity' | 'words' | 'page' | 'site'>): string {
  return [correction.entity, correction.words ?? '', correction.page ?? '', correction.site ?? ''].join('\u0000');
}

/** The corrections of one dataset's entities (whose scoped ids begin "datasetId/"). */
export function datasetCorrections(db: BackstoryDB, dataset: string) {
  return db.corrections.where('entity').startsWith(scopedId(dataset, ''));
}

/** Adding these corrections would pass MAX_CORRECTIONS: nothing was written. */
export class TooManyCorrectionsError extends Error {
  constructor() {
    super(full());
  }
}

/** Of these corrections, the ones not stored yet (nor repeated earlier in the list). */
export async function newCorrections<T extends Pick<Correction, 'entity' | 'words' | 'page' | 'site'>>(
  db: BackstoryDB,
  incoming: readonly T[],
): Promise<T[]> {
  const entities = [...new Set(incoming.map((correction) => correction.entity))];
  const stored = entities.length ? await db.corrections.where('entity').anyOf(entities).toArray() : [];
  const seen = new Set(stored.map(correctionKey));
  return incoming.filter((correction) => {
    const key = correctionKey(correction);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Adds the corrections a file brings (an edits file), leaving out those already there; for use
 * inside the transaction that writes the rest of the import (it needs the corrections table).
 * Returns how many were added; throws TooManyCorrectionsError past the cap.
 */
export async function mergeCorrections(db: BackstoryDB, incoming: readonly Correction[]): Promise<number> {
  const fresh = await newCorrections(db, incoming);
  if (!fresh.length) return 0;
  if ((await db.corrections.count()) + fresh.length > MAX_CORRECTIONS) throw new TooManyCorrectionsError();
  await db.corrections.bulkAdd(fresh);
  return fresh.length;
}
