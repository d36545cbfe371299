/**
 * Child process of recovery.test.ts: writes one company whose name is longer than 4 KiB (a log
 * record the engine cannot replay, LadybugDB #771), then dies with SIGKILL, never closing.
 *
 *   node --import tsx write-then-die.ts <database file> store|engine
 *
 * `store`: through EmbeddedStore.transaction, killed once it has resolved (the write was
 * acknowledged). `engine`: through the engine directly, committed without a checkpoint, as
 * an in-place commit is between its log write and its checkpoint.
 */
import { Connection, Database } from '@ladybugdb/core';
import { upsertStatements } from '../../../../src/store/catalog';
import { openEmbeddedStore } from '../../../helpers/stores';

async function main(): Promise<void> {
  const [database, how] = process.argv.slice(2);
  if (!database) throw new Error('usage: write-then-die <database file> store|engine');
  const name = 'x'.repeat(6000);
  if (how === 'store') {
    const store = await openEmbeddedStore({ directory: database });
    await store.transaction((tx) =>
      tx.run(upsertStatements.Company, {
        rows: [
          {
            id: 'long-name',
            name,
            aliases: [],
            description: null,
            wikidata: null,
            sources: [],
            searchText: name,
            companyType: null,
          },
        ],
      }),
    );
  } else {
    const engine = new Database(database, 256 * 1024 ** 2, true, false, 8 * 1024 ** 3);
    const connection = new Connection(engine);
    await connection.init();
    await connection.query('CALL auto_checkpoint=false');
    await connection.query(`CREATE (:Company {id: 'long-name', kind: 'Company', name: '${name}'})`);
  }
  process.kill(process.pid, 'SIGKILL');
}

void main();
