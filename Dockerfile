# Sujarit production image: multi-stage, Node 20, non-root, with a HEALTHCHECK.
# Build:  docker build -t sujarit .
# Run:    docker run --env-file .env -p 3000:3000 sujarit   (MONGODB_URI must point at MongoDB)

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY flex-messages ./flex-messages
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node assets ./assets
# The announcement preview runs the chat simulator's Flex renderer in the officer's browser.
COPY --chown=node:node src/dev/line-emulator/simulator/public ./src/dev/line-emulator/simulator/public
COPY --chown=node:node src/dashboard/static ./src/dashboard/static
USER node
EXPOSE 3000
# Liveness: /healthz answers while the process runs. (Readiness, /readyz, also checks MongoDB.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# SIGTERM stops taking webhooks, finishes in-flight events and closes MongoDB.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/index.js"]
