/**
 * Citations of a Source in CSL-JSON (what Zotero, Pandoc and citeproc read) and BibTeX, with the
 * date the reader retrieved it. Shared by the explorer's "Cite" buttons and the Python example's
 * expectations. Pure: no Node or browser API.
 */

/** The fields of a Source a citation needs (as the API returns them). */
export interface CitableSource {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, when known. */
  readonly published?: string | null;
  readonly url: string;
  /** en or es. */
  readonly language?: string | null;
}

/** CSL-JSON's date: `{ "date-parts": [[2026, 2, 5]] }` from YYYY, YYYY-MM or YYYY-MM-DD. */
function dateParts(date: string): { 'date-parts': number[][] } | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!match) return undefined;
  const parts = match.slice(1).filter((part): part is string => part !== undefined);
  return { 'date-parts': [parts.map((part) => Number.parseInt(part, 10))] };
}

/** One CSL-JSON item (an online news or report article), retrieved on `retrieved` (YYYY-MM-DD). */
export function cslJson(source: CitableSource, retrieved: string): Record<string, unknown> {
  const issued = source.published ? dateParts(source.published) : undefined;
  return {
    id: source.id,
    type: 'article-newspaper',
    title: source.title,
    'container-title': source.publisher,
    publisher: source.publisher,
    ...(issued ? { issued } : {}),
    URL: source.url,
    accessed: dateParts(retrieved),
    ...(source.language ? { language: source.language } : {}),
  };
}

/** Characters BibTeX treats specially, escaped so the field reads back as written. */
function bibtexText(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX key: letters, digits and - only. */
const bibtexKey = (id: string): string => id.replace(/[^A-Za-z0-9-]/g, '-');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One `@online` entry (biblatex; plain BibTeX styles read it as `@misc`), retrieved on `retrieved`. */
export function bibtex(source: CitableSource, retrieved: string): string {
  const fields: [string, string][] = [
    ['title', `{${bibtexText(source.title)}}`],
    ['organization', `{${bibtexText(source.publisher)}}`],
  ];
  const published = source.published ? /^(\d{4})(?:-(\d{2}))?/.exec(source.published) : null;
  if (published?.[1]) {
    fields.push(['year', `{${published[1]}}`]);
    const month = published[2] ? MONTHS[Number.parseInt(published[2], 10) - 1] : undefined;
    if (month) fields.push(['month', month]);
    fields.push(['date', `{${source.published}}`]);
  }
  fields.push(['url', `{${source.url}}`], ['urldate', `{${retrieved}}`]);
  fields.push(['note', `{Retrieved ${retrieved}}`]);
  if (source.language) fields.push(['langid', `{${source.language === 'es' ? 'spanish' : 'english'}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@online{${bibtexKey(source.id)},\n${body}\n}\n`;
}

/** Today as YYYY-MM-DD (UTC): the retrieval date a citation made now carries. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
