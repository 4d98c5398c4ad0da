import { Entity, type Alias, type EntityKind } from '../schema/dataset';
import { formatPath, type Problem } from './validate';

/**
 * The entity editor's working copy: the common fields as form inputs, everything else (roles,
 * relations, facts, quotes, timeline, the kind's own fields) as one JSON text. `checkDraft` turns it
 * back into an entity with the dataset's own Zod schema, so the form validates exactly like an import.
 */
export interface AliasDraft {
  text: string;
  caseSensitive?: boolean;
  needsContext?: boolean;
  ambiguous?: boolean;
}

export interface EntityDraft {
  id: string;
  kind: EntityKind;
  name: string;
  summary: string;
  url: string;
  aliases: AliasDraft[];
  /** The other fields, as a JSON object. */
  details: string;
}

export const FORM_FIELDS = ['id', 'kind', 'name', 'summary', 'url', 'aliases'] as const;
export const DETAILS_PATH = '$.details';

/** What a new entity of each kind needs besides the common fields. */
const TEMPLATES: Record<EntityKind, Record<string, unknown>> = {
  person: { roles: [{ title: '' }] },
  organization: { orgType: 'other' },
  place: { placeType: 'other' },
  event: { eventType: 'other', start: '', place: '' },
};

export function newDraft(kind: EntityKind): EntityDraft {
  return { id: '', kind, name: '', summary: '', url: '', aliases: [{ text: '' }], details: JSON.stringify(TEMPLATES[kind], null, 2) };
}

export function draftFromEntity(entity: Entity): EntityDraft {
  const { id, kind, name, summary, url, aliases, ...rest } = entity;
  return {
    id,
    kind,
    name,
    summary,
    url: url ?? '',
    aliases: aliases.map((alias) => ({ ...alias })),
    details: JSON.stringify(rest, null, 2),
  };
}

/** A new kind keeps the common fields and starts the details again from the kind's template. */
export function changeKind(draft: EntityDraft, kind: EntityKind): EntityDraft {
  return { ...draft, kind, details: JSON.stringify(TEMPLATES[kind], null, 2) };
}

export interface DraftCheck {
  entity?: Entity;
  problems: Problem[];
}

export function checkDraft(draft: EntityDraft): DraftCheck {
  const problems: Problem[] = [];
  const details = parseDetails(draft.details, problems);
  const candidate: Record<string, unknown> = {
    id: draft.id.trim(),
    kind: draft.kind,
    name: draft.name,
    aliases: draft.aliases.map(toAlias),
    summary: draft.summary,
    ...(details ?? {}),
  };
  if (draft.url.trim()) candidate.url = draft.url.trim();
  const parsed = Entity.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 100)) problems.push({ path: formatPath(issue.path), message: issue.message });
  }
  return parsed.success && details !== null && problems.length === 0 ? { entity: parsed.data, problems } : { problems };
}

function toAlias(alias: AliasDraft): Alias {
  const out: Alias = { text: alias.text };
  if (alias.caseSensitive !== undefined) out.caseSensitive = alias.caseSensitive;
  if (alias.needsContext !== undefined) out.needsContext = alias.needsContext;
  if (alias.ambiguous !== undefined) out.ambiguous = alias.ambiguous;
  return out;
}

/** The details object, or null (with a problem) when the text is not a JSON object of other fields. */
function parseDetails(text: string, problems: Problem[]): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch (error) {
    problems.push({ path: DETAILS_PATH, message: `not valid JSON: ${(error as Error).message}` });
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: DETAILS_PATH, message: 'must be a JSON object, like { "roles": [] }' });
    return null;
  }
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if ((FORM_FIELDS as readonly string[]).includes(key)) {
      problems.push({ path: `${DETAILS_PATH}.${key}`, message: `"${key}" has its own field above; remove it from the details` });
    }
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      problems.push({ path: `${DETAILS_PATH}.${key}`, message: `the key "${key}" is not allowed` });
      return null;
    }
  }
  return fields;
}

/** Which form field a problem belongs to: 'name', 'alias:2', or 'details' for everything else. */
export function fieldOf(path: string): string {
  const alias = /^\$\.aliases\[(\d+)\]/.exec(path);
  if (alias) return `alias:${alias[1]}`;
  const top = /^\$\.(id|kind|name|summary|url|aliases)$/.exec(path);
  return top ? top[1]! : 'details';
}
