import type { LogPattern } from "./types";

// Image build problems (Dockerfile/BuildKit/Kaniko, wrong-architecture binaries)
// and package manager dependency resolution (npm/yarn/pnpm, pip, Maven/Gradle, Go, Cargo).
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
  {
    id: "deps.npm",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:npm ERR! code (?:ERESOLVE|E404|ETARGET|ENOVERSIONS|EINTEGRITY)|npm error code (?:ERESOLVE|E404|ETARGET|ENOVERSIONS|EINTEGRITY)|unable to resolve dependency tree|could not resolve dependency|no matching version found for|\bERR_PNPM_\w+|error Couldn't find (?:any versions|package)|conflicting peer dependency)`,
    explanation: "npm/yarn/pnpm cannot satisfy the declared version ranges or find the package.",
    examples: {
      positive: [
        "npm ERR! code ERESOLVE",
        "npm error ERESOLVE unable to resolve dependency tree",
        "npm ERR! notarget No matching version found for left-pad@^9.9.9.",
        " ERR_PNPM_NO_MATCHING_VERSION  No matching version found for react@20",
      ],
      negative: ["added 312 packages, and audited 313 packages in 9s", "npm WARN deprecated inflight@1.0.6"],
    },
  },
  {
    id: "deps.pip",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:could not find a version that satisfies the requirement|no matching distribution found for|\bResolutionImpossible\b|because these package versions have conflicting dependencies|\bSolverProblemError\b|version solving failed)`,
    explanation:
      "pip/Poetry cannot find a distribution matching the requirement or the constraints conflict.",
    examples: {
      positive: [
        "ERROR: Could not find a version that satisfies the requirement tensorflow==1.2.3 (from versions: 2.16.1)",
        "ERROR: No matching distribution found for tensorflow==1.2.3",
        "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/",
      ],
      negative: ["Successfully installed requests-2.32.3", "Requirement already satisfied: idna"],
    },
  },
  {
    id: "deps.jvm-go-rust",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:could not resolve dependencies for project|^go: \S+@\S+: (?:unexpected status .*\b(?:404|410)\b|reading \S+: (?:404|410)\b|invalid version|unknown revision)|could not resolve all (?:files|dependencies|artifacts) for configuration|could not find artifact \S+|missing go\.sum entry|cannot find module providing package|\bunknown revision \S+|failed to select a version for (?:the requirement|\S+)|no matching package named)`,
    explanation: "Maven/Gradle/Go/Cargo cannot resolve a module or artifact version.",
    examples: {
      positive: [
        "go: github.com/a/b@v0.0.0-20181227030943-b85e20a7d4b8: unexpected status (https://goproxy.io/github.com/a/b/@v/v0.0.0.info): 404 Not Found",
        "[ERROR] Failed to execute goal on project api: Could not resolve dependencies for project com.acme:api:jar:1.0: Could not find artifact com.acme:lib:jar:9.9 in central",
        "> Could not resolve all files for configuration ':app:compileClasspath'.",
        "go: github.com/acme/lib@v1.9.0: reading github.com/acme/lib/go.mod at revision v1.9.0: unknown revision v1.9.0",
        "main.go:5:2: missing go.sum entry for module providing package github.com/acme/lib",
      ],
      negative: ["go: downloading github.com/acme/lib v1.2.0", "BUILD SUCCESSFUL in 12s"],
    },
  },
  {
    id: "deps.missing-module",
    category: "dependency_resolution",
    severity: "medium",
    regex: String.raw`(?:\bModuleNotFoundError: No module named\b|\bError: Cannot find module '[^'./][^']*'|\bERR_MODULE_NOT_FOUND\b|\bImportError: cannot import name\b)`,
    explanation:
      "A package the code imports is not installed in the image (missing from requirements/package.json, or dev-only).",
    examples: {
      positive: ["ModuleNotFoundError: No module named 'psycopg2'", "Error: Cannot find module 'express'"],
      negative: ["Error: Cannot find module './config/local.json'", "module loaded"],
    },
  },
];
