import { createHash } from 'node:crypto';
import { graphChecksum, type GraphChecksum } from '../../src/export/graph-checksum';
import { countNodes, countRelationships, listMeta } from '../../src/store/catalog';
import type { GraphStore } from '../../src/store/graph-store';
import { listStatisticKeys } from '../../src/store/statistic-key-statements';

/**
 * Everything a store holds, as one hash: the graph checksum (every node of every kind with its
 * properties, every relationship), the number of nodes of each label and of relationships of each
 * type (so nodes of any other label count too), the bookkeeping (every Meta entry: the dataset
 * fingerprint, import records and journals) and every statistic key with its statistics. Two
 * stores with the same digest answer every statement the same; it is the same on both engines for
 * the same writes (test/store/loaded-stores.test.ts).
 */
export async function storeDigest(store: GraphStore): Promise<string> {
  return (await storeState(store)).digest;
}

/** `storeDigest` with the graph checksum it includes. */
export async function storeState(store: GraphStore): Promise<{ digest: string; checksum: GraphChecksum }> {
  const hash = createHash('sha256');
  const checksum = await graphChecksum(store);
  hash.update(`graph ${checksum.checksum}\n`);
  const nodes = (await store.read(countNodes, {})).map((row) => `nodes ${row.kind} ${row.count}`);
  const relationships = (await store.read(countRelationships, {})).map(
    (row) => `relationships ${row.type} ${row.count}`,
  );
  for (const line of [...nodes, ...relationships].sort()) hash.update(`${line}\n`);
  for (const row of await store.read(listMeta, { keyPrefix: '' })) {
    hash.update(`meta ${JSON.stringify(row.key)} ${JSON.stringify(row.value)}\n`);
  }
  for (const row of await store.read(listStatisticKeys, { after: '', limit: 10_000_000 })) {
    hash.update(`key ${JSON.stringify(row.key)} ${JSON.stringify([...row.ids].sort())}\n`);
  }
  return { digest: hash.digest('hex'), checksum };
}
