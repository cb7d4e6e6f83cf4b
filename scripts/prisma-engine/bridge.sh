#!/bin/sh
# Executable the Prisma CLI spawns as its schema engine (PRISMA_SCHEMA_ENGINE_BINARY).
# prisma.config.ts exports PORTICO_PRISMA_BRIDGE_NODE (the Node running the CLI),
# because the machine's default `node` may be older than the project's Node 24.
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
exec "${PORTICO_PRISMA_BRIDGE_NODE:-node}" "$dir/bridge.mjs" "$@"
