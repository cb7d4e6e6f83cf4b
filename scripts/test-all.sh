#!/usr/bin/env bash
# The whole suite, in the order that fails fastest: static checks, unit,
# integration (embedded PGlite + real Chroma), the API fuzz suite, then e2e in Chromium against
# the real launcher. Every stage runs on the Node 24 from node_modules/.bin.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

failed=()
stage() {
  local name=$1; shift
  echo "::: $name"
  if "$@"; then echo "::: $name ok"; else echo "::: $name FAILED"; failed+=("$name"); fi
}

stage lint npx biome ci --diagnostic-level=error .
stage typecheck npx tsc --noEmit -p .
stage unit npx vitest run --project unit
# Offline diagnosis engine on the frozen, blind-labelled test split (eval/diagnose): fails below
# issue 15's targets (top-1 >= 90 %, runbook recall@3 >= 95 %, no unwarned destructive command).
stage eval npx tsx scripts/eval.ts --split=test --engine=offline --gate
stage integration npx vitest run --project integration
# Property-based fuzzing of every app/api route (tests/fuzz; FUZZ_RUNS/FUZZ_SEED/FUZZ_SOAK tune it).
stage fuzz npx vitest run --project fuzz
stage delivery npx vitest run --project delivery
stage e2e npx playwright test
# Sign-in journey in oidc mode against a loopback OpenID provider (oidc-provider).
stage e2e-oidc npx playwright test -c playwright.oidc.config.ts
# Chat journey with a local model: the portal against a loopback fake OpenAI-compatible server.
stage e2e-local-model npx playwright test -c playwright.local-model.config.ts

if [ ${#failed[@]} -gt 0 ]; then
  echo "Test stages failed: ${failed[*]}"
  exit 1
fi
echo "All test stages passed (lint, typecheck, unit, eval, integration, fuzz, delivery, e2e, e2e-oidc, e2e-local-model)"
