import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoCluster } from "./no-cluster";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"');

describe("NoCluster", () => {
  it("explains both ways to connect when nothing is configured", () => {
    const t = text(renderToStaticMarkup(<NoCluster mode="none" />));
    expect(t).toContain("No cluster connected");
    expect(t).toContain("KUBECONFIG=/path/to/kubeconfig npm start");
    expect(t).toContain("KUBERNETES_SERVICE_HOST");
  });

  it("says the configured cluster is unreachable and lists why", () => {
    const t = text(
      renderToStaticMarkup(
        <NoCluster
          mode="kubeconfig"
          cluster="prod"
          errors={[{ resource: "pods", message: "connect ECONNREFUSED" }]}
        />,
      ),
    );
    expect(t).toContain("Cluster unreachable");
    expect(t).toContain("(cluster prod)");
    expect(t).toContain("pods: connect ECONNREFUSED");
    expect(t).not.toContain("No cluster connected");
  });
});
