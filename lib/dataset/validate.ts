import { Dataset, type Entity } from '../schema/dataset';
import { aliasKey } from '../text/fold';

export interface Problem {
  /** JSON path of the offending value, e.g. `$.entities[3].aliases[0].text`. */
  path: string;
  /** Id of the entity the problem is in, when there is one. */
  entityId?: string;
  message: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/** The largest dataset accepted, in characters of its text. */
export const MAX_DATASET_BYTES = 32 * 1024 * 1024;
/**
 * A file of this many bytes is over MAX_DATASET_BYTES whatever its encoding (UTF-8 takes at most three
 * bytes per UTF-16 unit): it is refused without being read into a string.
 */
export const MAX_FILE_BYTES = MAX_DATASET_BYTES * 3;
const MAX_DEPTH = 32;
const MAX_PROBLEMS = 500;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export function formatProblem(problem: Problem): string {
  const where = problem.entityId ? ` (entity "${problem.entityId}")` : '';
  return `${problem.path}: ${problem.message}${where}`;
}

/** Parses and validates dataset text. Never throws. */
export function validateDatasetText(text: string): ValidationResult {
  const parsed = parseDatasetText(text);
  return parsed.ok ? validateDataset(parsed.raw) : parsed;
}

/** The first step of `validateDatasetText` on its own (size limit, JSON syntax), for imports run in stages. */
export function parseDatasetText(text: string): { ok: true; raw: unknown } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_DATASET_BYTES) return { ok: false, problems: [tooLarge(text.length)] };
  try {
    return { ok: true, raw: JSON.parse(text) as unknown };
  } catch (error) {
    return fail('$', `not valid JSON: ${(error as Error).message}`);
  }
}

/** The problem for a file over the size limit (also used by callers that refuse a file before reading it). */
export function tooLarge(size: number): Problem {
  return {
    path: '$',
    message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB; datasets over ${MAX_DATASET_BYTES / 1024 / 1024} MB are not accepted`,
  };
}

/** Validates an already parsed value: shape first, then the rules that need the whole dataset. */
export function validateDataset(raw: unknown): ValidationResult {
  const structural = checkStructure(raw);
  if (structural.length) return { ok: false, problems: structural };

  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
      path: formatPath(issue.path),
      entityId: entityIdAt(raw, issue.path),
      message: issue.message,
    }));
    return { ok: false, problems };
  }
  const problems = checkIntegrity(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

function fail(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}

function entityIdAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'entities' || typeof path[1] !== 'number') return undefined;
  const entities = (raw as { entities?: unknown }).entities;
  const entity = Array.isArray(entities) ? entities[path[1]] : undefined;
  const id = entity && typeof entity === 'object' ? (entity as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 120) : undefined;
}

/** A place in the parsed value: its key and its parent, so no path is copied until one is reported. */
interface Place {
  value: object;
  key: PropertyKey | null;
  parent: Place | null;
  depth: number;
}

function pathOf(place: Place | null): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = place; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Depth and key checks done iteratively, so hostile nesting cannot overflow the stack. Only objects
 * and arrays are visited (a 32 MB array of numbers queues nothing), and each visited one holds its key
 * and parent rather than a copy of its whole path, so memory stays proportional to the input.
 */
export function checkStructure(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  if (raw === null || typeof raw !== 'object') return problems;
  const stack: Place[] = [{ value: raw, key: null, parent: null, depth: 0 }];
  const visit = (value: unknown, key: PropertyKey, parent: Place) => {
    if (value !== null && typeof value === 'object') stack.push({ value, key, parent, depth: parent.depth + 1 });
  };
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const place = stack.pop()!;
    const { value } = place;
    if (place.depth > MAX_DEPTH) {
      problems.push({ path: formatPath(pathOf(place).slice(0, MAX_DEPTH + 1)), message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) visit(value[i], i, place);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        const path = pathOf(place);
        problems.push({ path: formatPath([...path, key]), entityId: entityIdAt(raw, path), message: `the key "${key}" is not allowed` });
        continue;
      }
      visit((value as Record<string, unknown>)[key], key, place);
    }
  }
  return problems;
}

/** Rules across the dataset: unique ids, resolvable references, aliases not silently shared. */
export function checkIntegrity(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const sourceIds = new Set<string>();
  dataset.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) problems.push({ path: `$.sources[${i}].id`, message: `duplicate source id "${source.id}"` });
    sourceIds.add(source.id);
  });
  const entityIds = new Set<string>();
  dataset.entities.forEach((entity, i) => {
    if (entityIds.has(entity.id))
      problems.push({ path: `$.entities[${i}].id`, entityId: entity.id, message: `duplicate entity id "${entity.id}"` });
    entityIds.add(entity.id);
  });

  const aliasOwners = new Map<string, { entityId: string; ambiguous: boolean }>();
  dataset.entities.forEach((entity, i) => {
    const at = (rest: string) => `$.entities[${i}]${rest}`;
    const report = (rest: string, message: string) => problems.push({ path: at(rest), entityId: entity.id, message });
    const entityRef = (rest: string, id: string | undefined) => {
      if (id !== undefined && !entityIds.has(id)) report(rest, `refers to unknown entity "${id}"`);
    };
    const sourceRef = (rest: string, id: string | undefined) => {
      if (id !== undefined && !sourceIds.has(id)) report(rest, `cites unknown source "${id}"`);
    };
    for (const [rest, id] of references(entity)) {
      if (rest.endsWith('.source') || rest.startsWith('.sources[')) sourceRef(rest, id);
      else entityRef(rest, id);
    }
    entity.aliases.forEach((alias, j) => {
      const key = aliasKey(alias.text, alias.caseSensitive ?? false);
      if (!key) {
        report(`.aliases[${j}].text`, 'must contain a letter or digit');
        return;
      }
      const owner = aliasOwners.get(key);
      if (owner && owner.entityId !== entity.id && !(owner.ambiguous && alias.ambiguous)) {
        report(
          `.aliases[${j}].text`,
          `alias "${alias.text}" is also an alias of "${owner.entityId}"; mark both "ambiguous" if that is intended`,
        );
      }
      if (!owner) aliasOwners.set(key, { entityId: entity.id, ambiguous: alias.ambiguous ?? false });
    });
  });
  return problems.slice(0, MAX_PROBLEMS);
}

/** Every reference an entity makes, as [path within the entity, referenced id]. */
function* references(entity: Entity): Generator<[string, string | undefined]> {
  for (const [i, id] of (entity.sources ?? []).entries()) yield [`.sources[${i}]`, id];
  for (const [i, r] of (entity.relations ?? []).entries()) {
    yield [`.relations[${i}].target`, r.target];
    yield [`.relations[${i}].source`, r.source];
  }
  for (const [i, f] of (entity.facts ?? []).entries()) {
    yield [`.facts[${i}].source`, f.source];
    for (const [j, id] of (f.claimedBy ?? []).entries()) yield [`.facts[${i}].claimedBy[${j}]`, id];
  }
  for (const [i, q] of (entity.quotes ?? []).entries()) {
    yield [`.quotes[${i}].source`, q.source];
    yield [`.quotes[${i}].speaker`, q.speaker];
  }
  for (const [i, t] of (entity.timeline ?? []).entries()) yield [`.timeline[${i}].source`, t.source];
  switch (entity.kind) {
    case 'person':
      yield ['.nationality', entity.nationality];
      for (const [i, role] of entity.roles.entries()) {
        yield [`.roles[${i}].organization`, role.organization];
        yield [`.roles[${i}].source`, role.source];
      }
      break;
    case 'organization':
      yield ['.parent', entity.parent];
      yield ['.country', entity.country];
      break;
    case 'place':
      yield ['.locatedIn', entity.locatedIn];
      break;
    case 'event':
      yield ['.place', entity.place];
      for (const [i, id] of (entity.participants ?? []).entries()) yield [`.participants[${i}]`, id];
      for (const [i, phase] of (entity.phases ?? []).entries()) yield [`.phases[${i}].source`, phase.source];
      break;
  }
}
