/**
 * Which Anpact members export most to the US? Answered in-process, without a server:
 *   npx tsx examples/headline-in-process.ts
 * (From another project: `import { createTradeGraph } from 'tradegraph'`.)
 */
import { createTradeGraph } from '../src/index';

interface Row {
  rank: number;
  subject: { name: string };
  value: number;
  coverage: string;
  broaderThanAsked: boolean;
  statistics: { source: { title: string; url: string } }[];
}

async function main(): Promise<void> {
  const graph = await createTradeGraph();
  try {
    const result = await graph.execute(
      `query ($association: ID!, $period: String!, $destination: ID) {
        ranking(input: { membersOf: $association, membersAsOf: "2026", metric: "exports", period: $period, destination: $destination }) {
          rows { rank subject { name } value coverage broaderThanAsked statistics { source { title url } } }
          notes
        }
      }`,
      { association: 'anpact', period: '2026-01', destination: 'US' },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const ranking = (result.data as { ranking: { rows: Row[]; notes: string[] } }).ranking;
    for (const row of ranking.rows) {
      const caveat = row.broaderThanAsked ? ' (all destinations: no US split in the source)' : '';
      process.stdout.write(
        `${row.rank}. ${row.subject.name}: ${row.value} vehicles, ${row.coverage}${caveat}\n`,
      );
      for (const s of row.statistics)
        process.stdout.write(`   source: ${s.source.title} <${s.source.url}>\n`);
    }
    for (const note of ranking.notes) process.stdout.write(`note: ${note}\n`);
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
