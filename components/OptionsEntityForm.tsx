import { fieldOf, type AliasDraft, type EntityDraft } from '../lib/dataset/entity-draft';
import type { Problem } from '../lib/dataset/validate';
import { ENTITY_KINDS, type EntityKind } from '../lib/schema/kinds';
import { KIND_LABEL } from './format';

export interface OptionsEntityFormProps {
  draft: EntityDraft;
  mode: 'create' | 'update';
  /** Problems with the draft as it is now (checked on every keystroke). */
  problems: readonly Problem[];
  onChange(draft: EntityDraft): void;
  onChangeKind(kind: EntityKind): void;
  onSubmit(): void;
  onCancel(): void;
  busy?: boolean;
}

const FLAGS: Array<[keyof Omit<AliasDraft, 'text'>, string]> = [
  ['caseSensitive', 'Case-sensitive'],
  ['needsContext', 'Needs context'],
  ['ambiguous', 'Shared with another entity'],
];

/** The entity editor: common fields as inputs, the rest as JSON; errors shown at the field they concern. */
export function OptionsEntityForm({
  draft,
  mode,
  problems,
  onChange,
  onChangeKind,
  onSubmit,
  onCancel,
  busy = false,
}: OptionsEntityFormProps) {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  const set = (patch: Partial<EntityDraft>) => onChange({ ...draft, ...patch });
  const setAlias = (i: number, patch: Partial<AliasDraft>) =>
    set({ aliases: draft.aliases.map((alias, j) => (j === i ? { ...alias, ...patch } : alias)) });
  const invalid = (field: string) =>
    byField.has(field) ? { 'aria-invalid': true as const, 'aria-describedby': `err-${field.replace(':', '-')}` } : {};

  return (
    <form
      class="entity-form"
      aria-label={mode === 'create' ? 'New entity' : `Edit ${draft.name || draft.id}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {mode === 'create' ? (
        <div class="form-row two">
          <label>
            Kind
            <select value={draft.kind} onChange={(e) => onChangeKind((e.target as HTMLSelectElement).value as EntityKind)}>
              {ENTITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Id (lowercase words joined by hyphens)
            <input
              name="id"
              value={draft.id}
              spellcheck={false}
              onInput={(e) => set({ id: (e.target as HTMLInputElement).value })}
              {...invalid('id')}
            />
          </label>
          <FieldErrors field="id" problems={byField.get('id')} />
        </div>
      ) : (
        <p class="muted">
          {KIND_LABEL[draft.kind]} · id <code>{draft.id}</code>
        </p>
      )}
      <label>
        Name
        <input name="name" value={draft.name} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} {...invalid('name')} />
      </label>
      <FieldErrors field="name" problems={byField.get('name')} />
      <label>
        Summary
        <textarea
          name="summary"
          rows={4}
          value={draft.summary}
          onInput={(e) => set({ summary: (e.target as HTMLTextAreaElement).value })}
          {...invalid('summary')}
        />
      </label>
      <FieldErrors field="summary" problems={byField.get('summary')} />
      <label>
        Web page (optional, http or https)
        <input
          name="url"
          type="url"
          value={draft.url}
          onInput={(e) => set({ url: (e.target as HTMLInputElement).value })}
          {...invalid('url')}
        />
      </label>
      <FieldErrors field="url" problems={byField.get('url')} />

      <fieldset class="aliases">
        <legend>Aliases: the names it goes by on pages</legend>
        <FieldErrors field="aliases" problems={byField.get('aliases')} />
        {draft.aliases.map((alias, i) => (
          <div class="alias-row" key={i}>
            <label>
              Alias {i + 1}
              <input
                value={alias.text}
                onInput={(e) => setAlias(i, { text: (e.target as HTMLInputElement).value })}
                {...invalid(`alias:${i}`)}
              />
            </label>
            {FLAGS.map(([flag, label]) => (
              <label key={flag} class="inline">
                <input
                  type="checkbox"
                  checked={alias[flag] === true}
                  onChange={(e) => setAlias(i, { [flag]: (e.target as HTMLInputElement).checked ? true : undefined })}
                />{' '}
                {label}
              </label>
            ))}
            <button
              type="button"
              aria-label={`Remove alias ${i + 1}`}
              onClick={() => set({ aliases: draft.aliases.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
            <FieldErrors field={`alias:${i}`} problems={byField.get(`alias:${i}`)} />
          </div>
        ))}
        <button type="button" onClick={() => set({ aliases: [...draft.aliases, { text: '' }] })}>
          Add alias
        </button>
      </fieldset>

      <label>
        Other fields (JSON): roles, relations, facts, quotes, timeline, sources and the {KIND_LABEL[draft.kind].toLowerCase()}’s own fields
        <textarea
          name="details"
          class="json"
          rows={14}
          spellcheck={false}
          value={draft.details}
          onInput={(e) => set({ details: (e.target as HTMLTextAreaElement).value })}
          {...invalid('details')}
        />
      </label>
      <FieldErrors field="details" problems={byField.get('details')} showPath />

      <p class="form-status" aria-live="polite" data-testid="form-status">
        {problems.length === 0
          ? 'No problems: ready to save.'
          : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before saving.`}
      </p>
      <div class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          {mode === 'create' ? 'Add entity' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FieldErrors({ field, problems, showPath = false }: { field: string; problems: Problem[] | undefined; showPath?: boolean }) {
  if (!problems?.length) return null;
  return (
    <ul class="field-errors error" id={`err-${field.replace(':', '-')}`}>
      {problems.map((problem, i) => (
        <li key={i}>
          {showPath && <code>{problem.path}</code>} {problem.message}
        </li>
      ))}
    </ul>
  );
}
