import { describe, expect, it } from "vitest";
import { classifyFailureText, FAILURE_CATEGORIES, isFailureCategory } from "./categories";

describe("classifyFailureText", () => {
  it.each([
    ["Back-off restarting failed container app in pod web-1", "crashloopbackoff"],
    ["pod keeps restarting", "crashloopbackoff"],
    ["Error acquiring the state lock ConditionalCheckFailedException", "terraform_state_lock"],
    ["java.lang.OutOfMemoryError: Java heap space", "jvm_oom"],
    ["Last State: Terminated Reason: OOMKilled exit code 137", "oomkilled"],
    ["x509: certificate signed by unknown authority", "tls_certificate"],
    ['pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource', "rbac_forbidden"],
    ["dial tcp: lookup db on 10.96.0.10:53: no such host", "dns_resolution"],
    ["Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress", "helm_release"],
    ["0/3 nodes are available: 3 Insufficient cpu", "failed_scheduling"],
    ["npm ERR! code ERESOLVE unable to resolve dependency tree", "dependency_resolution"],
    ['FATAL:  password authentication failed for user "app"', "database_error"],
    ["ERROR 1045 (28000): Access denied for user 'app'@'10.0.3.17' (using password: YES)", "database_error"],
    ["ERROR 1213 (40001): Deadlock found when trying to get lock", "database_error"],
    ["An error occurred (AccessDenied) when calling the GetObject operation: Access Denied", "cloud_auth"],
    ["botocore.exceptions.NoCredentialsError: Unable to locate credentials", "cloud_auth"],
    ["google: could not find default credentials", "cloud_auth"],
    ["AADSTS7000215: Invalid client secret provided", "cloud_auth"],
    [
      "Attempted to load application default credentials since neither credentials nor access_token was set in the provider block. No credentials loaded.",
      "terraform_provider_auth",
    ],
    ["Error: ENOSPC: no space left on device, write", "disk_full"],
    ["ERROR: failed to solve: failed to copy files: no space left on device", "disk_full"],
    ["Error: listen EADDRINUSE: address already in use :::3000", "port_in_use"],
    ["CrashLoopBackOff: listen tcp :8080: bind: address already in use", "port_in_use"],
    ["PermissionError: [Errno 13] Permission denied: '/data/state.db'", "permission_denied"],
    ["mkdir /var/cache/app: read-only file system", "permission_denied"],
    ['MountVolume.SetUp failed for volume "nfs" : mount failed: permission denied', "volume_mount"],
    ["Error: pull access denied for app, repository does not exist", "imagepullbackoff"],
    ["dial tcp 10.0.3.4:5432: i/o timeout", "network_timeout"],
    ["java.net.SocketTimeoutException: connect timed out", "network_timeout"],
    ["dial tcp: lookup db on 10.96.0.10:53: i/o timeout no such host", "dns_resolution"],
  ])("%s → %s", (text, category) => {
    expect(classifyFailureText(text)).toBe(category);
  });

  it("returns null when nothing matches", () => {
    expect(classifyFailureText("the weather is nice")).toBeNull();
  });

  it("only returns known categories", () => {
    expect(isFailureCategory("oomkilled")).toBe(true);
    expect(isFailureCategory("banana")).toBe(false);
    expect(FAILURE_CATEGORIES).toContain("other");
  });
});
