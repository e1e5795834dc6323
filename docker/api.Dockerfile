# The api process: migrates, seeds the first admin (from KEFU_ADMIN_EMAIL/PASSWORD) on an empty
# database, then serves HTTP and socket.io on $PORT. Build from the repository root:
#   docker build -f docker/api.Dockerfile .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npx tsc -p libs/contracts/tsconfig.lib.json && npx tsc -p apps/server/tsconfig.app.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 CONSOLE_DIST=
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY apps/server/package.json apps/server/
RUN npm ci --omit=dev --no-audit --no-fund --workspace @kefu/server --include-workspace-root && npm cache clean --force
COPY --from=build /src/libs/contracts/dist libs/contracts/dist
COPY --from=build /src/apps/server/dist apps/server/dist
# The root-cause corpus: the classifier trains its first model from it.
COPY apps/server/corpus apps/server/corpus
COPY apps/server/bin apps/server/bin
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# API_PROCESSES api processes (default: one per core the container sees) behind the one port.
CMD ["sh", "-c", "node apps/server/dist/cli/setup.js && exec node apps/server/bin/api-cluster.mjs"]
