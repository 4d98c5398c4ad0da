import { useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '../lib/dataset/validate';

export interface ImportProblemsProps {
  problems: readonly Problem[];
  /** What was refused, e.g. "gazette.json is not a valid dataset. Nothing was imported." */
  heading: string;
  /** Paths relative to the entity they are in (edits) rather than to the file. */
  entityRelative?: boolean;
}

/**
 * Every problem of a refused import, with its JSON path and entity id, and next/previous buttons
 * that move focus from one to the next ("3 of 12"). The heading is announced when it appears.
 */
export function ImportProblems({ problems, heading, entityRelative = false }: ImportProblemsProps) {
  const [current, setCurrent] = useState(0);
  const items = useRef<Array<HTMLLIElement | null>>([]);
  const moved = useRef(false);

  useEffect(() => setCurrent(0), [problems]);
  useEffect(() => {
    if (moved.current) items.current[current]?.focus();
    moved.current = false;
  }, [current]);

  const go = (index: number) => {
    moved.current = true;
    setCurrent(Math.max(0, Math.min(problems.length - 1, index)));
  };
  const count = problems.length;

  return (
    <section class="problems" aria-label="Problems">
      <p role="alert" class="error problems-heading">
        {heading} {count === 1 ? 'There is 1 problem.' : `There are ${count} problems.`}
      </p>
      {count > 1 && (
        <div class="problem-nav">
          <button type="button" onClick={() => go(current - 1)} disabled={current === 0}>
            Previous problem
          </button>
          <span aria-live="polite" data-testid="problem-position">
            {current + 1} of {count}
          </span>
          <button type="button" onClick={() => go(current + 1)} disabled={current === count - 1}>
            Next problem
          </button>
        </div>
      )}
      <ol class="problem-list">
        {problems.map((problem, i) => (
          <li
            key={`${i}:${problem.path}`}
            ref={(el) => {
              items.current[i] = el;
            }}
            tabIndex={-1}
            class={i === current ? 'problem current' : 'problem'}
            aria-current={i === current ? 'true' : undefined}
            data-testid="problem"
            onClick={() => setCurrent(i)}
          >
            <code class="problem-path">{problem.path}</code>
            {problem.entityId && (
              <span class="problem-entity">
                {entityRelative ? 'in' : 'entity'} “{problem.entityId}”
              </span>
            )}
            <span class="problem-message">{problem.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
