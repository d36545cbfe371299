import { createTradeGraph } from '../../src/trade-graph';
async function main() {
  const graph = await createTradeGraph();
  const companies = ((await graph.execute('{ companies(first: 200) { edges { node { id } } } }')) as any).data.companies.edges.map((e: any) => e.node.id);
  const ids = Array.from({ length: 24 }, (_, r) => companies[(r * 7) % companies.length]);
  const q = (id: string) => `{ neighbours(id: "${id}", depth: 2, first: 50) { nodes { id name } edges { type fromId toId } } }`;
  for (const id of ids) await graph.execute(q(id));
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let k = 0; k < 3; k++) for (const id of ids) { const r = await graph.execute(q(id)); if (r.errors) throw new Error(JSON.stringify(r.errors)); }
  const cpu = process.cpuUsage(c0); const n = ids.length * 3;
  console.log(process.cwd().slice(-12), 'neighbours: wall', ((performance.now() - t0) / n).toFixed(1), 'ms, cpu', ((cpu.user + cpu.system) / 1000 / n).toFixed(1), 'ms per request');
  await graph.store.close();
}
main();
