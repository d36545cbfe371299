import { distance } from 'fastest-levenshtein';
import { Random } from '../../src/generate/random';
import { closestNames } from '../../src/search/suggest';
import { METRIC_NAMES } from '../../src/domain/metrics';

/** The rule as written before it skipped candidates: every distance computed. */
function reference(name: string, candidates: readonly string[], max = 3): string[] {
  const wanted = name.toLowerCase();
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const edits = distance(wanted, lower);
      const prefix = lower.startsWith(wanted) || wanted.startsWith(lower);
      return { candidate, score: edits, ok: prefix || edits <= Math.max(2, Math.floor(wanted.length / 3)) };
    })
    .filter((x) => x.ok)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((x) => x.candidate);
}

describe('closestNames', () => {
  test('suggests metrics for the usual mistakes', () => {
    expect(closestNames('export', METRIC_NAMES)[0]).toBe('exports');
    expect(closestNames('EXPORTS', METRIC_NAMES)[0]).toBe('exports');
    expect(closestNames('zzzzzzzzzzzz', METRIC_NAMES)).toEqual([]);
  });

  test('a long text that starts with a name still suggests it; one that does not suggests nothing', () => {
    expect(closestNames(`exports${'x'.repeat(1_000_000)}`, METRIC_NAMES, 1)).toEqual(['exports']);
    expect(closestNames(`'; MATCH (n) DETACH DELETE n //${'x'.repeat(1_000_000)}`, METRIC_NAMES)).toEqual([]);
  });

  test('gives what computing every distance gives, over random names', () => {
    const random = new Random(7, 'closest-names');
    const next = (n: number): number => random.int(0, n - 1);
    const letters = 'abcdeé_-';
    const word = (): string =>
      Array.from({ length: 1 + next(14) }, () => letters[next(letters.length)]).join('');
    for (let round = 0; round < 2_000; round += 1) {
      const candidates = Array.from({ length: 1 + next(8) }, word);
      const name = next(4) === 0 ? `${candidates[0]}${word()}` : word();
      expect([name, closestNames(name, candidates)]).toEqual([name, reference(name, candidates)]);
    }
  });
});
