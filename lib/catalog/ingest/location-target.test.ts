import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { normalizeLocation } from "./location-target";

describe("normalizeLocation", () => {
  it("normalises a valid URL", () => {
    expect(normalizeLocation("url", "https://example.com/a/../catalog-info.yaml")).toEqual({
      type: "url",
      target: "https://example.com/catalog-info.yaml",
    });
  });
  it("answers an IngestError (400), not a TypeError (500), for a URL that cannot be parsed", () => {
    expect(() => normalizeLocation(undefined, "http://")).toThrow(IngestError);
    expect(() => normalizeLocation("url", "https://exa mple.com/x")).toThrow(IngestError);
  });
});
