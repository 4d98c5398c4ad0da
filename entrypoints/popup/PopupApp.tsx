import { useCallback, useState } from 'preact/hooks';
import { EntityCard } from '../../components/EntityCard';
import { SearchBox } from '../../components/SearchBox';
import type { EntityBundle, SearchHit } from '../../lib/messaging/protocol';
import { call } from '../../lib/ui/runtime-client';

interface Open {
  bundle: EntityBundle;
  names: Map<string, { name: string; kind: SearchHit['kind'] }>;
}

export function PopupApp() {
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useCallback((query: string) => call('search', { query, limit: 20 }), []);

  const choose = async (hit: SearchHit) => {
    try {
      const bundle = await call('getEntities', { ids: [hit.id] });
      const entity = bundle.entities[0];
      if (!entity) throw new Error(`“${hit.name}” is no longer in the dataset`);
      const related = [...new Set((entity.relations ?? []).map((r) => r.target).concat(entity.quotes?.map((q) => q.speaker) ?? []))];
      const relatedBundle = related.length ? await call('getEntities', { ids: related }) : { entities: [], sources: [] };
      const names = new Map([entity, ...relatedBundle.entities].map((e) => [e.id, { name: e.name, kind: e.kind }]));
      setOpen({ bundle, names });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const entity = open?.bundle.entities[0];
  return (
    <main>
      <h1>Backstory</h1>
      <SearchBox search={search} onChoose={(hit) => void choose(hit)} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {entity && open && (
        <section class="entry" aria-label={`Entry: ${entity.name}`}>
          <EntityCard
            entity={entity}
            sources={new Map(open.bundle.sources.map((s) => [s.id, s]))}
            lookup={(id) => open.names.get(id)}
            headingId="popup-entry-name"
          />
        </section>
      )}
    </main>
  );
}
