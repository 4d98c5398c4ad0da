import { countByEntity, type ScanMention } from './scan';

export interface ScanReport {
  file: string;
  mentions: ScanMention[];
  pageDate?: string;
}

/** The `--json` output: exactly one object, mentions in document order. */
export function formatJson(report: ScanReport): string {
  const mentions = report.mentions.map(({ text, start, end, entityId, name, kind, nested, outer }) =>
    nested ? { text, start, end, entityId, name, kind, nested, outer } : { text, start, end, entityId, name, kind },
  );
  return JSON.stringify({ file: report.file, mentions }, null, 2);
}

/** The readable output: one line per mention, then how often each entity was mentioned. */
export function formatText(report: ScanReport): string {
  const { file, mentions } = report;
  const lines: string[] = [];
  const counts = countByEntity(mentions);
  const dated = report.pageDate ? `, page dated ${report.pageDate}` : ', no publication date';
  lines.push(`${file}: ${plural(mentions.length, 'mention')} of ${plural(counts.length, 'entity', 'entities')}${dated}`);
  if (!mentions.length) return lines.join('\n');

  lines.push('');
  const width = String(mentions[mentions.length - 1]!.start).length;
  for (const mention of mentions) {
    const inside = mention.outer ? `, inside ${mention.outer}` : '';
    lines.push(
      `${String(mention.start).padStart(width)}  ${quote(mention.text)} → ${mention.name} (${mention.kind}, ${mention.entityId}${inside})`,
    );
  }

  lines.push('');
  const countWidth = String(counts[0]!.count).length;
  lines.push(`${'n'.padStart(countWidth)}  entity`);
  for (const row of counts) lines.push(`${String(row.count).padStart(countWidth)}  ${row.name} (${row.kind}, ${row.entityId})`);
  return lines.join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A mention's text on one line: a name split over lines in the source is shown with a space. */
function quote(text: string): string {
  return `"${text.replace(/\s+/g, ' ')}"`;
}
