import { describe, expect, it } from "vitest";
import { TEXT_FIELDS } from "./field-text";

describe("TEXT_FIELDS", () => {
  it("is the field list the change-log trigger compares (migration catalog_changes)", () => {
    // The trigger logs a row as list-relevant only when a compared column changed: name, title
    // and the JSON at spec.profile, spec.target and spec.targets. A field added here without a
    // migration that compares it would leave list indexes with stale field text after an edit.
    expect(TEXT_FIELDS).toEqual([
      "metadata.name",
      "metadata.title",
      "spec.profile.displayName",
      "spec.target",
      "spec.targets",
    ]);
  });
});
