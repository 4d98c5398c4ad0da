import { compareDates, isAfter, roleAsOf } from '../lib/card/as-of';
import type { Entity, EntityKind, Source } from '../lib/schema/dataset';
import { formatDate, formatDateWithCertainty, KIND_LABEL, safeHref, sourceLabel } from './format';

export interface EntityRef {
  name: string;
  kind: EntityKind;
}

export interface EntityCardProps {
  entity: Entity;
  /** Sources by id (those the entity cites). */
  sources: ReadonlyMap<string, Source>;
  /** Names of other entities, for speakers, claimants and related entities. */
  lookup(id: string): EntityRef | undefined;
  /** Opens another entity's card in place; links are plain text without it. */
  onOpenEntity?(id: string): void;
  /** Shown above the name: a back button when the card was reached from another card. */
  onBack?(): void;
  headingId: string;
  /** Heading level of the name: 2 on pages, lower inside the popup. */
  level?: 2 | 3;
  /** The article's publication date: items dated after it are "later". */
  asOf?: string;
  /** What to do with items dated after `asOf`. */
  laterFacts?: 'label' | 'hide';
}

/**
 * The card: everything Backstory knows about one entity, as plain text. Used on news pages
 * (inside a shadow root), in the popup and on the options page, so the views never drift apart.
 */
export function EntityCard({
  entity,
  sources,
  lookup,
  onOpenEntity,
  onBack,
  headingId,
  level = 2,
  asOf,
  laterFacts = 'label',
}: EntityCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const current = entity.kind === 'person' ? roleAsOf(entity.roles, asOf) : { role: undefined, later: false };
  const role = current.role;
  const later = (date: string | undefined) => isAfter(date, asOf);
  const visible = <T extends { date?: string }>(items: readonly T[] | undefined) =>
    (items ?? []).filter((item) => laterFacts === 'label' || !later(item.date));
  // What was known at the article's date comes first (most recent first); later items follow, labelled.
  const byRecency = <T extends { date?: string }>(items: T[]) => [...items].sort((a, b) => compareDates(b.date, a.date));
  const known = <T extends { date?: string }>(items: T[]) => byRecency(items.filter((item) => !later(item.date)));
  const after = <T extends { date?: string }>(items: T[]) => byRecency(items.filter((item) => later(item.date))).slice(0, 2);
  const facts = [...known(visible(entity.facts)).slice(0, 4), ...after(visible(entity.facts))];
  const quotes = [...known(visible(entity.quotes)).slice(0, 2), ...after(visible(entity.quotes)).slice(0, 1)];
  const timeline = [...visible(entity.timeline)].sort((a, b) => compareDates(a.date, b.date));
  const LaterTag = ({ date }: { date: string | undefined }) => (later(date) ? <span class="bs-later">later</span> : null);
  const name = (id: string) => lookup(id)?.name ?? id;
  const cite = (id: string | undefined) => {
    const source = id ? sources.get(id) : undefined;
    return source ? source.publisher : undefined;
  };
  const citedIds = [
    ...new Set([...(entity.sources ?? []), ...(entity.facts ?? []).map((f) => f.source), ...(entity.quotes ?? []).map((q) => q.source)]),
  ];

  return (
    <article class="bs-card" data-kind={entity.kind}>
      <header class="bs-head">
        {onBack && (
          <button type="button" class="bs-back" onClick={onBack} aria-label="Back to the previous card">
            ‹ Back
          </button>
        )}
        <p class="bs-kind">{kindLine(entity)}</p>
        <Heading id={headingId} class="bs-name">
          {entity.name}
        </Heading>
        {role && (
          <p class="bs-role">
            {role.title}
            {role.organization && lookup(role.organization) && !role.title.includes(name(role.organization))
              ? `, ${name(role.organization)}`
              : ''}
            {role.asOf ? <span class="bs-muted"> · as of {formatDate(role.asOf)}</span> : null}
            {current.later && <span class="bs-later">later</span>}
          </p>
        )}
        {asOf && (
          <p class="bs-asof bs-muted">
            As of this article ({formatDate(asOf)}){laterFacts === 'hide' ? '; later items hidden' : ''}
          </p>
        )}
      </header>
      <p class="bs-summary">{entity.summary}</p>

      {facts.length > 0 && (
        <section aria-label="Facts and figures">
          <Sub class="bs-sub">Facts and figures</Sub>
          <ul class="bs-list">
            {facts.map((fact, i) => (
              <li key={i}>
                <LaterTag date={fact.date} />
                {fact.figure && <strong class="bs-figure">{fact.figure} </strong>}
                {fact.text}
                <span class="bs-attr">
                  {' — '}
                  {fact.attribution ?? (fact.claimedBy?.length ? `according to ${fact.claimedBy.map(name).join(', ')}` : cite(fact.source))}
                  {fact.date ? `, ${formatDateWithCertainty(fact.date, fact.dateCertainty)}` : ''}
                  {cite(fact.source) ? ` (${cite(fact.source)})` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {quotes.length > 0 && (
        <section aria-label="Quotes">
          <Sub class="bs-sub">Said</Sub>
          {quotes.map((quote, i) => (
            <figure key={i} class="bs-quote">
              <blockquote>“{quote.text}”</blockquote>
              <figcaption>
                <LaterTag date={quote.date} />
                {name(quote.speaker)}
                {quote.date ? `, ${formatDateWithCertainty(quote.date, quote.dateCertainty)}` : ''}
                {cite(quote.source) ? ` · ${cite(quote.source)}` : ''}
              </figcaption>
            </figure>
          ))}
        </section>
      )}

      {timeline.length > 0 && (
        <section aria-label="Timeline">
          <Sub class="bs-sub">Timeline</Sub>
          <ol class="bs-timeline">
            {timeline.slice(0, 5).map((item, i) => (
              <li key={i}>
                <time dateTime={item.date}>{formatDateWithCertainty(item.date, item.dateCertainty)}</time> <LaterTag date={item.date} />
                {item.text}
              </li>
            ))}
          </ol>
        </section>
      )}

      {entity.relations && entity.relations.length > 0 && (
        <section aria-label="Related">
          <Sub class="bs-sub">Related</Sub>
          <ul class="bs-related">
            {uniqueTargets(entity).map((id) => (
              <li key={id}>
                {onOpenEntity && lookup(id) ? (
                  <button type="button" class="bs-link" onClick={() => onOpenEntity(id)}>
                    {name(id)}
                  </button>
                ) : (
                  <span>{name(id)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {citedIds.length > 0 && (
        <footer class="bs-sources" aria-label="Sources">
          <Sub class="bs-sub">Sources</Sub>
          <ul class="bs-list">
            {citedIds.map((id) => {
              const source = sources.get(id);
              if (!source) return null;
              const href = safeHref(source.url);
              return (
                <li key={id}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {source.title}
                    </a>
                  ) : (
                    <cite>{source.title}</cite>
                  )}
                  <span class="bs-muted"> — {sourceLabel(source)}</span>
                </li>
              );
            })}
          </ul>
        </footer>
      )}
    </article>
  );
}

function kindLine(entity: Entity): string {
  switch (entity.kind) {
    case 'person':
      return KIND_LABEL.person;
    case 'organization':
      return `${KIND_LABEL.organization} · ${entity.orgType.replace(/-/g, ' ')}`;
    case 'place':
      return `${KIND_LABEL.place} · ${entity.placeType}`;
    case 'event':
      return `${KIND_LABEL.event} · ${formatDateWithCertainty(entity.start, entity.dateCertainty)}${entity.end ? ` – ${formatDate(entity.end)}` : ''}`;
  }
}

function uniqueTargets(entity: Entity): string[] {
  return [...new Set((entity.relations ?? []).map((relation) => relation.target))].filter((id) => id !== entity.id).slice(0, 8);
}
