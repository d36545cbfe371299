import { describeStoreContract } from '../../helpers/store-contract';
import { openTemporaryStore } from '../../helpers/stores';

const disposers: (() => Promise<void>)[] = [];

describeStoreContract('embedded', async () => {
  const { store, dispose } = await openTemporaryStore();
  disposers.push(dispose);
  // The contract closes the store itself; dispose afterwards only removes the directory.
  return Object.assign(Object.create(store) as typeof store, {
    close: async () => {
      await dispose();
    },
  });
});
