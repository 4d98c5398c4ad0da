import { getPageEntities, loadSearchSnapshot } from '../../lib/db/pages';
import type { BackstoryDB } from '../../lib/db/tables';
import { SearchIndex, type SearchHit } from '../../lib/search/search-index';

/**
 * The popup's search index over every enabled dataset, built lazily from the search snapshot and
 * rebuilt when the data changes (its version changes with every import, edit and switch).
 */
export function createSearch(db: BackstoryDB) {
  let index: Promise<SearchIndex> | null = null;

  async function current(): Promise<SearchIndex> {
    const snapshot = await loadSearchSnapshot(db);
    const cached = index ? await index : null;
    if (cached && cached.version === snapshot.version) return cached;
    index = Promise.resolve(new SearchIndex(snapshot));
    return index;
  }

  return async function search(query: string, limit = 20): Promise<SearchHit[]> {
    const results = (await current()).search(query, limit);
    if (!results.length) return [];
    const { entities } = await getPageEntities(
      db,
      results.map((r) => r.id),
    );
    const summaries = new Map(entities.map((entity) => [entity.id, entity.summary]));
    return results.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      summary: summaries.get(r.id) ?? '',
      ...(r.matched ? { matched: r.matched } : {}),
    }));
  };
}
