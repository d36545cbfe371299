import { createTradeGraph } from '../../src/trade-graph';
import type { GraphStore } from '../../src/store/graph-store';
async function main() {
  const graph = await createTradeGraph();
  const store = graph.store as GraphStore;
  const timings: [string, number, number][] = [];
  const read = store.read.bind(store);
  (store as { read: GraphStore['read'] }).read = (async (statement: { name: string }, params: never) => {
    const t = performance.now();
    const rows = await read(statement as never, params);
    timings.push([statement.name, performance.now() - t, (rows as unknown[]).length]);
    return rows;
  }) as GraphStore['read'];
  const id = process.argv[2] ?? 'g-panora-vehicle-works';
  const q = `{ neighbours(id: "${id}", depth: 2, first: 50) { nodes { id name } edges { type fromId toId } } }`;
  for (let i = 0; i < 5; i++) {
    timings.length = 0;
    const t = performance.now();
    const r = await graph.execute(q);
    const total = performance.now() - t;
    if (i === 4) { console.log('total', total.toFixed(1), 'ms', JSON.stringify(r).length, 'bytes', r.errors); for (const x of timings) console.log(' ', x[0], x[1].toFixed(1), 'ms', x[2], 'rows'); }
  }
  await store.close();
}
main();
