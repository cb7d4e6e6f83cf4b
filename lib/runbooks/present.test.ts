import { describe, expect, it } from "vitest";
import { runbookSummaryText } from "./present";

describe("runbookSummaryText", () => {
  it("takes the first prose paragraph, skipping headings, lists and code", () => {
    const body =
      "# Title\n\n```bash\nkubectl get pods\n```\n\n- a list\n\nThe `kernel` killed [the pod](/x)\nfor memory.\n\nSecond.";
    expect(runbookSummaryText(body)).toBe("The kernel killed the pod for memory.");
  });

  it("truncates long paragraphs with an ellipsis and returns empty without prose", () => {
    expect(runbookSummaryText(`# T\n\n${"word ".repeat(100)}`)).toMatch(/…$/);
    expect(runbookSummaryText(`# T\n\n${"word ".repeat(100)}`).length).toBeLessThanOrEqual(220);
    expect(runbookSummaryText("# Only a heading\n\n## Another")).toBe("");
  });
});
