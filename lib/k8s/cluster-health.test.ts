import { describe, expect, it, vi } from "vitest";
import { createCachedClusterHealth, getClusterHealth } from "./cluster-health";
import { clusterHealthSchema } from "./schema";

describe("getClusterHealth without a cluster", () => {
  it("returns connected:false with a zeroed summary, matching the schema", async () => {
    const h = await getClusterHealth(null, { now: new Date("2026-03-02T10:00:00Z") });
    expect(clusterHealthSchema.parse(h)).toEqual({
      cluster: null,
      connected: false,
      generated_at: "2026-03-02T10:00:00.000Z",
      summary: {
        nodes: { ready: 0, total: 0 },
        pods: { by_phase: {}, restarting: 0 },
        deployments: { available: 0, total: 0 },
        hpas_at_max: 0,
        quotas_near_limit: 0,
      },
      problems: [],
      errors: [],
    });
  });
});

describe("createCachedClusterHealth", () => {
  const health = (cluster: string) => getClusterHealth(null).then((h) => ({ ...h, cluster }));

  it("de-duplicates concurrent calls and serves from cache within the TTL", async () => {
    let t = 0;
    const fn = vi.fn(() => health("a"));
    const cached = createCachedClusterHealth(fn, 5_000, () => t);
    const [x, y] = await Promise.all([cached(), cached()]);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(x).toBe(y);
    t = 4_999;
    await cached();
    expect(fn).toHaveBeenCalledTimes(1);
    t = 5_000;
    await cached();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("keys by namespace and does not cache failures", async () => {
    const fn = vi
      .fn()
      .mockRejectedValueOnce(new Error("boom"))
      .mockImplementation(() => health("b"));
    const cached = createCachedClusterHealth(fn, 5_000, () => 0);
    await expect(cached({ namespace: "x" })).rejects.toThrow("boom");
    await cached({ namespace: "x" });
    await cached({ namespace: "y" });
    await cached({ namespace: "x" });
    expect(fn).toHaveBeenCalledTimes(3);
  });
});

describe("createCachedClusterHealth bounds", () => {
  const health = () => getClusterHealth(null);

  it("keeps at most maxEntries namespaces, evicting the least recently used", async () => {
    const fn = vi.fn(health);
    const cached = createCachedClusterHealth(fn, 60_000, () => 0, 3);
    for (const ns of ["a", "b", "c"]) await cached({ namespace: ns });
    await cached({ namespace: "a" }); // a is now the most recent
    await cached({ namespace: "d" }); // evicts b
    expect(cached.size()).toBe(3);
    expect(fn).toHaveBeenCalledTimes(4);
    await cached({ namespace: "a" });
    await cached({ namespace: "c" });
    expect(fn).toHaveBeenCalledTimes(4);
    await cached({ namespace: "b" });
    expect(fn).toHaveBeenCalledTimes(5);
  });

  it("stays bounded under thousands of distinct namespaces and drops expired entries", async () => {
    let t = 0;
    const cached = createCachedClusterHealth(health, 1_000, () => t, 64);
    for (let i = 0; i < 5_000; i++) await cached({ namespace: `ns-${i}` });
    expect(cached.size()).toBe(64);
    t = 2_000;
    await cached({ namespace: "fresh" });
    expect(cached.size()).toBe(1);
  });
});
