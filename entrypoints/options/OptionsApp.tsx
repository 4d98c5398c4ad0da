import { useEffect, useState } from 'preact/hooks';
import { StorageUnavailable } from '../../components/StorageUnavailable';
import { checkStorage } from '../../lib/ui/storage-check';
import { CorrectionsPanel } from './CorrectionsPanel';
import { LibraryPanel, useLibrary } from './LibraryPanel';
import { EntitiesPanel } from './EntitiesPanel';
import { EvictionNotice } from './EvictionNotice';
import { ImportPanel } from './ImportPanel';
import { SettingsPanel } from './SettingsPanel';
import { SubscriptionsPanel } from './SubscriptionsPanel';

/** The options page: the library of datasets, imports, subscriptions, the entities, the corrections of marks, and the settings. */
export function OptionsApp() {
  // Bumped after every change to the data, so each panel reloads what it shows.
  const [dataVersion, setDataVersion] = useState(0);
  const [review, setReview] = useState<{ subscriptionId: string; label: string; nonce: number } | null>(null);
  // The dataset the Entities section shows after an import: the one the import went to.
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  const changed = () => setDataVersion((v) => v + 1);
  const { library, error } = useLibrary(dataVersion);
  const pending = library?.datasets.some((entry) => entry.pendingUpdates > 0) ?? false;
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  useEffect(() => void checkStorage().then(setStorageProblem), []);

  return (
    <>
      <header class="page-header">
        <h1>Backstory — data and settings</h1>
        <nav aria-label="Sections">
          <a href="#dataset-heading">Datasets</a>
          <a href="#import-heading">Import</a>
          <a href="#subs-heading">Subscriptions</a>
          <a href="#entities-heading">Entities</a>
          <a href="#corrections-heading">Corrections</a>
          <a href="#settings-heading">Settings</a>
        </nav>
      </header>
      <main>
        {storageProblem && <StorageUnavailable detail={storageProblem} />}
        <EvictionNotice />
        <LibraryPanel
          library={library}
          error={storageProblem ? 'No data can be read until the browser lets Backstory store it (see above).' : error}
          onChanged={changed}
        />
        {pending && (
          <p class="notice" role="status">
            A subscription update is waiting for you to review it (see Subscriptions below).
          </p>
        )}
        <ImportPanel
          request={review}
          onChanged={(datasetId) => {
            if (datasetId) setFocus({ id: datasetId });
            changed();
          }}
        />
        <SubscriptionsPanel
          dataVersion={dataVersion}
          onChanged={changed}
          onReview={(subscriptionId, label) => setReview({ subscriptionId, label, nonce: Date.now() })}
        />
        <EntitiesPanel
          dataVersion={dataVersion}
          datasets={library?.datasets.map((entry) => entry.info) ?? []}
          focus={focus}
          onChanged={changed}
        />
        <CorrectionsPanel dataVersion={dataVersion} onChanged={changed} />
        <SettingsPanel />
      </main>
    </>
  );
}
