import { useCallback, useEffect, useState } from 'preact/hooks';
import { CastList } from '../../components/CastList';
import { EntityCard } from '../../components/EntityCard';
import { SearchBox } from '../../components/SearchBox';
import { StorageUnavailable } from '../../components/StorageUnavailable';
import type { CastEntry } from '../../lib/messaging/content-protocol';
import type { EntityBundle } from '../../lib/db/pages';
import type { SearchHit } from '../../lib/search/search-index';
import { isActiveOn, type Settings } from '../../lib/settings/settings';
import { askedAgain } from '../../lib/messaging/retry';
import { loadSettings, saveSettings } from '../../lib/settings/storage';
import { isCuratedHost } from '../../lib/sites/curated';
import { call } from '../../lib/ui/runtime-client';
import { checkStorage } from '../../lib/ui/storage-check';
import { activeTab, askTab, type ActiveTab } from './active-tab';
import { disableSite, enableSite } from './site-switch';

interface Open {
  bundle: EntityBundle;
  names: Map<string, { name: string; kind: SearchHit['kind'] }>;
}

const SEARCH_RETRIES = { retries: 3, pauseMs: 200 };

type CastState = { status: 'loading' } | { status: 'none' } | { status: 'off' } | { status: 'ready'; entries: CastEntry[] };

export function PopupApp() {
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [cast, setCast] = useState<CastState>({ status: 'loading' });
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  // A search that reaches a background as it stops or starts is asked again (it changes nothing).
  const search = useCallback((query: string) => askedAgain(() => call('search', { query, limit: 20 }), SEARCH_RETRIES), []);

  const refreshCast = useCallback(async (current: ActiveTab | null) => {
    if (!current) return setCast({ status: 'none' });
    const answer = await askTab(current.id, 'getCast', {});
    if (!answer) return setCast({ status: 'none' });
    setCast(answer.active ? { status: 'ready', entries: answer.entries } : { status: 'off' });
  }, []);

  useEffect(() => {
    void checkStorage().then(setStorageProblem);
    void (async () => {
      const [current, loaded] = await Promise.all([activeTab(), loadSettings()]);
      setTab(current);
      setSettings(loaded);
      await refreshCast(current);
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [refreshCast]);

  const choose = async (id: string) => {
    try {
      const bundle = await call('getEntities', { ids: [id] });
      const entity = bundle.entities[0];
      if (!entity) throw new Error('This entry is no longer in the dataset.');
      const related = [
        ...new Set([
          ...(entity.relations ?? []).map((r) => r.target),
          ...(entity.quotes ?? []).map((q) => q.speaker),
          ...(entity.facts ?? []).flatMap((f) => f.claimedBy ?? []),
        ]),
      ];
      const relatedBundle = related.length ? await call('getEntities', { ids: related }) : { entities: [], sources: [] };
      const names = new Map([entity, ...relatedBundle.entities].map((e) => [e.id, { name: e.name, kind: e.kind }]));
      setOpen({ bundle, names });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const host = tab?.url && /^https?:$/.test(tab.url.protocol) ? tab.url.hostname : null;
  const siteOn = settings && host ? isActiveOn(settings, host, isCuratedHost(host)) : false;

  const toggleSite = async () => {
    if (!settings || !tab?.url) return;
    try {
      const next = siteOn ? await disableSite(settings, tab.url) : await enableSite(settings, tab.id, tab.url);
      setSettings(next);
      setError(null);
      setTimeout(() => void refreshCast(tab), 600);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const toggleGlobal = async () => {
    if (!settings) return;
    setSettings(await saveSettings({ enabled: !settings.enabled }));
    setTimeout(() => void refreshCast(tab), 400);
  };

  const entity = open?.bundle.entities[0];
  return (
    <main>
      <header class="popup-head">
        <h1>Backstory</h1>
        {settings && (
          <label class="switch">
            <input type="checkbox" role="switch" checked={settings.enabled} onChange={() => void toggleGlobal()} />
            <span>{settings.enabled ? 'On' : 'Off'}</span>
          </label>
        )}
      </header>
      {settings && host && (
        <div class="site-row">
          <span class="site-host" title={host}>
            {host}
          </span>
          <button type="button" class="site-toggle" aria-pressed={siteOn} disabled={!settings.enabled} onClick={() => void toggleSite()}>
            {siteOn ? 'Turn off on this site' : 'Turn on for this site'}
          </button>
        </div>
      )}
      {storageProblem && <StorageUnavailable detail={storageProblem} />}
      <SearchBox search={search} onChoose={(hit) => void choose(hit.id)} />
      {error && !storageProblem && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {entity && open ? (
        <section class="entry" aria-label={`Entry: ${entity.name}`}>
          <button type="button" class="link-button" onClick={() => setOpen(null)}>
            ‹ Back to this page
          </button>
          <EntityCard
            entity={entity}
            sources={new Map(open.bundle.sources.map((s) => [s.id, s]))}
            lookup={(id) => open.names.get(id)}
            onOpenEntity={(id) => void choose(id)}
            headingId="popup-entry-name"
            level={3}
            {...(entity.from ? { dataset: entity.from } : {})}
            {...(entity.also?.length ? { also: entity.also } : {})}
          />
        </section>
      ) : (
        <section class="on-page" aria-labelledby="on-page-heading">
          <h2 id="on-page-heading">On this page</h2>
          <CastView
            cast={cast}
            settings={settings}
            onJump={(entry) => tab && void askTab(tab.id, 'jumpToMention', { entityId: entry.id })}
          />
        </section>
      )}
    </main>
  );
}

function CastView({ cast, settings, onJump }: { cast: CastState; settings: Settings | null; onJump(entry: CastEntry): void }) {
  if (cast.status === 'loading') return <p class="muted">Looking at this page…</p>;
  if (settings && !settings.enabled) return <p class="muted">Backstory is switched off. Turn it on above to mark names on news pages.</p>;
  if (cast.status === 'off') return <p class="muted">Backstory is off on this site.</p>;
  if (cast.status === 'none')
    return (
      <p class="muted">Backstory is not running on this page. On a news site outside the curated list, turn it on for the site above.</p>
    );
  if (!cast.entries.length) return <p class="muted">No known names on this page yet.</p>;
  return <CastList entries={cast.entries} onJump={onJump} />;
}
