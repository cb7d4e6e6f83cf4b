import { describe, expect, it } from "vitest";
import { TimeoutError, withTimeout } from "./with-timeout";

describe("withTimeout", () => {
  it("passes a value through in time", async () => {
    expect(await withTimeout(Promise.resolve(7), 50, "x")).toBe(7);
  });

  it("rejects with TimeoutError naming the dependency when too slow", async () => {
    const slow = new Promise((r) => setTimeout(r, 500));
    const error = (await withTimeout(slow, 20, "chroma").catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe("chroma did not answer within 20 ms");
  });

  it("passes the original rejection through and swallows a late one", async () => {
    await expect(withTimeout(Promise.reject(new Error("boom")), 50)).rejects.toThrow("boom");
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 30));
    await expect(withTimeout(late, 5)).rejects.toBeInstanceOf(TimeoutError);
    await new Promise((r) => setTimeout(r, 50)); // an unhandled rejection would fail the run
  });
});
