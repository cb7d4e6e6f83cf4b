/**
 * pglite-socket multiplexes many client connections onto one PGlite session
 * and queues their protocol messages one by one. Outside a transaction it
 * interleaves connections freely, so connection A's Parse can be followed by
 * connection B's Parse before A's Bind: the unnamed statement is overwritten
 * and A binds its parameters to B's SQL ("bind message supplies 2 parameters,
 * but prepared statement requires 1", or worse, a wrong write). The extended
 * query protocol is only atomic from Parse up to Sync, so this keeps a
 * connection exclusive from its first extended-protocol message until its
 * Sync (or until it disconnects), on top of the library's own
 * in-transaction exclusivity.
 */

// Extended-protocol frontend messages that open or continue a cycle ending in Sync ('S').
const CYCLE_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (chunk: Uint8Array) => void;
}

interface QueueInternals {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(
      message: Uint8Array,
      opts: { onRawData: (chunk: Uint8Array) => void },
    ): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

export function lockProtocolCycles(server: unknown): void {
  const queue = (server as { queryQueue?: QueueInternals }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error("pglite-socket internals changed: cannot install the protocol cycle lock");
  }
  let cycleOwner: number | null = null;

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    if (cycleOwner === handlerId) cycleOwner = null;
    clear(handlerId);
  };

  queue.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = cycleOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        // The owner has not sent its next message yet: wait for it (enqueue restarts processing).
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (chunk) => {
                bytes += chunk.length;
                item.onData(chunk);
              },
            }),
          );
        } catch (error) {
          cycleOwner = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        cycleOwner = CYCLE_MESSAGES.has(item.message[0]) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
