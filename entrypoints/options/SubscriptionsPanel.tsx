import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkSubscriptionUrl } from '../../lib/dataset/fetch';
import type { SubscriptionView } from '../../lib/db/subscriptions';
import { call } from '../../lib/ui/runtime-client';

export interface SubscriptionsPanelProps {
  dataVersion: number;
  onChanged(): void;
  onReview(subscriptionId: string, label: string): void;
}

const STATUS: Record<SubscriptionView['status'], string> = {
  new: 'Not checked yet',
  updated: 'Updated',
  unchanged: 'Up to date',
  waiting: 'Update waiting for you',
  error: 'Error',
};

/** A dataset URL checked every six hours (and on demand), with its last outcome. */
export function SubscriptionsPanel({ dataVersion, onChanged, onReview }: SubscriptionsPanelProps) {
  const [subs, setSubs] = useState<SubscriptionView[]>([]);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [permission, setPermission] = useState<{ origin: string; message: string; then(): void } | null>(null);
  const [moving, setMoving] = useState<{ id: string; url: string } | null>(null);

  const reload = () => call('listSubscriptions', {}).then(setSubs, (e: Error) => setError(e.message));
  useEffect(() => void reload(), [dataVersion]);

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    setPermission(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      await reload();
    }
  }

  function subscribe(target: string): Promise<void> {
    return run(async () => {
      const result = await call('addSubscription', { url: target });
      if (result.ok) {
        setUrl('');
        if (result.subscription.status === 'updated') onChanged();
        // The first data from an address is shown as a dry run before anything is applied.
        if (result.subscription.status === 'waiting') onReview(result.subscription.id, `the first version from ${result.subscription.url}`);
      } else if (result.reason === 'needs-permission') {
        setPermission({ origin: result.origin, message: result.message, then: () => void subscribe(target) });
      } else {
        setError(result.message);
      }
    });
  }

  function move(id: string, target: string): Promise<void> {
    return run(async () => {
      const result = await call('changeSubscriptionUrl', { id, url: target });
      if (result.ok) {
        setMoving(null);
        if (result.subscription.status === 'updated') onChanged();
      } else if (result.reason === 'needs-permission') {
        setPermission({ origin: result.origin, message: result.message, then: () => void move(id, target) });
      } else {
        setError(result.message);
      }
    });
  }

  function check(sub: SubscriptionView): Promise<void> {
    return run(async () => {
      const result = await call('checkSubscription', { id: sub.id });
      if (result.status === 'updated') onChanged();
      if (result.needsPermission)
        setPermission({ origin: new URL(sub.url).origin, message: result.message ?? '', then: () => void check(sub) });
    });
  }

  function allow(target: { origin: string; then(): void }): void {
    // Straight from the click: the prompt needs the user gesture.
    browser.permissions.request({ origins: [`${target.origin}/*`] }).then(
      (granted) =>
        granted
          ? target.then()
          : setError(`Access to ${new URL(target.origin).host} was not allowed, so Backstory cannot follow this URL.`),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }

  return (
    <section aria-labelledby="subs-heading" class="panel">
      <h2 id="subs-heading">Subscriptions</h2>
      <p class="muted">
        Follow datasets published at https:// addresses, one subscription per dataset: Backstory checks them every six hours and loads new
        versions. The first version from an address, and any update that changes the dataset’s id, removes more than a quarter of its
        entities or changes entities you edited, waits for you to review it.
      </p>
      <form
        class="url-form"
        onSubmit={(event) => {
          event.preventDefault();
          const checked = checkSubscriptionUrl(url);
          if (!checked.ok) setError(checked.message);
          else void subscribe(checked.url.href);
        }}
      >
        <label>
          Dataset URL to follow
          <input
            type="url"
            value={url}
            placeholder="https://example.org/dataset.json"
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Subscribe
        </button>
      </form>
      {busy && <p aria-live="polite">Checking…</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {permission && (
        <div role="alert" class="notice">
          <p>{permission.message}</p>
          <button type="button" onClick={() => allow(permission)}>
            Allow access to {new URL(permission.origin).host}
          </button>
        </div>
      )}
      {subs.map((sub) => (
        <div class="subscription" key={sub.id} data-testid="subscription">
          <p>
            <strong>{sub.url}</strong>
          </p>
          <dl class="info">
            <dt>Status</dt>
            <dd data-testid="sub-status" data-status={sub.status}>
              {STATUS[sub.status]}
              {sub.message ? `: ${sub.message}` : ''}
            </dd>
            <dt>Version</dt>
            <dd data-testid="sub-version">{sub.version ?? '—'}</dd>
            <dt>Last checked</dt>
            <dd data-testid="sub-checked">{sub.lastChecked ? new Date(sub.lastChecked).toLocaleString() : 'Never'}</dd>
          </dl>
          <div class="button-row">
            <button type="button" disabled={busy} onClick={() => void check(sub)}>
              Check now
            </button>
            {sub.status === 'waiting' && (
              <button type="button" onClick={() => onReview(sub.id, `the update from ${sub.url}`)}>
                Review the update
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => setMoving({ id: sub.id, url: sub.url })}>
              Change the address…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => call('removeSubscription', { id: sub.id }).then(() => undefined))}
            >
              Unsubscribe
            </button>
          </div>
          {moving?.id === sub.id && (
            <form
              class="url-form"
              onSubmit={(event) => {
                event.preventDefault();
                const checked = checkSubscriptionUrl(moving.url);
                if (!checked.ok) setError(checked.message);
                else void move(sub.id, checked.url.href);
              }}
            >
              <label>
                New address (checked before the old one is dropped)
                <input
                  type="url"
                  value={moving.url}
                  onInput={(e) => setMoving({ id: sub.id, url: (e.target as HTMLInputElement).value })}
                />
              </label>
              <button type="submit" disabled={busy}>
                Check and move
              </button>
              <button type="button" onClick={() => setMoving(null)}>
                Cancel
              </button>
            </form>
          )}
        </div>
      ))}
    </section>
  );
}
