import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../lib/search/search-index';
import { KIND_LABEL } from './format';

export interface SearchBoxProps {
  search(query: string): Promise<SearchHit[]>;
  onChoose(hit: SearchHit): void;
  label?: string;
}

/**
 * A combobox: type to search, arrows to move, Enter to open, Esc to clear. Results are announced
 * to screen readers through the listbox and a live count.
 */
export function SearchBox({ search, onChoose, label = 'Search people, organisations, places and events' }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) {
      setHits([]);
      setActive(-1);
      return;
    }
    search(query)
      .then((result) => {
        if (ticket !== latest.current) return;
        setHits(result);
        setActive(result.length ? 0 : -1);
        setError(null);
      })
      .catch((e: unknown) => ticket === latest.current && setError(e instanceof Error ? e.message : String(e)));
  }, [query, search]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && active >= 0 && hits[active]) {
      event.preventDefault();
      onChoose(hits[active]);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div class="search">
      <label class="visually-hidden" for="bs-search">
        {label}
      </label>
      <input
        id="bs-search"
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="bs-results"
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `bs-hit-${active}` : undefined}
        placeholder="Search names…"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p class="visually-hidden" aria-live="polite">
        {query.trim() ? `${hits.length} result${hits.length === 1 ? '' : 's'}` : ''}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ul id="bs-results" role="listbox" aria-label="Results" class="results">
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`bs-hit-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'result active' : 'result'}
            onMouseEnter={() => setActive(i)}
            onClick={() => onChoose(hit)}
          >
            <span class="result-name">{hit.name}</span>
            <span class="result-kind">{KIND_LABEL[hit.kind]}</span>
            {hit.matched && <span class="result-alias">“{hit.matched}”</span>}
          </li>
        ))}
      </ul>
      {query.trim() && hits.length === 0 && !error && <p class="empty">No match for “{query}”.</p>}
    </div>
  );
}
