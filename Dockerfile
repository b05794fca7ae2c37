# Casusbot as a container image. `npm run test:release` (scripts/release-test.ts) reads this file and performs its
# steps without Docker in a clean temporary folder (the build stage in one folder, the runtime stage in another):
# COPY, RUN (npm and node), ENV, WORKDIR, HEALTHCHECK and CMD are carried out as written, so the two stay in step.
# Change a step here and the release test runs the change.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY prisma/migrations ./prisma/migrations
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY cards ./cards
COPY src ./src
RUN npm run build

FROM node:20-slim AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY prisma/migrations ./prisma/migrations
COPY scripts/generate-client.mjs ./scripts/generate-client.mjs
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# Two V8 settings keep the process lean (measured with npm run bench -- load, see README "Memory"): Liftoff only for
# WebAssembly (Prisma's query compiler; TurboFan's second compilation costs about 60 MB and brings no speed here),
# and V8's heap sizing for small footprints. Together: about 160 MB instead of 310 MB after 1,000 turns on PostgreSQL.
CMD ["node", "--liftoff-only", "--optimize-for-size", "dist/bot/main.js"]
