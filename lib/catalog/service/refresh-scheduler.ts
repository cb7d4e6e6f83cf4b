export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RefreshSchedulerOptions {
  /** Seconds between the end of one pass and the start of the next; 0 disables the scheduler. */
  intervalSeconds: number;
  listLocationIds: () => Promise<string[]>;
  refreshLocation: (id: string) => Promise<unknown>;
  log: SchedulerLog;
}

export interface RefreshScheduler {
  start(): void;
  /** Cancels the next pass and waits for a running one to finish its current location. */
  stop(): Promise<void>;
  /** One pass over all locations; joins the running pass instead of overlapping it. */
  runOnce(): Promise<{ refreshed: number; failed: number }>;
  readonly started: boolean;
}

/**
 * Re-reads every location, one at a time. The next pass is scheduled only after the
 * previous one finished, so passes never overlap however slow a location is; a failing
 * location is logged and the pass moves on.
 */
export function createRefreshScheduler(options: RefreshSchedulerOptions): RefreshScheduler {
  const intervalMs = options.intervalSeconds * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<{ refreshed: number; failed: number }> | undefined;
  let started = false;

  // stop() bumps the generation; a pass started before it ends after its current location.
  let generation = 0;

  async function pass() {
    const gen = generation;
    let refreshed = 0;
    let failed = 0;
    let ids: string[] = [];
    try {
      ids = await options.listLocationIds();
    } catch (err) {
      options.log.error({ err }, "catalog refresh: listing locations failed");
      return { refreshed, failed: failed + 1 };
    }
    for (const id of ids) {
      if (gen !== generation) break;
      try {
        await options.refreshLocation(id);
        refreshed++;
      } catch (err) {
        failed++;
        options.log.error({ err, locationId: id }, "catalog refresh: location failed");
      }
    }
    options.log.info({ refreshed, failed }, "catalog refresh pass finished");
    return { refreshed, failed };
  }

  function runOnce() {
    current ??= pass().finally(() => {
      current = undefined;
    });
    return current;
  }

  function schedule() {
    if (!started) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce().then(schedule);
    }, intervalMs);
    // A pending refresh must not keep a CLI or test process alive.
    timer.unref?.();
  }

  return {
    start() {
      if (started || intervalMs <= 0) return;
      started = true;
      schedule();
    },
    async stop() {
      started = false;
      generation++;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
    runOnce,
    get started() {
      return started;
    },
  };
}
