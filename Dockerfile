# Keystone production image: build once, run stateless instances behind a load balancer.
# Node 24, the long-term-support line: Node 20 reached its end of life in April 2026 (no more
# security fixes). The whole suite passes on 24 as on 20 (package.json's engines keeps >=20.19).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && npm install --no-save tsx@4

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 NODE_OPTIONS=--max-old-space-size=256
RUN useradd --system --uid 1001 keystone
COPY --from=build --chown=keystone /app ./
USER keystone
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Migrations run once per release (see compose.yaml's "migrate" service), not in every instance.
# Idle connections kept 65 s, longer than a load balancer's usual 60 s (productionStartArgs in
# scripts/build-state.mjs, as npm start runs it).
CMD ["node_modules/.bin/next", "start", "--keepAliveTimeout", "65000"]
