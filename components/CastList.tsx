import type { CastEntry } from '../lib/messaging/content-protocol';
import { ENTITY_KINDS } from '../lib/schema/kinds';
import { KIND_LABEL, KIND_PLURAL } from './format';

export interface CastListProps {
  entries: CastEntry[];
  onJump(entry: CastEntry): void;
}

/** The cast of the page grouped by kind, each group in order of first appearance, with mention counts. */
export function CastList({ entries, onJump }: CastListProps) {
  return (
    <div class="cast">
      {ENTITY_KINDS.map((kind) => {
        const group = entries.filter((entry) => entry.kind === kind);
        if (!group.length) return null;
        return (
          <section key={kind} aria-labelledby={`cast-${kind}`}>
            <h3 id={`cast-${kind}`} class="cast-kind">
              {KIND_PLURAL[kind]} <span class="muted">({group.length})</span>
            </h3>
            <ul class="cast-list">
              {group.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    class="cast-item"
                    onClick={() => onJump(entry)}
                    aria-label={`${entry.name}, ${KIND_LABEL[entry.kind]}, ${entry.count} mention${entry.count === 1 ? '' : 's'}: show the next mention`}
                  >
                    <span class="cast-name">{entry.name}</span>
                    <span class="cast-count">{entry.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
