import type { LogPattern } from "./types";

// Container lifecycle failures reported by the kubelet and container runtime.
export const kubernetesWorkloadPatterns: LogPattern[] = [
  {
    id: "k8s.crashloop.reason",
    category: "crashloopbackoff",
    severity: "high",
    regex: String.raw`\bCrashLoopBackOff\b`,
    explanation: "The kubelet keeps restarting a container that exits shortly after start.",
    examples: {
      positive: [
        "web-7d9f8b6c5-x2x9z   0/1     CrashLoopBackOff   6 (2m ago)   10m",
        "      Reason:       CrashLoopBackOff",
      ],
      negative: ["web-7d9f8b6c5-x2x9z   1/1     Running   0   10m"],
    },
  },
  {
    id: "k8s.crashloop.backoff-restarting",
    category: "crashloopbackoff",
    severity: "high",
    regex: String.raw`(?i)back-?off restarting failed container`,
    explanation: "Kubelet event emitted while a crashing container is in restart back-off.",
    examples: {
      positive: [
        "Warning  BackOff  3m (x25 over 8m)  kubelet  Back-off restarting failed container api in pod api-0",
      ],
      negative: ["Normal  Pulled  3m  kubelet  Container image already present on machine"],
    },
  },
  {
    id: "k8s.crashloop.restart-count",
    category: "crashloopbackoff",
    severity: "medium",
    // `kubectl describe pod`: a container that keeps exiting piles up restarts.
    regex: String.raw`^\s*Restart Count:\s*(?:[3-9]|\d{2,})\s*$`,
    explanation:
      "The container has restarted repeatedly: it keeps exiting and the kubelet keeps restarting it.",
    examples: {
      positive: ["Restart Count: 19", "    Restart Count:  4"],
      negative: ["Restart Count: 0", "Restart Count: 1"],
    },
  },
  {
    id: "k8s.oom.reason",
    category: "oomkilled",
    severity: "critical",
    regex: String.raw`\bOOM ?Kill(?:ed|ing)\b`,
    explanation: "The container exceeded its memory limit and the kernel OOM killer terminated it.",
    examples: {
      positive: [
        '"reason": "OOM Killed",',
        "      Reason:       OOMKilled",
        `{"reason":"OOMKilled","exitCode":137}`,
      ],
      negative: ["      Reason:       Completed"],
    },
  },
  {
    id: "k8s.oom.exit-137",
    category: "oomkilled",
    severity: "high",
    regex: String.raw`(?i)(?:\bexit(?:ed)?(?: with)? (?:code|status)\s*[:=]?\s*137\b|"exitCode":\s*137\b)`,
    explanation: "Exit code 137 (SIGKILL) is almost always the OOM killer for containers.",
    examples: {
      positive: ['"exitCode": 137,', "      Exit Code:    137", "container exited with code 137"],
      negative: ["      Exit Code:    1", "exit code 1370 unrelated"],
    },
  },
  {
    id: "linux.oom.kernel",
    category: "oomkilled",
    severity: "critical",
    regex: String.raw`(?i)\b(?:out of memory: kill(?:ed)? process|memory cgroup out of memory|oom-kill:|oom_reaper)`,
    explanation: "Kernel log lines from the OOM killer.",
    examples: {
      positive: ["[12345.6789] Memory cgroup out of memory: Killed process 4242 (java)"],
      negative: ["memory usage is 40% of limit"],
    },
  },
  {
    id: "k8s.image.pull-reason",
    category: "imagepullbackoff",
    severity: "high",
    regex: String.raw`\b(?:ImagePullBackOff|ErrImagePull|ErrImageNeverPull|InvalidImageName)\b`,
    explanation: "The kubelet cannot pull the container image.",
    examples: {
      positive: ["api-5c6b   0/1   ImagePullBackOff   0   2m", "Reason: ErrImagePull"],
      negative: ['Successfully pulled image "nginx:1.27" in 1.2s'],
    },
  },
  {
    id: "k8s.image.failed-pull",
    category: "imagepullbackoff",
    severity: "high",
    regex: String.raw`(?i)(?:failed to pull (?:and unpack )?image|\btoomanyrequests\b|reached your pull rate limit|error pulling image configuration|back-?off pulling image|pull access denied|manifest unknown|manifest for \S+ not found|repository does not exist or may require)`,
    explanation:
      "The registry refused the image reference: wrong tag, missing image, or missing pull credentials.",
    examples: {
      positive: [
        "Error response from daemon: toomanyrequests: You have reached your pull rate limit.",
        `Failed to pull image "registry.example.com/api:v9": rpc error: code = NotFound desc = manifest unknown`,
        'Back-off pulling image "ghcr.io/acme/api:latest"',
        "Error response from daemon: pull access denied for acme/api, repository does not exist or may require 'docker login'",
      ],
      negative: ['Successfully pulled image "nginx"', 'Pulling image "nginx:1.27"'],
    },
  },
  {
    id: "k8s.config.reason",
    category: "create_container_config_error",
    severity: "high",
    regex: String.raw`\bCreateContainer(?:Config)?Error\b`,
    explanation: "The kubelet cannot build the container spec, usually a missing Secret/ConfigMap or key.",
    examples: {
      positive: ["worker-0   0/1   CreateContainerConfigError   0   1m"],
      negative: ["worker-0   0/1   ContainerCreating   0   1m"],
    },
  },
  {
    id: "k8s.config.missing-ref",
    category: "create_container_config_error",
    severity: "high",
    regex: String.raw`(?i)(?:\b(?:secrets?|config ?maps?) "[^"]*" not found|couldn't find key \S+ in (?:secret|configmap)|container has runAsNonRoot and image)`,
    explanation:
      "The pod references a Secret, ConfigMap or key that does not exist, or violates runAsNonRoot.",
    examples: {
      positive: [
        `Error: secret "db-credentials" not found`,
        "Error: couldn't find key DATABASE_URL in Secret prod/app-env",
        `Error: configmap "feature-flags" not found`,
      ],
      negative: [`pod "web-0" not found`, "secret rotated successfully"],
    },
  },
  {
    id: "k8s.probe.failed",
    category: "probe_failure",
    severity: "medium",
    regex: String.raw`(?i)\b(?:liveness|readiness|startup) probe (?:failed|errored)`,
    explanation: "A health probe is failing; liveness/startup failures restart the container.",
    examples: {
      positive: [
        `Warning  Unhealthy  2m (x10 over 4m)  kubelet  Readiness probe failed: Get "http://10.1.2.3:8080/healthz": dial tcp 10.1.2.3:8080: connect: connection refused`,
        "Liveness probe failed: HTTP probe failed with statuscode: 500",
      ],
      negative: ["Readiness probe succeeded"],
    },
  },
  {
    id: "k8s.probe.restart",
    category: "probe_failure",
    severity: "medium",
    regex: String.raw`(?i)failed (?:liveness|startup) probe, will be restarted`,
    explanation: "The kubelet is restarting the container because its probe keeps failing.",
    examples: {
      positive: ["Normal  Killing  1m  kubelet  Container api failed liveness probe, will be restarted"],
      negative: ["Normal  Killing  1m  kubelet  Stopping container api"],
    },
  },
];
