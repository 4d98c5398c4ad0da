import { useEffect, useState } from 'preact/hooks';
import { StorageUnavailable } from '../../components/StorageUnavailable';
import { checkStorage } from '../../lib/ui/storage-check';
import { DataPanel, useOverview } from './DataPanel';
import { EntitiesPanel } from './EntitiesPanel';
import { ImportPanel } from './ImportPanel';
import { SettingsPanel } from './SettingsPanel';
import { SubscriptionsPanel } from './SubscriptionsPanel';

/** The options page: the loaded data, imports, the subscription, the entities, and the settings. */
export function OptionsApp() {
  // Bumped after every change to the data, so each panel reloads what it shows.
  const [dataVersion, setDataVersion] = useState(0);
  const [review, setReview] = useState<{ subscriptionId: string; label: string; nonce: number } | null>(null);
  const changed = () => setDataVersion((v) => v + 1);
  const { overview, error } = useOverview(dataVersion);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  useEffect(() => void checkStorage().then(setStorageProblem), []);

  return (
    <>
      <header class="page-header">
        <h1>Backstory — data and settings</h1>
        <nav aria-label="Sections">
          <a href="#dataset-heading">Dataset</a>
          <a href="#import-heading">Import</a>
          <a href="#subs-heading">Subscription</a>
          <a href="#entities-heading">Entities</a>
          <a href="#settings-heading">Settings</a>
        </nav>
      </header>
      <main>
        {storageProblem && <StorageUnavailable detail={storageProblem} />}
        <DataPanel
          overview={overview}
          error={storageProblem ? 'No data can be read until the browser lets Backstory store it (see above).' : error}
          onChanged={changed}
        />
        {overview && overview.pendingUpdates > 0 && (
          <p class="notice" role="status">
            A subscription update is waiting for you to review it (see Subscription below).
          </p>
        )}
        <ImportPanel request={review} onChanged={changed} />
        <SubscriptionsPanel
          dataVersion={dataVersion}
          onChanged={changed}
          onReview={(subscriptionId, label) => setReview({ subscriptionId, label, nonce: Date.now() })}
        />
        <EntitiesPanel dataVersion={dataVersion} onChanged={changed} />
        <SettingsPanel />
      </main>
    </>
  );
}
