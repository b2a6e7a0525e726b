# syntax=docker/dockerfile:1
#
# Fuyi (复议) — one image, three uses (see docker-compose.yml):
#   api (default CMD)  node dist/apps/api/src/main.js
#   worker             node dist/apps/worker/src/main.js
#   setup / migrate    node dist/scripts/setup.js     (create db + fuyi_app role, migrate, seed demo)
#
#   docker build -t fuyi .
#   docker run --init --env-file app.env -p 3000:3000 fuyi                                      # api
#   docker run --init --env-file app.env --no-healthcheck fuyi node dist/apps/worker/src/main.js  # worker
# where app.env sets DATABASE_URL, REDIS_URL, JWT_SECRET and DATA_KEY (the image runs with
# NODE_ENV=production, which refuses to start without them).
# docker compose up does all of this for you.

# Node.js 20 reached end of life on 2026-04-30: the image runs the current LTS (24). .ci/run also runs the unit
# tier on Node 22, so the dev machines can follow with one line.
ARG NODE_IMAGE=node:24-bookworm-slim
# npm 11 honours package.json#allowScripts (older npm ignores it and would run every dependency's install
# script, including the denied ones). Same version as the dev machines.
ARG NPM_VERSION=11.19.1

# ---------------------------------------------------------------------------------------------
# toolchain: npm 11 + python3/make/g++ so node-gyp can compile argon2 / msgpackr-extract if their
# prebuilt binaries ever do not match (normally the prebuilds are used and nothing is compiled).
FROM ${NODE_IMAGE} AS toolchain
ARG NPM_VERSION
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Installed beside the bundled npm, not over it: upgrading npm in place from npm 10 fails part-way
# on recent Node images ("Cannot find module 'promise-retry'").
RUN npm install --global --prefix /opt/npm --no-audit --no-fund "npm@${NPM_VERSION}" \
 && /opt/npm/bin/npm --version
ENV PATH=/opt/npm/bin:$PATH \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app
COPY package.json package-lock.json ./

# ---------------------------------------------------------------------------------------------
# deps: every dependency, for the TypeScript build. --strict-allow-scripts: a dependency whose
# install script is not reviewed in allowScripts fails the build instead of running; the ones
# marked false (@scarf/scarf, @parcel/watcher) are skipped.
FROM toolchain AS deps
RUN npm ci --strict-allow-scripts

# ---------------------------------------------------------------------------------------------
# build: tsc + tsc-alias into dist/ (tsconfig.build.json: apps, libs, scripts, db).
FROM deps AS build
COPY . .
RUN npm run build \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/scripts/setup.js

# ---------------------------------------------------------------------------------------------
# prod-deps: runtime dependencies only, installed fresh under the same policy. (npm still installs
# typescript, ts-node and @swc/core here: the lockfile marks them devOptional, reached through
# typeorm's optional peer ts-node. Harmless, only size.)
FROM toolchain AS prod-deps
RUN npm ci --omit=dev --strict-allow-scripts \
 && npm cache clean --force

# ---------------------------------------------------------------------------------------------
# runtime: no compiler, no npm needed; runs as the unprivileged `node` user (uid 1000).
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="fuyi" \
      org.opencontainers.image.description="复议: administrative reconsideration and dispute mediation case management"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Owned by root: readable but not writable by `node`; the app never writes to its own files.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/templates ./templates
COPY package.json ./
USER node
EXPOSE 3000
# Liveness of the api (the worker and the one-shot setup have no HTTP server: compose disables
# this check for them). curl is not in the slim image, so node does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT||3000,path:'/health/live',timeout:4000},(r)=>process.exit(r.statusCode===200?0:1)).on('timeout',()=>process.exit(1)).on('error',()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
