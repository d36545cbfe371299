import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { GENERATOR_PUBLISHER, type Claim, type OutputRecord, type WorldSizes } from '../model.js';
import { Random } from '../random.js';
import { SYLLABLES } from '../vocabulary.js';

countries.registerLocale(english);

/**
 * What every part of the world shares while it is built: the run's seed and sizes, the curated
 * ids it must never write, the sources and claims gathered so far (in the order the parts add
 * them: the files are byte-identical for a seed), and the made-up words.
 */
export interface WorldContext {
  readonly seed: number;
  readonly sizes: WorldSizes;
  readonly curatedIds: ReadonlySet<string>;
  readonly sources: OutputRecord[];
  readonly claims: Claim[];
  /** The register of entities: the source of names, places, ownership and roles. */
  readonly registry: string;
  readonly nomenclature: string;
  readonly policyDigest: string;
  /** Every ISO 3166-1 country id, sorted. */
  readonly countryIds: readonly string[];
  /** Adds a synthetic source and returns its id. */
  source(id: string, title: string, published: string, description: string): string;
  countryName(id: string): string;
  /** A made-up word (capitalised, never the same twice), for places and names. */
  newWord(): string;
  /** A chance drawn from the same stream as the words (a region's name is "Nuevo …" or not). */
  wordChance(probability: number): boolean;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The description of a generated entity. */
export const synthetic = (what: string): string => `Synthetic ${what}, made up by the tradegraph generator.`;

/** The context of a new world: its first three sources (registry, nomenclature, policy digest). */
export function startWorld(seed: number, sizes: WorldSizes, curatedIds: ReadonlySet<string>): WorldContext {
  const seedText = `seed ${seed}`;
  const sources: OutputRecord[] = [];
  const source = (id: string, title: string, published: string, description: string): string => {
    sources.push({
      id,
      title,
      publisher: GENERATOR_PUBLISHER,
      published,
      url: `https://example.org/tradegraph-synthetic/${seed}/${id}`,
      language: 'en',
      description: `Synthetic, made up by the tradegraph generator (${seedText}): ${description}`,
    });
    return id;
  };
  const registry = source(
    'g-source-registry',
    'Synthetic register of companies, facilities and people',
    '2026',
    'names, places, ownership and roles of generated entities.',
  );
  const nomenclature = source(
    'g-source-hs-nomenclature',
    'Synthetic product nomenclature (HS-like)',
    '2022',
    'an HS-like hierarchy of chapters, headings and subheadings.',
  );
  const policyDigest = source(
    'g-source-policy-digest',
    'Synthetic digest of trade policies',
    '2026',
    'generated agreements, tariffs, programs and rules.',
  );

  const countryNames = countries.getNames('en', { select: 'official' });
  const countryIds = Object.keys(countryNames).sort();

  const wordRandom = new Random(seed, 'words');
  const usedWords = new Set<string>();
  const newWord = (): string => {
    for (;;) {
      const parts = wordRandom.int(2, 3);
      let word = '';
      for (let i = 0; i < parts; i += 1) word += wordRandom.pick(SYLLABLES);
      if (word.length >= 4 && !usedWords.has(word)) {
        usedWords.add(word);
        return capitalise(word);
      }
    }
  };

  return {
    seed,
    sizes,
    curatedIds,
    sources,
    claims: [],
    registry,
    nomenclature,
    policyDigest,
    countryIds,
    source,
    countryName: (id) => countryNames[id] ?? id,
    newWord,
    wordChance: (probability) => wordRandom.chance(probability),
  };
}
