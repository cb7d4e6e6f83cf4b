/**
 * Runs catalog writes one at a time per process: API imports, POST /refresh and the
 * scheduler all go through it, so two refreshes of one location never interleave.
 */
export type WriteQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const holder = globalThis as unknown as { __porticoCatalogWrites?: WriteQueue };

export function catalogWriteQueue(): WriteQueue {
  holder.__porticoCatalogWrites ??= createWriteQueue();
  return holder.__porticoCatalogWrites;
}
