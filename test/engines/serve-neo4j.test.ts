import { spawn, type ChildProcess } from 'node:child_process';
import { HEADLINE_QUERY } from '../../src/server/examples';
import { projectRoot } from '../../src/paths';
import { startServer, type RunningServer } from '../../src/server/server';
import { countNodes } from '../../src/store/catalog';
import { describeNeo4j, openEmptyStore, type OpenedStore } from '../helpers/engines';
import { openTestGraph } from '../helpers/graphs';
import { post, testConfig } from '../security/support/http';
import { childEnvironment, cliEntry } from '../helpers/cli-build';

/*
 * How users run tradegraph on Neo4j: `tradegraph serve` with NEO4J_URI loads the curated dataset
 * into an empty Neo4j and answers as the embedded default does; and several API servers over one
 * Neo4j (scaling out) see each other's writes at once, no answer cache in the way.
 */

const KEY = 'neo4j-replica-key-0123456789';

/** `tradegraph serve` from the sources, on a free port, with NEO4J_URI and nothing else of ours. */
function serveProcess(uri: string): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const env = childEnvironment();
  const child = spawn(process.execPath, [...cliEntry(), 'serve'], {
    cwd: projectRoot(),
    env: { ...env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', NEO4J_URI: uri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const watch = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /playground (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => reject(new Error(`tradegraph serve exited (${String(code)}):\n${output}`)));
  });
  return { child, url, output: () => output };
}

async function graphql(url: string, query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

describeNeo4j('tradegraph serve on Neo4j', (uri) => {
  let held: OpenedStore;
  let served: ReturnType<typeof serveProcess> | undefined;
  let url: string;
  let replica: RunningServer;

  beforeAll(async () => {
    // This worker's turn on the server, emptied: serve must load the dataset itself.
    held = await openEmptyStore('neo4j');
    expect(await held.store.read(countNodes, {})).toEqual([]);
    served = serveProcess(uri);
    let timer: NodeJS.Timeout | undefined;
    url = await Promise.race([
      served.url,
      new Promise<string>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`serve did not listen:\n${served?.output()}`)), 150_000);
      }),
    ]).finally(() => clearTimeout(timer));
    // It listens at once and loads the dataset behind /health: wait for that.
    const deadline = Date.now() + 150_000;
    while ((await fetch(`${url}/health`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`serve never became healthy:\n${served.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    replica = await startServer({
      config: testConfig({
        http: { apiKeys: [KEY] },
        store: { engine: 'neo4j', uri, user: 'neo4j', password: '', queryTimeoutMs: 10_000 },
      }),
    });
  }, 200_000);

  afterAll(async () => {
    await replica?.close();
    if (served && served.child.exitCode === null) {
      served.child.kill('SIGTERM');
      await new Promise((resolve) => served!.child.once('exit', resolve));
    }
    await held?.dispose();
  });

  test('it loads the curated dataset into the empty Neo4j and answers the headline as the embedded store does', async () => {
    expect(served?.output()).toMatch(/store: neo4j/);
    const onNeo4j = await graphql(url, HEADLINE_QUERY);
    expect(onNeo4j.errors).toBeUndefined();
    const embedded = await openTestGraph(undefined, 'embedded');
    try {
      const onEmbedded = await embedded.graph.execute(HEADLINE_QUERY);
      expect(onNeo4j.data).toEqual(JSON.parse(JSON.stringify(onEmbedded.data)));
    } finally {
      await embedded.dispose();
    }
    const ranking = (onNeo4j.data as { ranking: { rows: { rank: number; subject: { name: string } }[] } })
      .ranking;
    expect(ranking.rows.slice(0, 2).map((row) => row.subject.name)).toEqual([
      'Freightliner',
      'International',
    ]);
  });

  test('two API servers on one Neo4j: a write through one is read through the other at once', async () => {
    const question = '{ company(id: "replica-test-co") { name aliases } }';
    expect(await graphql(url, question)).toMatchObject({ data: { company: null } });
    const body = [
      'id,name,aliases,description,wikidata,sources,companyType',
      'replica-test-co,Replica Test Co,Réplica|RTC,,,seed-borderlands-2026-01,supplier',
    ].join('\n');
    const response = await fetch(`${replica.url}/import?filename=companies.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}` },
      body,
    });
    expect({ status: response.status, body: await response.text() }).toMatchObject({ status: 200 });
    // The same question, asked again of the server that answered null a moment ago.
    const after = await graphql(url, question);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ company: { name: 'Replica Test Co', aliases: ['Réplica', 'RTC'] } });
    const viaReplica = await post(replica, { query: question });
    expect(viaReplica.body.data).toEqual(after.data);
  });
});
