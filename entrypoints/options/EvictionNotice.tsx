import { useEffect, useState } from 'preact/hooks';
import { dismissEviction, readEviction, type Eviction } from '../../lib/settings/storage';

/** Tells the reader that the browser cleared Backstory's data, and what was lost. */
export function EvictionNotice() {
  const [eviction, setEviction] = useState<Eviction | null>(null);
  useEffect(() => {
    readEviction().then(setEviction, () => setEviction(null));
  }, []);
  if (!eviction) return null;
  const titles = eviction.lost.map((entry) => entry.title).join(', ');
  return (
    <div role="alert" class="notice" data-testid="eviction-notice">
      <p>
        The browser cleared Backstory’s stored data (noticed {new Date(eviction.noticedAt).toLocaleString()}). Lost: {titles}, with your
        edits to them. The bundled dataset is back; restore a backup or import the other datasets again to get them back.
      </p>
      <button type="button" onClick={() => void dismissEviction().then(() => setEviction(null))}>
        Dismiss
      </button>
    </div>
  );
}
