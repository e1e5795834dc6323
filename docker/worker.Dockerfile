# The worker process: BullMQ processors (reply delivery, SLA timers, …). Same code as the api,
# started as a NestJS application context. Build from the repository root:
#   docker build -f docker/worker.Dockerfile .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npx tsc -p libs/contracts/tsconfig.lib.json && npx tsc -p apps/server/tsconfig.app.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY apps/server/package.json apps/server/
RUN npm ci --omit=dev --no-audit --no-fund --workspace @kefu/server --include-workspace-root && npm cache clean --force
COPY --from=build /src/libs/contracts/dist libs/contracts/dist
COPY --from=build /src/apps/server/dist apps/server/dist
# The root-cause corpus: the classifier trains its first model from it.
COPY apps/server/corpus apps/server/corpus
USER node
# The worker serves no HTTP: healthy when it reaches PostgreSQL and Redis (docker restarts it if it exits).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s CMD ["node", "apps/server/dist/cli/check-dependencies.js"]
CMD ["node", "apps/server/dist/worker.js"]
