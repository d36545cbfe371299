/**
 * The same question over HTTP with plain fetch, as a notebook or dashboard would ask it.
 * Start the server first (`npm start`), then:
 *   npx tsx examples/headline-over-http.ts [http://127.0.0.1:4000]
 */
const endpoint = `${process.argv[2] ?? 'http://127.0.0.1:4000'}/graphql`;

const QUERY = `query ($period: String!) {
  ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: $period, destination: "US" }) {
    rows { rank subject { name } value coverage broaderThanAsked }
    context { metric value unit coverage source { title } }
  }
}`;

interface Answer {
  data?: {
    ranking: {
      rows: {
        rank: number;
        subject: { name: string };
        value: number;
        coverage: string;
        broaderThanAsked: boolean;
      }[];
      context: { metric: string; value: number; unit: string; coverage: string; source: { title: string } }[];
    };
  };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function main(): Promise<void> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { period: '2026-01' } }),
  });
  const answer = (await response.json()) as Answer;
  if (answer.errors)
    throw new Error(answer.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
  for (const row of answer.data?.ranking.rows ?? []) {
    process.stdout.write(`${row.rank}. ${row.subject.name}: ${row.value} (${row.coverage})\n`);
  }
  for (const s of answer.data?.ranking.context ?? []) {
    process.stdout.write(`context: ${s.metric} ${s.value} ${s.unit} ${s.coverage} — ${s.source.title}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
