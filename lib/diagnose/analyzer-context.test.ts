import { describe, expect, it } from "vitest";
import { analyzeLog } from "./analyzer";

describe("failures outside the vocabulary are recognised as 'other'", () => {
  it("a read-only filesystem under a traceback is not a volume mount problem", () => {
    const log = [
      "Traceback (most recent call last):",
      '  File "/app/cache.py", line 8, in warm',
      "OSError: [Errno 30] Read-only file system: '/app/.cache'",
    ].join("\n");
    const r = analyzeLog(log);
    expect(r.category).toBe("other");
    expect(r.classifications[0].pattern_id).toBe("os.read-only-fs");
  });

  it("a mount that fails with a read-only error is still a mount failure", () => {
    const log =
      'Warning  FailedMount  10s  kubelet  MountVolume.SetUp failed for volume "data" : mount failed: exit status 32: read-only file system';
    const r = analyzeLog(log);
    expect(r.category).toBe("volume_mount");
    expect(r.categories).not.toContain("other");
  });

  it("a DNS lookup that fails for lack of descriptors is fd exhaustion", () => {
    const log =
      "dial tcp: lookup db.internal on 10.96.0.10:53: dial udp 10.96.0.10:53: socket: too many open files";
    expect(analyzeLog(log).category).toBe("other");
  });

  it("an unroutable network is neither a refusal nor a timeout", () => {
    const log = [
      "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded",
      "  (Caused by NewConnectionError('Failed to establish a new connection: [Errno 101] Network is unreachable'))",
    ].join("\n");
    expect(analyzeLog(log).category).toBe("other");
  });

  it("a JVM socket exception from fd exhaustion beats the stack trace", () => {
    const log =
      "java.net.SocketException: Too many open files\n\tat java.net.ServerSocket.accept(ServerSocket.java:513)";
    expect(analyzeLog(log).category).toBe("other");
  });
});

describe("context-bound patterns", () => {
  const azureAuth =
    "Error: could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 401";

  it("a provider's credential error inside Terraform output is terraform_provider_auth", () => {
    const log = [
      "│ Error: unable to build authorizer for Resource Manager API",
      "│",
      `│ ${azureAuth}`,
      '│   with provider["registry.terraform.io/hashicorp/azurerm"],',
    ].join("\n");
    expect(analyzeLog(log).category).toBe("terraform_provider_auth");
  });

  it("the context may come after the error line", () => {
    const log = [azureAuth, '  on providers.tf line 3, in provider "azurerm":'].join("\n");
    expect(analyzeLog(log).category).toBe("terraform_provider_auth");
  });

  it("the same wording outside Terraform output is not a Terraform failure", () => {
    expect(analyzeLog(azureAuth).category).not.toBe("terraform_provider_auth");
    const sdk =
      "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation";
    expect(analyzeLog(sdk).category).toBe("cloud_auth");
  });

  it("a box-drawing TUI (Rich traceback) is not Terraform context", () => {
    const log = [
      "╭──────────── Traceback (most recent call last) ────────────╮",
      "│ /app/main.py:12 in <module>                               │",
      "╰───────────────────────────────────────────────────────────╯",
      "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
    ].join("\n");
    expect(analyzeLog(log).category).toBe("cloud_auth");
  });

  it("keeps the earliest line of a category whose hits arrive after the scan (it breaks rank ties)", () => {
    // terraform_state_lock and terraform_provider_auth share a rank: the earlier line wins.
    const log = [
      `Error: ${azureAuth}`,
      "Error: Error acquiring the state lock",
      "│ Error: ExpiredToken: The security token included in the request is expired",
    ].join("\n");
    expect(analyzeLog(log).category).toBe("terraform_provider_auth");
  });
});
