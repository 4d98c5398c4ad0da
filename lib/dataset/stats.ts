import type { Dataset } from '../schema/dataset';
import { zeroPerKind, type EntityKind } from '../schema/kinds';

export interface DatasetStats {
  entities: number;
  byKind: Record<EntityKind, number>;
  aliases: number;
  facts: number;
  quotes: number;
  timeline: number;
  relations: number;
  sources: number;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const stats: DatasetStats = {
    entities: dataset.entities.length,
    byKind: zeroPerKind(),
    aliases: 0,
    facts: 0,
    quotes: 0,
    timeline: 0,
    relations: 0,
    sources: dataset.sources.length,
  };
  for (const entity of dataset.entities) {
    stats.byKind[entity.kind]++;
    stats.aliases += entity.aliases.length;
    stats.facts += entity.facts?.length ?? 0;
    stats.quotes += entity.quotes?.length ?? 0;
    stats.timeline += entity.timeline?.length ?? 0;
    stats.relations += entity.relations?.length ?? 0;
  }
  return stats;
}
