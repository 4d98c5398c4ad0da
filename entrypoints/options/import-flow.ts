import { MAX_FILE_BYTES, tooLarge, type Problem } from '../../lib/dataset/validate';
import type { DiffSummary } from '../../lib/dataset/diff';
import type { ImportTarget } from '../../lib/db/import';
import type { StageResult } from '../../lib/messaging/protocol';
import { call } from '../../lib/ui/runtime-client';

/**
 * The import as the options page runs it. The page hands the file over (as a blob: URL); the
 * background service worker reads, parses, validates, compares and applies it, one message per stage, so the page never freezes (the
 * heavy work runs on the worker's thread) and the page can say which stage it is in. Nothing is
 * written before the apply stage.
 */
export type Stage = 'reading' | 'parsing' | 'validating' | 'diffing' | 'applying';

export const STAGES: ReadonlyArray<{ id: Stage; label: string }> = [
  { id: 'reading', label: 'Reading' },
  { id: 'parsing', label: 'Parsing' },
  { id: 'validating', label: 'Validating' },
  { id: 'diffing', label: 'Comparing with your data' },
  { id: 'applying', label: 'Applying' },
];

export type ImportSource =
  { kind: 'file'; file: File } | { kind: 'url'; url: string } | { kind: 'pending'; subscriptionId: string; label: string };

export type FlowOutcome =
  | { step: 'problems'; subject: string; problems: Problem[] }
  | { step: 'permission'; url: string; origin: string; message: string }
  | { step: 'error'; message: string }
  | { step: 'review'; token: string; subject: string; diff: DiffSummary; target: ImportTarget }
  | { step: 'cancelled' };

export function subjectOf(source: ImportSource): string {
  if (source.kind === 'file') return source.file.name;
  if (source.kind === 'url') return source.url;
  return source.label;
}

/** Lets the browser paint the new stage before the next piece of work. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runImport(source: ImportSource, onStage: (stage: Stage) => void, cancelled: () => boolean): Promise<FlowOutcome> {
  const subject = subjectOf(source);
  let staged: StageResult;
  if (source.kind === 'file') {
    onStage('reading');
    await nextFrame();
    if (source.file.size > MAX_FILE_BYTES) return { step: 'problems', subject, problems: [tooLarge(source.file.size)] };
    // The background reads the file through a blob: URL, much faster than copying its text into a message.
    const url = URL.createObjectURL(source.file);
    try {
      staged = await call('stageImport', { source: { kind: 'blob', name: source.file.name.slice(0, 300), url } });
    } finally {
      URL.revokeObjectURL(url);
    }
  } else {
    onStage('reading');
    await nextFrame();
    staged = await call('stageImport', {
      source: source.kind === 'url' ? { kind: 'url', url: source.url } : { kind: 'pending', subscriptionId: source.subscriptionId },
    });
  }
  if (!staged.ok) {
    if (staged.reason === 'invalid') return { step: 'problems', subject, problems: staged.problems };
    if (staged.reason === 'needs-permission') return { step: 'permission', url: subject, origin: staged.origin, message: staged.message };
    return { step: 'error', message: staged.message };
  }
  const { token } = staged;
  const stop = async (): Promise<FlowOutcome> => {
    await call('cancelImport', { token });
    return { step: 'cancelled' };
  };
  if (cancelled()) return stop();

  onStage('parsing');
  await nextFrame();
  const parsed = await call('parseImport', { token });
  if (!parsed.ok) return { step: 'problems', subject, problems: parsed.problems };
  if (cancelled()) return stop();

  onStage('validating');
  await nextFrame();
  const validated = await call('validateImport', { token });
  if (!validated.ok) return { step: 'problems', subject, problems: validated.problems };
  if (cancelled()) return stop();

  onStage('diffing');
  await nextFrame();
  const diffed = await call('diffImport', { token });
  if (!diffed.ok) return { step: 'error', message: diffed.message };
  if (cancelled()) return stop();
  const what = validated.kind === 'edits' ? `local edits from ${subject}` : `${validated.title} ${validated.version} (${subject})`;
  return { step: 'review', token, subject: what, diff: diffed.diff, target: diffed.target };
}
