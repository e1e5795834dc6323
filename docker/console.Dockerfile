# The console: static files behind nginx (non-root), which also proxies /api, /health and
# /socket.io to the api service. Build from the repository root:
#   docker build -f docker/console.Dockerfile .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm run build -w @kefu/console

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/apps/console/dist /usr/share/nginx/html
EXPOSE 8080
