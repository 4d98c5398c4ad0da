import type { EditStatus } from '../lib/dataset/edits';
import type { BrowseItem } from '../lib/db/browse';
import { KIND_LABEL } from './format';

export interface OptionsEntityListProps {
  items: readonly BrowseItem[];
  selected: string | null;
  onSelect(id: string): void;
}

export const EDIT_LABEL: Record<EditStatus, string> = { changed: 'edited', added: 'added', deleted: 'deleted' };

/** One page of entities; each name is a button that opens the entity. */
export function OptionsEntityList({ items, selected, onSelect }: OptionsEntityListProps) {
  return (
    <table class="entity-list">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Id</th>
          <th scope="col">Local</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} class={item.id === selected ? 'selected' : undefined} data-id={item.id}>
            <td>
              <button type="button" class="link" aria-current={item.id === selected ? 'true' : undefined} onClick={() => onSelect(item.id)}>
                {item.name}
              </button>
            </td>
            <td>{KIND_LABEL[item.kind]}</td>
            <td class="muted">{item.id}</td>
            <td>{item.edit && <span class={`badge ${item.edit}`}>{EDIT_LABEL[item.edit]}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
