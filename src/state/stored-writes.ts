/**
 * The reading state's writes to its store: a read-then-write in one transaction, and a delete.
 * Written here on idb-keyval's store function rather than imported from idb-keyval, so that the
 * first render, which only reads (saved-reading.ts: `createStore`, `get`), carries no write code.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';

/** Replaces the value at `key` with `change(old value)`, in one transaction; resolves once it is committed. */
export function updateStored<T>(key: IDBValidKey, change: (old: T | undefined) => T, store: UseStore): Promise<void> {
  return store(
    'readwrite',
    (objects) =>
      new Promise<void>((resolve, reject) => {
        objects.get(key).onsuccess = function () {
          try {
            objects.put(change(this.result as T | undefined), key);
            resolve(promisifyRequest(objects.transaction));
          } catch (error) {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- whatever `change` threw, as it was
            reject(error);
          }
        };
      }),
  );
}

/** Deletes the value at `key`; resolves once it is committed. */
export function deleteStored(key: IDBValidKey, store: UseStore): Promise<void> {
  return store('readwrite', (objects) => {
    objects.delete(key);
    return promisifyRequest(objects.transaction);
  });
}
