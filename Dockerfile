# syntax=docker/dockerfile:1.7
# Portico image: the Next.js standalone server plus what `npm run db:migrate` needs (the
# ArgoCD PreSync Job runs it from the same image). Runs as UID 10001 on a read-only root
# filesystem; only /tmp is writable (.next/cache points there). tests/delivery proves the
# runtime contract without Docker; see infra/README.md for the build in CI.

# Pinned to an exact release; CI resolves and records the digest (docker buildx imagetools inspect).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# --- build: every dependency, prisma generate, next build (standalone output) ---
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 CI=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-engine ./scripts/prisma-engine
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx prisma generate && npx next build

# --- prod-deps: runtime dependencies only (migrations use prisma, pg, tsx; no dev tooling) ---
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
ENV CI=1
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- assemble: lay out /app exactly as it runs, then strip what must not ship ---
FROM ${NODE_IMAGE} AS assemble
WORKDIR /app
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/generated ./generated
COPY --from=build /src/package.json /src/package-lock.json /src/prisma.config.ts /src/tsconfig.json ./
COPY --from=build /src/prisma ./prisma
COPY --from=build /src/scripts ./scripts
COPY --from=build /src/lib ./lib
COPY --from=build /src/runbooks ./runbooks
COPY --from=build /src/templates ./templates
RUN find /app -name '*.map' -type f -delete \
 && rm -rf /app/.next/cache /app/tests /app/bench /app/docs \
 && ln -s /tmp/next-cache /app/.next/cache \
 && chmod -R a+rX,go-w /app

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="portico" \
      org.opencontainers.image.description="Portico internal developer portal" \
      org.opencontainers.image.licenses="UNLICENSED"
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    HOME=/tmp \
    NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_CACHE=/tmp/.npm \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    CHECKPOINT_DISABLE=1
WORKDIR /app
# Owned by root and not writable by the app user: the code cannot be changed at runtime even
# if the root filesystem is mounted read-write by mistake.
COPY --from=assemble --chown=0:0 /app ./
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health?probe=live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
