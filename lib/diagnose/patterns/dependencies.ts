import type { LogPattern } from "./types";

// Package managers that cannot resolve, fetch or install what a project
// declares, one pattern per ecosystem. Each names the manager's own wording for
// the failure (not found in the registry, no version satisfies the constraint,
// conflicting constraints, lock file out of sync, native build of a package
// failed), so a manager's message that no regex lists verbatim is still caught
// by the shape its family shares. A failing `npm ci` beats the `docker build`
// step running it (rank 65 > 35).
export const dependencyPatterns: LogPattern[] = [
  {
    id: "deps.npm",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:npm (?:ERR!|error) code (?:ERESOLVE|E404|ETARGET|ENOVERSIONS|EINTEGRITY|ELSPROBLEMS|EUSAGE|E401|E403|EBADENGINE)|404 Not Found - GET https?://\S*registry|The engine \"node\" is incompatible with this module|unable to resolve dependency tree|could not resolve dependency|no matching version found for|is not in (?:the npm|this) registry|\bERR_PNPM_\w+|error Couldn't find (?:any versions|package|a package\.json)|conflicting peer dependency|Fix the upstream dependency conflict|UNMET PEER DEPENDENCY|can only install packages when your package\.json and package-lock\.json|lockfile (?:needs to be updated|would have been modified)|\bYN0(?:001|002|018|028|035|060|071)\b|No candidates found|Module not found: Error: Can't resolve '[^'./]|\bERR_PACKAGE_PATH_NOT_EXPORTED\b|gyp ERR! (?:build error|stack Error)|An unexpected error occurred: .*(?:Not found|404)|Integrity check failed for|integrity checksum failed|node-pre-gyp ERR!|Failed at the \S+ install script)`,
    explanation:
      "npm/yarn/pnpm cannot satisfy the declared version ranges, find the package, or install it (lock file out of sync, native addon build failed).",
    examples: {
      positive: [
        "npm ERR! code ERESOLVE",
        "npm error ERESOLVE unable to resolve dependency tree",
        "npm ERR! notarget No matching version found for left-pad@^9.9.9.",
        " ERR_PNPM_NO_MATCHING_VERSION  No matching version found for react@20",
        "npm ERR! 404  'acme-lib@1.0.0' is not in this registry.",
        'error Couldn\'t find package "acme-lib" on the "npm" registry.',
        "➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.",
        "npm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync.",
        "Module not found: Error: Can't resolve 'axios' in '/app/src'",
        "gyp ERR! build error",
        'error acme-lib@2.0.0: The engine "node" is incompatible with this module. Expected version ">=20". Got "18.19.0"',
        "npm ERR! 404 Not Found - GET https://registry.npmjs.org/acme-lib - Not found",
      ],
      negative: [
        "added 312 packages, and audited 313 packages in 9s",
        "npm WARN deprecated inflight@1.0.6",
        "Module not found: Error: Can't resolve './Header' in '/app/src'",
      ],
    },
  },
  {
    id: "deps.python",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:could not find a version that (?:satisfies|matches) the requirement|no matching distribution found for|\bResolutionImpossible\b|\bResolutionFailure\b|because these package versions have conflicting dependencies|\bSolverProblemError\b|version solving failed|which doesn't match any versions|Unable to find installation candidates for|\bdependencies could not be resolved\b|No solution found when resolving dependencies|was not found in the package registry|but you have \S+ \S+ which is incompatible|requires a different Python|externally-managed-environment|poetry\.lock (?:is not consistent|was last generated)|Could not build wheels for|Failed building wheel for|Getting requirements to build wheel did not run successfully|Building wheel for \S+ .*did not run successfully|Encountered error while generating package metadata|\bmetadata-generation-failed\b|\blegacy-install-failure\b|DO NOT MATCH THE HASHES|The conflict is caused by:|Solving environment: failed|Found conflicts! Looking for incompatible packages|\bPackagesNotFoundError\b|\bUnsatisfiableError\b|\bResolvePackageNotFound\b|\bLibMambaUnsatisfiableError\b)`,
    explanation:
      "pip/Poetry/Pipenv/uv/conda cannot find a distribution matching the requirement, the constraints conflict, the lock file is stale, or a package failed to build from source.",
    examples: {
      positive: [
        "ERROR: Could not find a version that satisfies the requirement tensorflow==1.2.3 (from versions: 2.16.1)",
        "ERROR: No matching distribution found for tensorflow==1.2.3",
        "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/",
        "Because acme depends on requests (^9.0) which doesn't match any versions, version solving failed.",
        "  × No solution found when resolving dependencies:",
        "ERROR: Could not build wheels for psycopg2, which is required to install pyproject.toml-based projects",
        "PackagesNotFoundError: The following packages are not available from current channels:",
        "ERROR: Package 'acme' requires a different Python: 3.8.10 not in '>=3.9'",
        "error: externally-managed-environment",
      ],
      negative: ["Successfully installed requests-2.32.3", "Requirement already satisfied: idna"],
    },
  },
  {
    id: "deps.jvm",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:could not resolve dependencies\b|unresolved dependency\b|\bResolveException\b|Failed to resolve: [A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+|Could not (?:GET|HEAD) '[^']+'\. Received status code|was not found in \S+ during a previous attempt|could not resolve all (?:files|dependencies|artifacts|task dependencies) for configuration|could not find artifact \S+|could not transfer artifact|failed to read artifact descriptor for|non-resolvable (?:parent|import) POM|The following artifacts could not be resolved|Could not collect dependencies|or one of its dependencies could not be resolved|was cached in the local repository, resolution will not be reattempted|resolution is not reattempted until|^\s*> Could not (?:resolve|find) [A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+|Plugin \[id: '[^']+'.*\] was not found in any of the following sources|Could not resolve plugin artifact|Dependency convergence error)`,
    explanation:
      "Maven/Gradle cannot resolve an artifact or plugin: the version does not exist in the configured repositories, a repository is unreachable or needs credentials, or a failed lookup is cached.",
    examples: {
      positive: [
        "[ERROR] Failed to execute goal on project api: Could not resolve dependencies for project com.acme:api:jar:1.0: Could not find artifact com.acme:lib:jar:9.9 in central",
        "> Could not resolve all files for configuration ':app:compileClasspath'.",
        "   > Could not find com.acme:lib:9.9.",
        "[ERROR] Non-resolvable parent POM for com.acme:api:1.0: Could not find artifact com.acme:parent:pom:2.0",
        "Plugin [id: 'com.acme.build', version: '1.0'] was not found in any of the following sources:",
      ],
      negative: [
        "BUILD SUCCESSFUL in 12s",
        "[INFO] Downloaded from central: https://repo.maven.apache.org/x.jar",
      ],
    },
  },
  {
    id: "deps.go",
    category: "dependency_resolution",
    severity: "high",
    regex: String.raw`(?i)(?:^go: \S+@\S+: (?:unexpected status|reading \S+|invalid (?:version|pseudo-version)|unknown revision|verifying |no matching versions|git ls-remote|parsing go\.mod)|^go: (?:error loading module requirements|errors parsing go\.mod|updates to go\.mod needed|inconsistent vendoring|module \S+: (?:git ls-remote|reading|no matching versions)|finding module for package .*: .*(?:not found|404|410))|missing go\.sum entry|^verifying \S+@\S+: checksum mismatch|no matching versions for query|cannot find module providing package|no required module provides package|\bunknown revision \S+|unrecognized import path "[^"]+"|module declares its path as|go\.mod requires go >= \S+|is not in (?:GOROOT|std)\b|ambiguous import: found package)`,
    explanation:
      "Go cannot resolve or verify a module version (unknown revision, proxy 404/410, go.sum/go.mod out of date, module path mismatch).",
    examples: {
      positive: [
        "go: github.com/a/b@v0.0.0-20181227030943-b85e20a7d4b8: unexpected status (https://goproxy.io/github.com/a/b/@v/v0.0.0.info): 404 Not Found",
        "go: github.com/acme/lib@v1.9.0: reading github.com/acme/lib/go.mod at revision v1.9.0: unknown revision v1.9.0",
        "main.go:5:2: missing go.sum entry for module providing package github.com/acme/lib",
        "main.go:4:2: no required module provides package github.com/acme/lib; to add it:",
        "go: updates to go.mod needed; to update it:",
        "        module declares its path as: github.com/new/lib",
      ],
      negative: ["go: downloading github.com/acme/lib v1.2.0", "go: finding github.com/acme/lib v1.2.0"],
    },
  },
  {
    id: "deps.other-managers",
    category: "dependency_resolution",
    severity: "high",
    // Cargo, Bundler, Composer, NuGet and `terraform init` installing providers
    // and modules. OS packages (apt/apk/dnf) are left to the image build.
    regex: String.raw`(?i)(?:failed to select a version for|no matching package (?:named|found)|failed to get \S+ as a dependency of|failed to load source for dependency|needs to be updated but --(?:locked|frozen) was passed|cannot be built because it requires rustc|Could not find gem '|Bundler could not find compatible versions|\bBundler::(?:GemNotFound|VersionConflict|SolveFailure)\b|\bGem::MissingSpecError\b|in any of the (?:gem )?sources|and Bundler cannot continue|Failed to build gem native extension|requirements could not be resolved to an installable set of packages|Root composer\.json requires|Unchecked dependencies for environment|dependencies have diverged|lock file does not contain a compatible set of packages|could not be found in any version|Could not find (?:a matching version of )?package \S+ (?:in a version matching|at all)|\berror NU1\d{3}\b|Unable to find package \S+|CocoaPods could not find compatible versions|Failed to query available provider packages|Failed to install provider\b|no available releases match the given constraints|Inconsistent dependency lock file|Failed to download module)`,
    explanation:
      "Cargo, Bundler, Composer, NuGet or `terraform init` cannot find or reconcile a package, provider or module version.",
    examples: {
      positive: [
        'error: failed to select a version for the requirement `serde = "^9"`',
        "error: no matching package named `serde_jsn` found",
        "Could not find gem 'rails (~> 9.0)' in any of the gem sources listed in your Gemfile.",
        "Your requirements could not be resolved to an installable set of packages.",
        "error NU1101: Unable to find package Acme.Lib. No packages exist with this id in source(s): nuget.org",
        "│ Error: Failed to query available provider packages",
      ],
      negative: [
        "Compiling serde v1.0.190",
        "Bundle complete! 12 Gemfile dependencies",
        "Setting up libpq5 (15.4-1)",
      ],
    },
  },
  {
    id: "deps.missing-module",
    category: "dependency_resolution",
    severity: "medium",
    regex: String.raw`(?:\bModuleNotFoundError: No module named\b|\bError: Cannot find module '[^'./][^']*'|\bERR_MODULE_NOT_FOUND\b|\bImportError: cannot import name\b|\bLoadError: cannot load such file -- [a-z])`,
    explanation:
      "A package the code imports is not installed in the image (missing from requirements/package.json/Gemfile, or dev-only).",
    examples: {
      positive: [
        "ModuleNotFoundError: No module named 'psycopg2'",
        "Error: Cannot find module 'express'",
        "LoadError: cannot load such file -- nokogiri",
      ],
      negative: ["Error: Cannot find module './config/local.json'", "module loaded"],
    },
  },
];
