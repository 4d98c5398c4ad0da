import {
  cardModel,
  type CardFact,
  type CardQuote,
  type CardRole,
  type EntityRef,
  type LaterFacts,
  type RelatedEntity,
} from '../lib/card/card-model';
import type { MarkReason } from '../lib/card/why-marked';
import type { AlsoEntry } from '../lib/db/pages';
import type { Entity, Source } from '../lib/schema/dataset';
import { formatDate, formatDateWithCertainty, KIND_LABEL, safeHref, sourceLabel } from './format';

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
  laterFacts?: LaterFacts;
  /** On a news page: why this mark is there, and the longer name it sits inside. */
  why?: MarkReason;
  /** Entities of other datasets that share a name with this one (the mark went to this one). */
  also?: readonly AlsoEntry[];
  /** The title of the dataset the entity comes from, named in each fact's and quote's provenance. */
  dataset?: string;
  /**
   * Only the card's first part: its head, its summary and the first of its lists (facts, quotes or
   * timeline). A card on a news page shows this at once, in the frame after the dwell, and renders
   * the rest in the task after that frame (see CardHost.show).
   */
  firstPart?: boolean;
}

/**
 * The card: everything Backstory knows about one entity, as plain text. Used on news pages
 * (inside a shadow root), in the popup and on the options page, so the views never drift apart.
 * What it shows is decided by `cardModel` (lib/card/card-model.ts); this only lays it out.
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
  why,
  also,
  dataset,
  firstPart = false,
}: EntityCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const model = cardModel(entity, { sources, lookup, asOf, laterFacts });
  // With `firstPart`, the lists after the first non-empty one are left out (rendered as nothing, so
  // the whole card rendered next only adds to the same places).
  const lists = [model.facts.length > 0, model.quotes.length > 0, model.timeline.length > 0];
  const last = firstPart ? Math.max(0, lists.indexOf(true)) : lists.length;
  const shows = (list: number) => lists[list] && list <= last;

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
        {model.role && <RoleLine role={model.role} />}
        {why && <WhyLine why={why} onOpenEntity={onOpenEntity} />}
        {also && also.length > 0 && <AlsoLine also={also} onOpenEntity={onOpenEntity} />}
        {asOf && (
          <p class="bs-asof bs-muted">
            As of this article ({formatDate(asOf)}){laterFacts === 'hide' ? '; later items hidden' : ''}
          </p>
        )}
      </header>
      <p class="bs-summary">{entity.summary}</p>

      {shows(0) && (
        <section aria-label="Facts and figures">
          <Sub class="bs-sub">Facts and figures</Sub>
          <ul class="bs-list">
            {model.facts.map((fact, i) => (
              <FactItem key={i} {...fact} dataset={dataset} />
            ))}
          </ul>
        </section>
      )}

      {shows(1) && (
        <section aria-label="Quotes">
          <Sub class="bs-sub">Said</Sub>
          {model.quotes.map((quote, i) => (
            <QuoteFigure key={i} {...quote} dataset={dataset} />
          ))}
        </section>
      )}

      {shows(2) && (
        <section aria-label="Timeline">
          <Sub class="bs-sub">Timeline</Sub>
          <ol class="bs-timeline">
            {model.timeline.map(({ item, later }, i) => (
              <li key={i}>
                <time dateTime={item.date}>{formatDateWithCertainty(item.date, item.dateCertainty)}</time> <LaterTag later={later} />
                {item.text}
              </li>
            ))}
          </ol>
        </section>
      )}

      {!firstPart && model.related && (
        <section aria-label="Related">
          <Sub class="bs-sub">Related</Sub>
          <ul class="bs-related">
            {model.related.map((related) => (
              <li key={related.id}>
                <RelatedLink related={related} onOpenEntity={onOpenEntity} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {!firstPart && model.sources && (
        <footer class="bs-sources" aria-label="Sources">
          <Sub class="bs-sub">Sources</Sub>
          <ul class="bs-list">
            {model.sources.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}

function LaterTag({ later }: { later: boolean }) {
  return later ? <span class="bs-later">later</span> : null;
}

function RoleLine({ role }: { role: CardRole }) {
  return (
    <p class="bs-role">
      {role.title}
      {role.organization ? `, ${role.organization}` : ''}
      {role.asOf ? <span class="bs-muted"> · as of {formatDate(role.asOf)}</span> : null}
      {role.later && <span class="bs-later">later</span>}
    </p>
  );
}

function FactItem({ fact, later, attribution, source, dataset }: CardFact & { dataset: string | undefined }) {
  return (
    <li>
      <LaterTag later={later} />
      {fact.figure && <strong class="bs-figure">{fact.figure} </strong>}
      {fact.text}
      {attribution && <span class="bs-attr">{` — ${attribution}`}</span>}{' '}
      <Provenance source={source} date={fact.date} certainty={fact.dateCertainty} dataset={dataset} />
    </li>
  );
}

function QuoteFigure({ quote, later, speaker, source, dataset }: CardQuote & { dataset: string | undefined }) {
  return (
    <figure class="bs-quote">
      <blockquote>“{quote.text}”</blockquote>
      <figcaption>
        <LaterTag later={later} />
        {speaker} <Provenance source={source} date={quote.date} certainty={quote.dateCertainty} dataset={dataset} />
      </figcaption>
    </figure>
  );
}

/**
 * A compact source line ("AP · 19 Aug 2024", the item's own date, else its source's), with the full
 * provenance (title, publisher, date and how sure it is, the dataset it comes from) one click or
 * Enter away.
 */
function Provenance({
  source,
  date,
  certainty,
  dataset,
}: {
  source: Source | undefined;
  date: string | undefined;
  certainty: Source['dateCertainty'] | undefined;
  dataset: string | undefined;
}) {
  if (!source) return date ? <span class="bs-attr">{formatDateWithCertainty(date, certainty)}</span> : null;
  const when = date ?? source.date;
  const href = safeHref(source.url);
  return (
    <details class="bs-prov">
      <summary class="bs-attr">
        {source.publisher} · {formatDate(when)}
      </summary>
      <span class="bs-prov-full">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {source.title}
          </a>
        ) : (
          <cite>{source.title}</cite>
        )}
        {`, ${sourceLabel(source)}`}
        {date ? `; dated ${formatDateWithCertainty(date, certainty)}` : ''}
        {dataset ? `; from the dataset “${dataset}”` : ''}
      </span>
    </details>
  );
}

function RelatedLink({ related, onOpenEntity }: { related: RelatedEntity; onOpenEntity: ((id: string) => void) | undefined }) {
  if (!onOpenEntity || !related.known) return <span>{related.name}</span>;
  return (
    <button type="button" class="bs-link" onClick={() => onOpenEntity(related.id)}>
      {related.name}
    </button>
  );
}

function SourceItem({ source }: { source: Source }) {
  const href = safeHref(source.url);
  return (
    <li>
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

/** Why the mark is there, and a link to the longer name it sits inside ("Part of Rafah offensive"). */
function WhyLine({ why, onOpenEntity }: { why: MarkReason; onOpenEntity?: (id: string) => void }) {
  const partOf = why.partOf;
  return (
    <p class="bs-why bs-muted">
      {why.because}
      {partOf && (
        <>
          {' Part of '}
          {onOpenEntity ? (
            <button type="button" class="bs-link" onClick={() => onOpenEntity(partOf.id)}>
              {partOf.name}
            </button>
          ) : (
            partOf.name
          )}
          .
        </>
      )}
    </p>
  );
}

/** "Also: Hamas (Another dataset)": the other datasets' entities that share this name. */
function AlsoLine({ also, onOpenEntity }: { also: readonly AlsoEntry[]; onOpenEntity?: (id: string) => void }) {
  return (
    <p class="bs-also bs-muted">
      {'Also: '}
      {also.map((entry, i) => (
        <span key={entry.id}>
          {i > 0 && ', '}
          {onOpenEntity ? (
            <button type="button" class="bs-link" onClick={() => onOpenEntity(entry.id)}>
              {entry.name}
            </button>
          ) : (
            entry.name
          )}
          {` in ${entry.dataset}`}
        </span>
      ))}
    </p>
  );
}
