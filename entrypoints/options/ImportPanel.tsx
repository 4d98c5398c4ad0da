import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ImportProblems } from '../../components/ImportProblems';
import { ImportProgress } from '../../components/ImportProgress';
import { ImportReview } from '../../components/ImportReview';
import type { Resolution } from '../../lib/dataset/diff';
import { checkDatasetUrl } from '../../lib/dataset/fetch';
import type { Problem } from '../../lib/dataset/validate';
import { call } from '../../lib/ui/runtime-client';
import { runImport, STAGES, subjectOf, type FlowOutcome, type ImportSource, type Stage } from './import-flow';

type Review = Extract<FlowOutcome, { step: 'review' }>;
type View =
  | { step: 'idle' }
  | { step: 'busy'; stage: Stage; subject: string }
  | Exclude<FlowOutcome, { step: 'cancelled' | 'review' }>
  | (Review & { message?: string | null })
  | { step: 'apply-problems'; review: Review; problems: Problem[]; message: string }
  | { step: 'applied'; message: string };

export interface ImportPanelProps {
  /** A subscription update to review, handed over by the subscriptions panel. */
  request: { subscriptionId: string; label: string; nonce: number } | null;
  /** After an import: the dataset it went to. */
  onChanged(datasetId?: string): void;
}

export function ImportPanel({ request, onChanged }: ImportPanelProps) {
  const [view, setView] = useState<View>({ step: 'idle' });
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState('');
  const cancelled = useRef(false);
  const focusTarget = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (request) void start({ kind: 'pending', subscriptionId: request.subscriptionId, label: request.label });
  }, [request?.nonce]);

  // Results take the focus, so keyboard and screen-reader users land on them.
  useEffect(() => {
    if (view.step === 'busy' || view.step === 'idle') return;
    const within = focusTarget.current;
    const target = ['#review-heading', '.problem.current', '[tabindex="-1"]', 'button:enabled']
      .map((selector) => within?.querySelector<HTMLElement>(selector))
      .find(Boolean);
    target?.focus();
    focusTarget.current?.scrollIntoView({ block: 'nearest' });
  }, [view.step]);

  // A file dropped next to the drop zone would make the browser open it in place of this page.
  useEffect(() => {
    const keep = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  async function start(source: ImportSource): Promise<void> {
    if (view.step === 'busy') return;
    cancelled.current = false;
    setResolutions({});
    const subject = subjectOf(source);
    setView({ step: 'busy', stage: 'reading', subject });
    try {
      const outcome = await runImport(
        source,
        (stage) => setView({ step: 'busy', stage, subject }),
        () => cancelled.current,
      );
      setView(outcome.step === 'cancelled' ? { step: 'idle' } : outcome);
    } catch (error) {
      setView({ step: 'error', message: messageOf(error) });
    }
  }

  async function apply(review: Review, otherwise?: Resolution): Promise<void> {
    setView({ step: 'busy', stage: 'applying', subject: review.subject });
    try {
      const result = await call('applyImport', { token: review.token, resolutions, ...(otherwise ? { otherwise } : {}) });
      if (result.ok) {
        const kept = result.editsKept ? ` ${result.editsKept} local edit${result.editsKept === 1 ? '' : 's'} kept.` : '';
        const added = result.correctionsAdded
          ? ` ${result.correctionsAdded} correction${result.correctionsAdded === 1 ? '' : 's'} of marks added.`
          : '';
        setView({
          step: 'applied',
          message: `${review.target.isNew ? 'Added' : 'Updated'} ${result.info.title} ${result.info.version}: ${result.info.entityCount} entities.${kept}${added}`,
        });
        onChanged(result.info.id);
      } else if (result.reason === 'problems') {
        setView({ step: 'apply-problems', review, problems: result.problems ?? [], message: result.message });
      } else if (result.reason === 'stale') {
        const diffed = await call('diffImport', { token: review.token });
        setView(
          diffed.ok
            ? { ...review, diff: diffed.diff, message: `${result.message} The comparison above is up to date again.` }
            : { step: 'error', message: diffed.message },
        );
      } else if (result.reason === 'unresolved') {
        setView({ ...review, message: result.message });
      } else {
        setView({ step: 'error', message: result.message });
      }
    } catch (error) {
      setView({ step: 'error', message: messageOf(error) });
    }
  }

  function cancelReview(token: string): void {
    void call('cancelImport', { token }).catch(() => undefined);
    setView({ step: 'idle' });
  }

  function importUrl(event: Event): void {
    event.preventDefault();
    const checked = checkDatasetUrl(url);
    if (!checked.ok) setView({ step: 'error', message: checked.message });
    else void start({ kind: 'url', url: checked.url.href });
  }

  function allow(target: { url: string; origin: string }): void {
    // Called straight from the click: the browser only shows the permission prompt during a user gesture.
    browser.permissions.request({ origins: [`${target.origin}/*`] }).then(
      (granted) =>
        granted
          ? void start({ kind: 'url', url: target.url })
          : setView({
              step: 'error',
              message: `Access to ${new URL(target.origin).host} was not allowed, so Backstory cannot read the file there.`,
            }),
      (error: unknown) => setView({ step: 'error', message: messageOf(error) }),
    );
  }

  function onDrop(event: DragEvent): void {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void start({ kind: 'file', file });
  }

  const busy = view.step === 'busy';
  return (
    <section aria-labelledby="import-heading" class="panel">
      <h2 id="import-heading">Import a dataset or your edits</h2>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop a dataset file (.json) here, or choose one:</p>
        <label>
          Dataset file
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void start({ kind: 'file', file });
              input.value = '';
            }}
          />
        </label>
      </div>
      <form class="url-form" onSubmit={importUrl}>
        <label>
          Or a dataset URL
          <input
            type="url"
            placeholder="https://example.org/dataset.json"
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Import from URL
        </button>
      </form>

      <div ref={focusTarget} class="import-result">
        {view.step === 'busy' && (
          <ImportProgress
            stages={STAGES}
            current={view.stage}
            subject={view.subject}
            onCancel={view.stage === 'applying' ? undefined : () => (cancelled.current = true)}
          />
        )}
        {view.step === 'problems' && (
          <ImportProblems heading={`${view.subject} cannot be imported; nothing was changed.`} problems={view.problems} />
        )}
        {view.step === 'apply-problems' && (
          <>
            <ImportProblems heading={view.message} problems={view.problems} entityRelative />
            <button type="button" onClick={() => setView(view.review)}>
              Back to the review
            </button>
          </>
        )}
        {view.step === 'permission' && (
          <div role="alert" class="notice">
            <p>{view.message}</p>
            <button type="button" onClick={() => allow(view)}>
              Allow access to {new URL(view.origin).host}
            </button>
          </div>
        )}
        {view.step === 'error' && (
          <p role="alert" class="error" tabIndex={-1}>
            {view.message}
          </p>
        )}
        {view.step === 'applied' && (
          <p role="status" class="success" tabIndex={-1} data-testid="import-done">
            {view.message}
          </p>
        )}
        {view.step === 'review' && (
          <ImportReview
            subject={view.subject}
            target={view.target}
            diff={view.diff}
            resolutions={resolutions}
            message={view.message ?? null}
            onResolve={(id, r) => setResolutions((all) => ({ ...all, [id]: r }))}
            onResolveAll={(r) => setResolutions(Object.fromEntries(view.diff.conflicts.map((c) => [c.id, r])))}
            onApply={() => void apply(view, uniformChoice(resolutions, view.diff.conflicts.length, view.diff.counts.conflicts))}
            onCancel={() => cancelReview(view.token)}
          />
        )}
      </div>
    </section>
  );
}

/** "Keep all mine" / "take all theirs" also covers conflicts past the end of the shown list. */
function uniformChoice(resolutions: Record<string, Resolution>, shown: number, total: number): Resolution | undefined {
  const values = new Set(Object.values(resolutions));
  return total > shown && Object.keys(resolutions).length === shown && values.size === 1 ? [...values][0] : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
