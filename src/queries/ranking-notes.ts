import type { RankingRow } from '../domain/ranking.js';
import type { Statistic } from '../domain/statistic.js';

/**
 * A ranking's caveats in words: figures broader than the destination asked, the destination's
 * share of the origin's figure, sources that disagree, each row's own note, and an empty ranking.
 */
export function rankingNotes(
  query: { readonly metric: string; readonly period: string; readonly destination?: string },
  rows: readonly RankingRow[],
  context: readonly Statistic[],
): string[] {
  const notes: string[] = [];
  const destination = query.destination ?? null;
  const broader = rows.filter((r) => r.broaderThanAsked);
  if (destination && broader.length > 0) {
    notes.push(
      `${broader.length} of ${rows.length} figures cover all destinations, because their sources give no split by destination; they are not ${query.metric} to ${destination}.`,
    );
  }
  for (const share of context.filter(
    (s) => s.unit === 'percent' && s.destinationId === destination && destination,
  )) {
    notes.push(
      `In ${share.period}, ${share.value}% of ${share.subjectId}'s ${query.metric} went to ${destination} (${share.sourceId}).`,
    );
  }
  const disagreeing = rows.filter((r) => r.sourcesDisagree).map((r) => r.subjectId);
  if (disagreeing.length > 0) {
    notes.push(
      `Sources disagree for ${disagreeing.join(', ')}; every figure is listed in the row's statistics.`,
    );
  }
  for (const row of rows) if (row.note !== null) notes.push(row.note);
  if (rows.length === 0)
    notes.push(`No stored ${query.metric} figures for ${query.period} among these subjects.`);
  return notes;
}
