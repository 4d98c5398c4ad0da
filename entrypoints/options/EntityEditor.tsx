import { useMemo, useRef, useState } from 'preact/hooks';
import { ImportProblems } from '../../components/ImportProblems';
import { OptionsEntityForm } from '../../components/OptionsEntityForm';
import { changeKind, checkDraft, type EntityDraft } from '../../lib/dataset/entity-draft';
import type { Problem } from '../../lib/dataset/validate';
import { call } from '../../lib/ui/runtime-client';

export interface EntityEditorProps {
  /** The dataset of the library the entity is in. */
  dataset: string;
  /** What the entity was when the form was opened (see `stampOf`): a save from a stale form is refused. */
  stamp?: string;
  mode: 'create' | 'update';
  initial: EntityDraft;
  onSaved(id: string): void;
  onCancel(): void;
}

/**
 * Edits one entity. The draft is checked against the dataset schema on every keystroke; saving sends
 * it to the background, which checks it again together with the rest of the data (references,
 * aliases shared with other entities) and refuses it, with the problems, if it does not fit.
 */
export function EntityEditor({ dataset, stamp, mode, initial, onSaved, onCancel }: EntityEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const checked = useMemo(() => checkDraft(draft), [draft]);

  async function submit(): Promise<void> {
    if (!checked.entity) {
      setMessage(
        `Fix the ${checked.problems.length === 1 ? 'problem' : `${checked.problems.length} problems`} marked below before saving.`,
      );
      container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('saveEntity', { dataset, entity: checked.entity, mode, ...(stamp ? { stamp } : {}) });
      if (result.ok) {
        onSaved(checked.entity.id);
        return;
      }
      setRefused(result.problems);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={container} class="entity-editor">
      <h3 tabIndex={-1}>{mode === 'create' ? 'New entity' : `Editing ${initial.name}`}</h3>
      {message && (
        <p role="alert" class="error">
          {message}
        </p>
      )}
      {refused && (
        <ImportProblems
          heading={
            refused.length === 1 && refused[0]!.path === '$'
              ? 'Not saved.'
              : 'Not saved: the change does not fit with the rest of the data.'
          }
          problems={refused}
          entityRelative
        />
      )}
      <OptionsEntityForm
        draft={draft}
        mode={mode}
        problems={checked.problems}
        busy={busy}
        onChange={(next) => {
          setDraft(next);
          setRefused(null);
        }}
        onChangeKind={(kind) => setDraft(changeKind(draft, kind))}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
    </div>
  );
}
