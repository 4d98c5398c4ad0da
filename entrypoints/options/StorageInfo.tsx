import { useEffect, useState } from 'preact/hooks';

/** Storage used by Backstory, and a request for persistent storage (so the browser does not evict it). */
export function StorageInfo({ refresh }: { refresh: unknown }) {
  const [usage, setUsage] = useState<string>('');
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!navigator.storage?.estimate) return setUsage('The browser does not say how much storage is used.');
    navigator.storage.estimate().then(
      ({ usage: used = 0, quota = 0 }) => setUsage(`Using ${megabytes(used)} of ${megabytes(quota)} available to Backstory.`),
      () => setUsage('The browser did not say how much storage is used.'),
    );
    navigator.storage.persisted?.().then(setPersisted, () => setPersisted(null));
  }, [refresh]);
  // Asked for once when the page opens, so the browser does not clear the library under storage
  // pressure (Chromium grants it to extensions without a prompt).
  useEffect(() => {
    void navigator.storage
      ?.persisted?.()
      .then((already) => (already ? true : navigator.storage.persist()))
      .then((granted) => setPersisted(granted))
      .catch(() => undefined);
  }, []);

  async function persist(): Promise<void> {
    const granted = await navigator.storage.persist().catch(() => false);
    setPersisted(granted);
    setMessage(
      granted
        ? 'The browser will keep Backstory’s data even when disk space runs low.'
        : 'The browser declined for now; it may grant it later, for example once Backstory is used more.',
    );
  }

  return (
    <div class="storage" data-testid="storage">
      <h3>Storage</h3>
      <p>{usage}</p>
      {persisted ? (
        <p>Storage is persistent: the browser will not clear it to free space.</p>
      ) : (
        <button type="button" onClick={() => void persist()}>
          Keep Backstory’s data persistent
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function megabytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
