import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StoredLocationError } from "@/lib/catalog/ingest/locations";
import { TemplateLintNotice } from "./template-lint-notice";

const finding = (over: Partial<StoredLocationError>): StoredLocationError => ({
  id: "1",
  createdAt: new Date(),
  code: "TEMPLATE_LINT",
  message: 'error unknown_action (step deploy): Action "deploy:magic" is not registered',
  file: "file:/srv/templates/svc/template.yaml",
  line: 34,
  column: 15,
  ...over,
});

describe("TemplateLintNotice", () => {
  it("lists template lint findings with file:line:column and ignores other location problems", () => {
    const html = renderToStaticMarkup(
      <TemplateLintNotice
        findings={[finding({}), finding({ id: "2", code: "VALIDATION", message: "other problem" })]}
      />,
    );
    expect(html).toContain("1 finding");
    expect(html).toContain("deploy:magic");
    expect(html).toContain("/srv/templates/svc/template.yaml:34:15");
    expect(html).not.toContain("other problem");
  });

  it("renders nothing without findings", () => {
    expect(renderToStaticMarkup(<TemplateLintNotice findings={[finding({ code: "VALIDATION" })]} />)).toBe(
      "",
    );
  });
});
