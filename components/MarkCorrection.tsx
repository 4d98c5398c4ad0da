import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorrectionScope } from '../lib/corrections/rules';

export interface MarkCorrectionProps {
  /** The entity the mark links to. */
  entityName: string;
  /** The words the mark covers, as the page writes them. */
  text: string;
  /** The site the page is on, as the reader knows it ("bbc.co.uk"). */
  site: string;
  /** Saves the correction; resolves to its undo, rejects with a message the reader can act on. */
  onCorrect(scope: CorrectionScope): Promise<() => Promise<void>>;
}

type State =
  | { step: 'closed' }
  | { step: 'choosing' }
  | { step: 'saving'; scope: CorrectionScope }
  | { step: 'done'; scope: CorrectionScope; undo: () => Promise<void> }
  | { step: 'undone' }
  | { step: 'error'; message: string };

/**
 * "Wrong link?" at the foot of a card opened from a mark: the reader says the mark is wrong here, or
 * that these words never mean this entity on this site or anywhere, or that the entity should not
 * be marked at all. The mark goes at once (the others of the same kind too), and "Undo" brings it
 * back. Everything is a button: the keyboard reaches it with Tab, and the outcome is announced.
 */
export function MarkCorrection({ entityName, text, site, onCorrect }: MarkCorrectionProps) {
  const [state, setState] = useState<State>({ step: 'closed' });
  const focusTarget = useRef<HTMLButtonElement>(null);
  const acted = useRef(false);
  // After each step the focus goes to the control that comes next, so it is never lost with the one
  // pressed (not when the card opens: the card decides that).
  useEffect(() => {
    if (acted.current) focusTarget.current?.focus();
  }, [state.step]);
  const go = (next: State) => {
    acted.current = true;
    setState(next);
  };

  const choose = (scope: CorrectionScope) => {
    go({ step: 'saving', scope });
    onCorrect(scope).then(
      (undo) => go({ step: 'done', scope, undo }),
      (error: unknown) => go({ step: 'error', message: messageOf(error) }),
    );
  };
  const undo = (run: () => Promise<void>) => {
    run().then(
      () => go({ step: 'undone' }),
      (error: unknown) => go({ step: 'error', message: messageOf(error) }),
    );
  };
  const toggle = (expanded: boolean) => (
    <button
      type="button"
      class="bs-link"
      aria-expanded={expanded}
      ref={expanded ? undefined : focusTarget}
      onClick={() => go(expanded ? { step: 'closed' } : { step: 'choosing' })}
    >
      Wrong link?
    </button>
  );
  const quoted = `“${text}”`;

  if (state.step === 'closed' || state.step === 'undone') {
    return (
      <div class="bs-fix">
        {state.step === 'undone' && (
          <p class="bs-fix-status" role="status">
            Marked again.
          </p>
        )}
        {toggle(false)}
      </div>
    );
  }
  if (state.step === 'done') {
    return (
      <div class="bs-fix">
        <p class="bs-fix-status" role="status">
          {doneText(state.scope, quoted, entityName, site)}
        </p>
        <button type="button" class="bs-link" ref={focusTarget} onClick={() => undo(state.undo)}>
          Undo
        </button>
      </div>
    );
  }
  if (state.step === 'error') {
    return (
      <div class="bs-fix">
        <p class="bs-fix-error" role="alert">
          {state.message}
        </p>
        <button type="button" class="bs-link" ref={focusTarget} onClick={() => go({ step: 'choosing' })}>
          Try again
        </button>
      </div>
    );
  }
  const saving = state.step === 'saving';
  return (
    <div class="bs-fix">
      {toggle(true)}
      <div role="group" aria-label={`Correct the mark ${quoted}`} aria-busy={saving}>
        <p class="bs-fix-status">{saving ? 'Saving…' : `${quoted} is not ${entityName}:`}</p>
        <ul class="bs-fix-choices">
          <li>
            <button type="button" class="bs-link" ref={focusTarget} disabled={saving} onClick={() => choose('page')}>
              Not here (this page)
            </button>
          </li>
          <li>
            <button type="button" class="bs-link" disabled={saving} onClick={() => choose('site')}>
              Never on {site}
            </button>
          </li>
          <li>
            <button type="button" class="bs-link" disabled={saving} onClick={() => choose('everywhere')}>
              Never anywhere
            </button>
          </li>
          <li>
            <button type="button" class="bs-link" disabled={saving} onClick={() => choose('entity')}>
              Don’t mark {entityName}
            </button>
          </li>
          <li>
            <button type="button" class="bs-link bs-fix-cancel" disabled={saving} onClick={() => go({ step: 'closed' })}>
              Cancel
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function doneText(scope: CorrectionScope, quoted: string, name: string, site: string): string {
  switch (scope) {
    case 'page':
      return `${quoted} is no longer marked as ${name} on this page.`;
    case 'site':
      return `${quoted} is no longer marked as ${name} on ${site}.`;
    case 'everywhere':
      return `${quoted} is no longer marked as ${name} anywhere.`;
    case 'entity':
      return `${name} is no longer marked anywhere.`;
  }
}
