import { describe, expect, it } from "vitest";
import { chromaClientFromUrl } from "./chroma-client";

describe("chromaClientFromUrl", () => {
  it("accepts http and https URLs with and without explicit ports", () => {
    expect(chromaClientFromUrl("http://127.0.0.1:8123")).toBeDefined();
    expect(chromaClientFromUrl("https://chroma.internal")).toBeDefined();
    expect(() => chromaClientFromUrl("not a url")).toThrow();
  });
});
