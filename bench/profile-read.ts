/**
 * Read-path profile: how fast single operations are over HTTP (a `tradegraph serve` child on
 * loopback, autocannon) and in-process, against an existing embedded database, with the store's
 * answer cache on and off, in one run. Used to find where read time goes and to record the
 * before/after numbers of the "Read-path speed" section of bench/README.md.
 *
 *   npx tsx bench/profile-read.ts --db <dir> [--connections 20] [--seconds 10] [--ops lookup,stack]
 *
 * `--db` is a database made beforehand (e.g. by `tradegraph generate` and `tradegraph import`, or
 * the curated dataset: any directory; an empty one is loaded with `data/`). Probe ids default to
 * the curated dataset's; override with `--company`, `--association`, `--subject`, `--period`,
 * `--destination`, `--within`, `--metric` (of the time series). Prints one line per operation and cache setting: requests/s, p50, p99.
 */
import autocannon from 'autocannon';
import { startServer } from './suite/http';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
};

const DB = option('db', '');
const CONNECTIONS = Number(option('connections', '20'));
const SECONDS = Number(option('seconds', '10'));
const company = option('company', 'freightliner');
const association = option('association', 'anpact');
const subject = option('subject', 'MX');
const period = option('period', '2026-01');
const destination = option('destination', 'US');
const within = option('within', '2025');
const metric = option('metric', 'exports');

const OPERATIONS: Record<string, string> = {
  stack: '{ __typename }',
  lookup: `{ company(id: "${company}") { id name } }`,
  lookupSources: `{ company(id: "${company}") { id name aliases companyType sources { title } } }`,
  members: `{ association(id: "${association}") { name members { node { id name } claims { asOf source { title } } } } }`,
  ranking: `{ ranking(input: { membersOf: "${association}", metric: "exports", period: "${period}", destination: "${destination}" }) {
    rows { rank subject { id name } value unit coverage statistics { id value source { title publisher } } }
    context { subject { id } metric value } notes } }`,
  timeSeries: `{ statistics(subjects: ["${subject}"], metric: "${metric}", within: "${within}") { period { label } value unit coverage destination { id } source { title } } }`,
  nested: `{ association(id: "${association}") { members { node { name statistics(metric: "exports", period: "${period}") { value destination { id name } source { title } } } } } }`,
};

async function main(): Promise<void> {
  if (!DB) throw new Error('give --db <directory>');
  const names = option('ops', Object.keys(OPERATIONS).join(',')).split(',');
  const caches = option('cache', 'off,on').split(',');
  for (const setting of caches) {
    const server = await startServer(DB, { TRADEGRAPH_READ_CACHE_ENTRIES: setting === 'on' ? '10000' : '0' });
    try {
      for (const name of names) {
        const query = OPERATIONS[name];
        if (!query) throw new Error(`unknown operation ${name}`);
        const body = JSON.stringify({ query });
        const check = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const answer = await check.text();
        if (check.status !== 200 || answer.includes('"errors"')) throw new Error(`${name}: ${answer}`);
        const run = (seconds: number) =>
          autocannon({
            url: `${server.url}/graphql`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            connections: CONNECTIONS,
            duration: seconds,
          });
        await run(2);
        const result = await run(SECONDS);
        process.stdout.write(
          `cache ${setting.padEnd(3)} ${name.padEnd(14)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ` +
            `p50 ${String(result.latency.p50).padStart(5)} ms  p99 ${String(result.latency.p99).padStart(5)} ms  ` +
            `errors ${result.errors + result.non2xx}  (${answer.length} bytes)\n`,
        );
      }
    } finally {
      await server.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
