import { z } from 'zod';
import { splitScopedId } from './scope';
import type { BackstoryDB, DatasetRow } from './tables';

/**
 * Which entities of other datasets share an alias with an entity (the `also` of the page entities,
 * see pages.ts), stored so that a woken background can give a page its cards without parsing and
 * joining every enabled dataset's snapshot (over a second of CPU with 100,000 entities). One row,
 * under the version of the enabled data it was found in; derived data, never the only copy of
 * anything: a row that is missing, of other data or unreadable is found again from the snapshots.
 */
const ROW = 'page';

/** Bumped whenever the stored form changes, so a row written by an older build is not read. */
const FORMAT = 1;

/** The other entity as stored: its scoped id and name (its dataset's title is read from the library). */
type StoredEntry = [id: string, name: string];

const storedSchema = z.array(z.tuple([z.string(), z.array(z.tuple([z.string(), z.string()]))]));

/** An entity of another dataset that shares an alias with the entity it is listed for (see pages.ts). */
export interface AlsoEntry {
  /** Scoped id. */
  id: string;
  name: string;
  /** The other entity's dataset title. */
  dataset: string;
}

/** The stored lists for this version of the enabled data, with titles from `rows`; null when there is no usable row. */
export async function readSharedAliases(
  db: BackstoryDB,
  version: string,
  rows: readonly DatasetRow[],
): Promise<Map<string, AlsoEntry[]> | null> {
  const row = await db.sharedAliases.get(ROW).catch(() => undefined);
  if (row?.key !== storedKey(version)) return null;
  let parsed: z.infer<typeof storedSchema>;
  try {
    parsed = storedSchema.parse(JSON.parse(row.json));
  } catch {
    return null;
  }
  const titles = new Map(rows.map((dataset) => [dataset.id, dataset.title]));
  const out = new Map<string, AlsoEntry[]>();
  for (const [id, others] of parsed) {
    const list: AlsoEntry[] = [];
    for (const [other, name] of others) {
      const title = titles.get(splitScopedId(other)?.dataset ?? '');
      if (title === undefined) return null;
      list.push({ id: other, name, dataset: title });
    }
    out.set(id, list);
  }
  return out;
}

export async function storeSharedAliases(db: BackstoryDB, version: string, also: ReadonlyMap<string, readonly AlsoEntry[]>): Promise<void> {
  const stored = [...also].map(([id, others]): [string, StoredEntry[]] => [id, others.map((other): StoredEntry => [other.id, other.name])]);
  await db.sharedAliases.put({ id: ROW, key: storedKey(version), json: JSON.stringify(stored) });
}

function storedKey(version: string): string {
  return `${FORMAT}|${version}`;
}
