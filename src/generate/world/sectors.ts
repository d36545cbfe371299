import { pad2, type OutputRecord } from '../model.js';
import { HS_CHAPTERS, HS_HEADINGS, HS_SUBHEADINGS } from '../vocabulary.js';
import { synthetic, type WorldContext } from './context.js';

/** The product hierarchy, and the groups the other parts of the world draw sectors from. */
export interface Sectors {
  readonly records: OutputRecord[];
  readonly chapterIds: readonly string[];
  readonly headingIds: readonly string[];
  readonly subheadingIds: readonly string[];
  /** Subheadings of vehicles (8701–8704): what makers and brands make. */
  readonly vehicleSectors: readonly string[];
  /** The other subheadings: what suppliers make. */
  readonly partSectors: readonly string[];
  readonly sectorNames: ReadonlyMap<string, string>;
}

/** Sectors: chapters > headings > subheadings, as in the Harmonized System. */
export function buildSectors(world: WorldContext): Sectors {
  const { sizes, nomenclature } = world;
  const records: OutputRecord[] = [];
  const headingIds: string[] = [];
  const subheadingIds: string[] = [];
  const sectorNames = new Map<string, string>();
  const chapterIds: string[] = [];
  const sector = (code: string, name: string, parent: string | null): string => {
    const id = `g-hs-${code}`;
    records.push({
      id,
      name,
      description: synthetic(`HS-like product group ${code}`),
      sources: [nomenclature],
      hsCodes: [code],
    });
    sectorNames.set(id, name);
    if (parent) world.claims.push({ type: 'SUBSECTOR_OF', from: id, to: parent, source: nomenclature });
    return id;
  };
  /** A numbered code below `parent` that no named or earlier code uses, from `start` on. */
  const usedCodes = new Set<string>([
    ...Object.values(HS_HEADINGS).flatMap((list) => list.map(([code]) => code)),
    ...Object.values(HS_SUBHEADINGS).flatMap((list) => list.map(([code]) => code)),
  ]);
  const numbered = (parent: string, start: number, name: (code: string) => string): [string, string] => {
    for (let n = 0; n < 99; n += 1) {
      const code = `${parent}${pad2(((start - 1 + n) % 99) + 1)}`;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return [code, name(code)];
      }
    }
    throw new RangeError(`no free HS code left below ${parent}`);
  };
  for (const [chapter, chapterName] of HS_CHAPTERS.slice(0, sizes.chapters)) {
    const chapterId = sector(chapter, chapterName, null);
    chapterIds.push(chapterId);
    const named = HS_HEADINGS[chapter] ?? [];
    for (let h = 0; h < sizes.headingsPerChapter; h += 1) {
      const [heading, headingName] =
        named[h] ?? numbered(chapter, h * 7 + 1, (code) => `${chapterName}, heading ${code}`);
      const headingId = sector(heading, headingName, chapterId);
      headingIds.push(headingId);
      const namedSub = HS_SUBHEADINGS[heading] ?? [];
      for (let s = 0; s < sizes.subheadingsPerHeading; s += 1) {
        const [sub, subName] =
          namedSub[s] ??
          numbered(heading, s * 10 + 10, (code) => `${headingName}, subheading ${heading}.${code.slice(-2)}`);
        subheadingIds.push(sector(sub, subName, headingId));
      }
    }
  }
  const vehicleSectors = subheadingIds.filter((id) => /^g-hs-870[1-4]/.test(id));
  const partSectors = subheadingIds.filter((id) => !/^g-hs-870[1-4]/.test(id));
  if (vehicleSectors.length === 0) vehicleSectors.push(chapterIds[0] ?? 'g-hs-87');
  if (partSectors.length === 0) partSectors.push(...subheadingIds, ...chapterIds);
  return { records, chapterIds, headingIds, subheadingIds, vehicleSectors, partSectors, sectorNames };
}
