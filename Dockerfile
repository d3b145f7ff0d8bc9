# Checkout session service: one image for the service, the Primer emulator and the demo order service.
# A supported Node LTS line; `slim` keeps Debian's userland small.
FROM node:24-slim AS base
WORKDIR /app

# Compiles TypeScript with the dev dependencies; none of this stage ships. --ignore-scripts: `prepare` builds, and src is not here yet.
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json tsconfig.browser.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

# Production dependencies alone, in their own stage so a source change reuses this layer.
FROM base AS production-dependencies
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM base AS runtime
# PORT is set so the HEALTHCHECK below knows it; commands that listen elsewhere set their own.
ENV NODE_ENV=production \
    PORT=8080
# Root-owned and so read-only to the process that runs it; least-changing layers first.
COPY --from=production-dependencies --chown=root:root /app/node_modules ./node_modules
# The demo checkout page, served only in demo mode or with DEMO_PAGE=true.
COPY --chown=root:root public ./public
# The service reads its name and version from package.json once at start (log lines, span resource).
COPY --chown=root:root package.json ./
COPY --from=build --chown=root:root /app/dist ./dist
USER node
# Last, so a new revision changes no layer above.
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="checkout-session-service" \
      org.opencontainers.image.description="Backend-for-frontend that creates Primer client sessions from the shop's cart" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="UNLICENSED" \
      org.opencontainers.image.base.name="docker.io/library/node:24-slim"
# The API on PORT; /metrics on METRICS_PORT, for Prometheus on the internal network only.
EXPOSE 8080 9464
# No curl in a slim image: node itself probes whatever PORT this container's command listens on.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT,path:'/healthz'},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM/SIGINT itself (drain, then exit 0); no npm in the signal path.
CMD ["node", "dist/main.js"]
