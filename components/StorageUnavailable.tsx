export interface StorageUnavailableProps {
  /** What the browser said, shown small under the explanation. */
  detail: string;
}

/**
 * Shown by the popup and the options page when the browser gives Backstory no storage: what is wrong,
 * why it happens, and what to do, instead of a page that stays blank or says "Loading…" forever.
 */
export function StorageUnavailable({ detail }: StorageUnavailableProps) {
  return (
    <section role="alert" aria-labelledby="storage-unavailable-heading" class="storage-unavailable">
      <h2 id="storage-unavailable-heading">Backstory cannot store its data</h2>
      <p>
        The browser refused Backstory its storage (IndexedDB), so it cannot load its dataset, mark news pages or search. This happens when
        privacy settings block site data, when the browser is set never to remember history (permanent private browsing), or when the
        profile’s disk is full or damaged.
      </p>
      <p>
        To fix it, allow site data again (in Firefox: Settings › Privacy &amp; Security › History: <em>Remember history</em>; in Chrome:
        Settings › Privacy and security › Site data), make room on the disk, then restart the browser.
      </p>
      <p class="muted" data-testid="storage-detail">
        {detail}
      </p>
    </section>
  );
}
