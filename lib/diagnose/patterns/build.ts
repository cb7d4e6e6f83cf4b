import type { LogPattern } from "./types";

// Image build problems (Dockerfile/BuildKit/Kaniko, wrong-architecture binaries).
// Package managers failing inside a build step are dependencies.ts.
export const buildPatterns: LogPattern[] = [
  {
    id: "build.exec-format",
    category: "container_build",
    severity: "high",
    regex: String.raw`(?i)(?:\bexec format error\b|exec user process caused|executable file not found in \$PATH|\bno such file or directory: unknown\b)`,
    explanation:
      "The image's entrypoint is missing or built for another CPU architecture (e.g. arm64 image on amd64 nodes).",
    examples: {
      positive: [
        "exec /usr/local/bin/server: exec format error",
        "standard_init_linux.go:228: exec user process caused: exec format error",
        `Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "gunicorn": executable file not found in $PATH: unknown`,
      ],
      negative: ["exec into pod succeeded", "formatting output"],
    },
  },
  {
    id: "build.step-failed",
    category: "container_build",
    severity: "high",
    regex: String.raw`(?i)(?:\bfailed to solve\b|ERROR: failed to build|executor failed running|did not complete successfully: exit code|returned a non-zero code: \d+|error building image|failed to compute cache key|failed to calculate checksum of ref|COPY failed:|dockerfile parse error|unknown instruction: \S+)`,
    explanation: "A Dockerfile step failed during the image build.",
    examples: {
      positive: [
        `ERROR: failed to solve: process "/bin/sh -c make build" did not complete successfully: exit code: 2`,
        "The command '/bin/sh -c apt-get install -y libpq-dev' returned a non-zero code: 100",
        `ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::xyz: "/dist": not found`,
        "error building image: error building stage: failed to execute command: waiting for process to exit: exit status 1",
      ],
      negative: ["#12 DONE 3.4s", "Successfully built 4f2a1b3c"],
    },
  },
];
