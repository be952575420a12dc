# syntax=docker/dockerfile:1
# Build stage: install everything, compile, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json ormconfig.ts .prettierrc.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
# The build compiles the app and writes its OpenAPI document to dist/openapi.json.
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled code and production dependencies only, as the unprivileged `node` user.
# No NETWORK_ENV here on purpose: REQUIRE_NETWORK_ENV=true makes the app refuse to start until the deployment names
# its network (devnet, testnet or mainnet); a devnet then still refuses HOST=0.0.0.0 without DEVNET_ALLOW_PUBLIC=true.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    REQUIRE_NETWORK_ENV=true \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Pending migrations run at boot under a PostgreSQL advisory lock (MIGRATIONS_RUN=true by default).
CMD ["node", "dist/apps/api/src/main.js"]
