import type { Lease } from "@/lib/db/lease";

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
  /**
   * With several replicas: passes run only while this lease is held. It is renewed every
   * `leaseRenewMs` (a third of its TTL, so two missed renewals still keep it), and taken over
   * by another replica once its holder stopped renewing. Without it every process runs passes.
   */
  lease?: Lease;
  leaseRenewMs?: number;
  /** Called when this process gains or loses the lease (a metrics gauge, logs). */
  onLeadershipChange?: (leader: boolean) => void;
}

export interface RefreshScheduler {
  start(): void;
  /** Cancels the next pass and waits for a running one to finish its current location. */
  stop(): Promise<void>;
  /** One pass over all locations; joins the running pass instead of overlapping it. */
  runOnce(): Promise<{ refreshed: number; failed: number }>;
  readonly started: boolean;
  /** Holds the lease (always true without one, once started). */
  readonly leader: boolean;
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

  const lease = options.lease;
  let leader = false;
  let leaseTimer: ReturnType<typeof setTimeout> | undefined;

  function setLeader(next: boolean) {
    if (next === leader) return;
    leader = next;
    if (lease)
      options.log.info(
        { leader },
        leader ? "catalog refresh: lease acquired" : "catalog refresh: lease lost",
      );
    options.onLeadershipChange?.(leader);
  }

  /** Takes or renews the lease; a database error counts as not holding it. */
  async function renewLease(): Promise<boolean> {
    if (!lease) return true;
    try {
      const held = await lease.acquire();
      if (!started) {
        // stop() ran meanwhile: do not keep a lease nobody renews.
        if (held) await lease.release();
        return false;
      }
      setLeader(held);
    } catch (err) {
      options.log.error({ err }, "catalog refresh: lease renewal failed");
      setLeader(false);
    }
    return leader;
  }

  function scheduleLease() {
    if (!started || !lease) return;
    leaseTimer = setTimeout(() => {
      leaseTimer = undefined;
      void renewLease().then(scheduleLease);
    }, options.leaseRenewMs ?? 10_000);
    leaseTimer.unref?.();
  }

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
      // A replica that lost its lease (a long pass, a stalled database) stops after the
      // location in hand, so two replicas overlap by at most one location refresh.
      if (gen !== generation || (lease && !leader)) break;
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
      // The lease is checked (and renewed) right before a pass, not only by the heartbeat.
      void renewLease()
        .then((held) => (held ? runOnce() : undefined))
        .then(schedule);
    }, intervalMs);
    // A pending refresh must not keep a CLI or test process alive.
    timer.unref?.();
  }

  return {
    start() {
      if (started || intervalMs <= 0) return;
      started = true;
      if (lease) void renewLease().then(scheduleLease);
      else setLeader(true);
      schedule();
    },
    async stop() {
      started = false;
      generation++;
      if (timer) clearTimeout(timer);
      if (leaseTimer) clearTimeout(leaseTimer);
      timer = leaseTimer = undefined;
      await current;
      // Released so another replica takes over now instead of after the TTL.
      if (lease && leader) await lease.release().catch(() => undefined);
      setLeader(false);
    },
    runOnce,
    get started() {
      return started;
    },
    get leader() {
      return leader;
    },
  };
}
