import { isFactField, sourceColumn } from '../domain/facts.js';
import { factCells } from '../records/record-kinds.js';
import type { GraphRecord } from '../records/graph-records.js';

/**
 * GraphML (http://graphml.graphdrawing.org/) of exported records, as NetworkX
 * (`networkx.read_graphml`) and Gephi read it: one directed graph, node ids are the graph's ids,
 * every node carries `kind` and `label` (its name, or a source's title), every edge `type` and
 * `label` (the relationship type). Claims carry `sourceId`, `asOf`, `role`, `since`, `until` and
 * `note`; a statistic's links to what it measures and cites are edges too (MEASURES, DESTINATION,
 * ORIGIN, FOR_SECTOR, PUBLISHED_BY, STATED_IN). Lists (aliases, sources, …) are written as one
 * string, items separated by `|`, since GraphML attributes are scalars.
 */

type AttributeType = 'string' | 'double';

interface Key {
  readonly id: string;
  readonly for: 'node' | 'edge';
  readonly name: string;
  readonly type: AttributeType;
}

/** Record fields of nodes, as GraphML attributes (a statistic's references get their stored names). */
const NODE_ATTRIBUTES: readonly [string, AttributeType][] = [
  ['kind', 'string'],
  ['label', 'string'],
  ['name', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
  ['wikidata', 'string'],
  ['sources', 'string'],
  ['companyType', 'string'],
  ['facilityType', 'string'],
  ['opened', 'string'],
  ['openedSource', 'string'],
  ['products', 'string'],
  ['nameEs', 'string'],
  ['nameEn', 'string'],
  ['founded', 'string'],
  ['foundedSource', 'string'],
  ['hsCodes', 'string'],
  ['naicsCodes', 'string'],
  ['policyType', 'string'],
  ['startDate', 'string'],
  ['startDateSource', 'string'],
  ['endDate', 'string'],
  ['endDateSource', 'string'],
  ['regionType', 'string'],
  ['title', 'string'],
  ['publisher', 'string'],
  ['published', 'string'],
  ['url', 'string'],
  ['language', 'string'],
  ['metric', 'string'],
  ['value', 'double'],
  ['unit', 'string'],
  ['qualifier', 'string'],
  ['low', 'double'],
  ['high', 'double'],
  ['period', 'string'],
  ['periodBasis', 'string'],
  ['subjectId', 'string'],
  ['destinationId', 'string'],
  ['originId', 'string'],
  ['sectorId', 'string'],
  ['publishedById', 'string'],
  ['sourceId', 'string'],
  ['changePercent', 'double'],
  ['changeComparedTo', 'string'],
  ['scope', 'string'],
];

const EDGE_ATTRIBUTES: readonly [string, AttributeType][] = [
  ['type', 'string'],
  ['label', 'string'],
  ['sourceId', 'string'],
  ['asOf', 'string'],
  ['role', 'string'],
  ['since', 'string'],
  ['until', 'string'],
  ['note', 'string'],
];

const KEYS: readonly Key[] = [
  ...NODE_ATTRIBUTES.map(([name, type], i) => ({ id: `n${i}`, for: 'node' as const, name, type })),
  ...EDGE_ATTRIBUTES.map(([name, type], i) => ({ id: `e${i}`, for: 'edge' as const, name, type })),
];

const keyOf = (target: 'node' | 'edge', name: string): Key => {
  const key = KEYS.find((each) => each.for === target && each.name === name);
  if (!key) throw new Error(`no GraphML key for ${target} attribute ${name}`);
  return key;
};

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML character data: markup escaped, characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const STATISTIC_FIELDS: Readonly<Record<string, string>> = {
  subject: 'subjectId',
  destination: 'destinationId',
  origin: 'originId',
  sector: 'sectorId',
  publishedBy: 'publishedById',
  source: 'sourceId',
};

const STATISTIC_LINKS: readonly [string, string][] = [
  ['subject', 'MEASURES'],
  ['destination', 'DESTINATION'],
  ['origin', 'ORIGIN'],
  ['sector', 'FOR_SECTOR'],
  ['publishedBy', 'PUBLISHED_BY'],
  ['source', 'STATED_IN'],
];

/** A statistic's name as the graph stores it: `MX exports to US 2026-01`. */
function statisticLabel(record: Record<string, unknown>): string {
  const where = typeof record.destination === 'string' ? ` to ${record.destination}` : '';
  return `${String(record.subject)} ${String(record.metric)}${where} ${String(record.period)}`;
}

function data(target: 'node' | 'edge', name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.map(String).join('|') : String(value);
  return `      <data key="${keyOf(target, name).id}">${xmlText(text)}</data>\n`;
}

/** Writes GraphML piece by piece: the header, then `element` per record, then the footer. */
export class GraphmlWriter {
  private edges = 0;

  header(): string {
    const keys = KEYS.map(
      (key) => `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>\n`,
    ).join('');
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keys +
      '  <graph id="tradegraph" edgedefault="directed">\n'
    );
  }

  private edge(from: string, to: string, type: string, properties: Record<string, unknown>): string {
    this.edges += 1;
    let text = `    <edge id="e${this.edges}" source="${xmlText(from)}" target="${xmlText(to)}">\n`;
    text += data('edge', 'type', type) + data('edge', 'label', type);
    for (const [name, value] of Object.entries(properties)) text += data('edge', name, value);
    return `${text}    </edge>\n`;
  }

  element({ kind, record }: GraphRecord): string {
    if (kind === 'Relationship') {
      const { type, from, to, source, ...rest } = record;
      return this.edge(String(from), String(to), String(type), { sourceId: source, ...rest });
    }
    const id = String(record.id);
    let text = `    <node id="${xmlText(id)}">\n`;
    text += data('node', 'kind', kind);
    text += data(
      'node',
      'label',
      kind === 'Source' ? record.title : kind === 'Statistic' ? statisticLabel(record) : record.name,
    );
    for (const [field, value] of Object.entries(record)) {
      if (field === 'id') continue;
      if (isFactField(field)) {
        // A dated fact field as CSV gives it: its values, and the source of each, `|`-separated.
        const { values, sources } = factCells(value);
        text +=
          data('node', field, values) + (sources === '' ? '' : data('node', sourceColumn(field), sources));
        continue;
      }
      text += data('node', kind === 'Statistic' ? (STATISTIC_FIELDS[field] ?? field) : field, value);
    }
    text += '    </node>\n';
    if (kind === 'Statistic') {
      for (const [field, type] of STATISTIC_LINKS) {
        const target = record[field];
        if (typeof target === 'string') text += this.edge(id, target, type, {});
      }
    }
    return text;
  }

  footer(): string {
    return '  </graph>\n</graphml>\n';
  }
}
