import { useEffect, useState } from 'preact/hooks';
import { KIND_LABEL } from '../../components/format';
import type { DatasetInfo, EntityListItem } from '../../lib/messaging/protocol';
import { call } from '../../lib/ui/runtime-client';

const PAGE = 100;

export function OptionsApp() {
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [items, setItems] = useState<EntityListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('getDatasetInfo', {}).then(setInfo, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    call('listEntities', { offset, limit: PAGE }).then(
      (page) => {
        setItems(page.items);
        setTotal(page.total);
      },
      (e: Error) => setError(e.message),
    );
  }, [offset]);

  return (
    <main>
      <h1>Backstory — data</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <section aria-labelledby="dataset-heading">
        <h2 id="dataset-heading">Loaded dataset</h2>
        {info ? (
          <dl class="info" data-testid="dataset-info">
            <dt>Title</dt>
            <dd data-testid="dataset-title">{info.title}</dd>
            <dt>Version</dt>
            <dd data-testid="dataset-version">{info.version}</dd>
            <dt>Entities</dt>
            <dd data-testid="dataset-count">{info.entityCount}</dd>
            <dt>By kind</dt>
            <dd>
              {(Object.keys(info.counts) as Array<keyof typeof info.counts>).map((kind) => `${KIND_LABEL[kind]}: ${info.counts[kind]}`).join(' · ')}
            </dd>
          </dl>
        ) : (
          !error && <p class="muted">Loading…</p>
        )}
      </section>
      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading">Entities</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.name}</td>
                <td>{KIND_LABEL[item.kind]}</td>
                <td class="muted">{item.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span class="muted">
            {total ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}` : 'No entities'}
          </span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      </section>
    </main>
  );
}
