import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefreshScheduler } from "./refresh-scheduler";

const log = () => ({ info: vi.fn(), error: vi.fn() });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("createRefreshScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("refreshes every location one at a time after each interval", async () => {
    const calls: string[] = [];
    let active = 0;
    let maxActive = 0;
    const s = createRefreshScheduler({
      intervalSeconds: 60,
      log: log(),
      listLocationIds: async () => ["a", "b", "c"],
      refreshLocation: async (id) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 5_000));
        calls.push(id);
        active--;
      },
    });
    s.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 + 15_000);
    expect(calls).toEqual(["a", "b", "c"]);
    expect(maxActive).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000 + 15_000);
    expect(calls).toEqual(["a", "b", "c", "a", "b", "c"]);
    await s.stop();
  });

  it("never overlaps passes: the next interval starts after a slow pass ends", async () => {
    const gate = deferred();
    let passes = 0;
    const s = createRefreshScheduler({
      intervalSeconds: 10,
      log: log(),
      listLocationIds: async () => {
        passes++;
        return ["slow"];
      },
      refreshLocation: () => gate.promise,
    });
    s.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(passes).toBe(1);
    // Far more than one interval while the pass is stuck: no second pass starts.
    await vi.advanceTimersByTimeAsync(100_000);
    expect(passes).toBe(1);
    // A manual run joins the running pass instead of starting another.
    const joined = s.runOnce();
    expect(passes).toBe(1);
    gate.resolve();
    await expect(joined).resolves.toEqual({ refreshed: 1, failed: 0 });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes).toBe(2);
    await s.stop();
  });

  it("logs a failing location and carries on with the rest", async () => {
    const l = log();
    const done: string[] = [];
    const s = createRefreshScheduler({
      intervalSeconds: 5,
      log: l,
      listLocationIds: async () => ["x", "bad", "y"],
      refreshLocation: async (id) => {
        if (id === "bad") throw new Error("boom");
        done.push(id);
      },
    });
    await expect(s.runOnce()).resolves.toEqual({ refreshed: 2, failed: 1 });
    expect(done).toEqual(["x", "y"]);
    expect(l.error).toHaveBeenCalledWith(
      expect.objectContaining({ locationId: "bad" }),
      "catalog refresh: location failed",
    );
  });

  it("stop() cancels the next pass and ends a running pass after its current location", async () => {
    const gate = deferred();
    const done: string[] = [];
    const s = createRefreshScheduler({
      intervalSeconds: 1,
      log: log(),
      listLocationIds: async () => ["first", "second"],
      refreshLocation: async (id) => {
        if (id === "first") await gate.promise;
        done.push(id);
      },
    });
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    const stopped = s.stop();
    gate.resolve();
    await stopped;
    expect(done).toEqual(["first"]);
    expect(s.started).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(done).toEqual(["first"]);
  });

  it("does nothing with an interval of 0", async () => {
    const list = vi.fn(async () => ["a"]);
    const s = createRefreshScheduler({
      intervalSeconds: 0,
      log: log(),
      listLocationIds: list,
      refreshLocation: vi.fn(),
    });
    s.start();
    expect(s.started).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(list).not.toHaveBeenCalled();
  });

  it("survives a failing location listing and tries again next interval", async () => {
    let n = 0;
    const l = log();
    const s = createRefreshScheduler({
      intervalSeconds: 2,
      log: l,
      listLocationIds: async () => {
        n++;
        if (n === 1) throw new Error("db down");
        return [];
      },
      refreshLocation: vi.fn(),
    });
    s.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(l.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(n).toBe(2);
    await s.stop();
  });

  describe("with a lease (several replicas)", () => {
    /** A lease another replica holds until `free` is set; counts acquire and release calls. */
    function fakeLease() {
      const state = { free: false, held: false, acquires: 0, releases: 0, fail: false };
      return {
        state,
        lease: {
          holder: "me",
          acquire: async () => {
            state.acquires++;
            if (state.fail) throw new Error("db down");
            state.held = state.free;
            return state.held;
          },
          release: async () => {
            state.releases++;
            state.held = false;
          },
        },
      };
    }

    it("runs passes only while holding the lease, and takes over once it is free", async () => {
      const { state, lease } = fakeLease();
      const refreshed: string[] = [];
      const leadership: boolean[] = [];
      const s = createRefreshScheduler({
        intervalSeconds: 5,
        log: log(),
        lease,
        leaseRenewMs: 1_000,
        onLeadershipChange: (l) => leadership.push(l),
        listLocationIds: async () => ["a"],
        refreshLocation: async (id) => {
          refreshed.push(id);
        },
      });
      s.start();
      await vi.advanceTimersByTimeAsync(20_000);
      expect(refreshed).toEqual([]);
      expect(s.leader).toBe(false);
      expect(state.acquires).toBeGreaterThanOrEqual(20); // renewed every second, and before each pass
      state.free = true; // the holder died and its lease expired
      await vi.advanceTimersByTimeAsync(1_000);
      expect(s.leader).toBe(true);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(refreshed).toEqual(["a"]);
      expect(leadership).toEqual([true]);
      await s.stop();
      expect(state.releases).toBe(1);
      expect(leadership).toEqual([true, false]);
    });

    it("stops a pass after the location in hand when the lease is lost or unreadable", async () => {
      const { state, lease } = fakeLease();
      state.free = true;
      const refreshed: string[] = [];
      const s = createRefreshScheduler({
        intervalSeconds: 5,
        log: log(),
        lease,
        leaseRenewMs: 1_000,
        listLocationIds: async () => ["a", "b", "c"],
        refreshLocation: async (id) => {
          refreshed.push(id);
          await new Promise((r) => setTimeout(r, 1_500));
        },
      });
      s.start();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(refreshed).toEqual(["a"]);
      state.fail = true; // the next renewal (during "a") fails: treated as lost
      await vi.advanceTimersByTimeAsync(10_000);
      expect(refreshed).toEqual(["a"]);
      expect(s.leader).toBe(false);
      await s.stop();
      expect(state.releases).toBe(0); // not held, nothing to release
    });
  });
});
