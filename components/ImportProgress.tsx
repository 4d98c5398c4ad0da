export interface ImportProgressProps {
  /** The stages in order, with their labels. */
  stages: readonly { id: string; label: string }[];
  current: string;
  /** What is being imported, e.g. the file name. */
  subject: string;
  onCancel?(): void;
}

/** A real <progress> over the import's stages, with the stage named in words and announced. */
export function ImportProgress({ stages, current, subject, onCancel }: ImportProgressProps) {
  const index = Math.max(
    0,
    stages.findIndex((stage) => stage.id === current),
  );
  const label = stages[index]?.label ?? '';
  return (
    <div class="import-progress" data-testid="import-progress">
      <label class="progress-label">
        <span aria-live="polite" data-testid="import-stage" data-stage={current}>
          {label}… (step {index + 1} of {stages.length})
        </span>
        <progress max={stages.length} value={index + 0.5} aria-valuetext={`${label}, step ${index + 1} of ${stages.length}`} />
      </label>
      <p class="muted">{subject}</p>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      )}
    </div>
  );
}
