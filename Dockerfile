# One image for every Waypoint app; docker-compose.yml picks the app with APP.
#   docker build -t waypoint .
#   docker run -e APP=intake -e HTTP_HOST=0.0.0.0 ... waypoint
# Services run from TypeScript source (ts-node, transpile only) exactly as `nx serve` does;
# staff-web is built with Vite at image build time and served with `vite preview`.
# Not exercised by CI (see docker-compose.yml).

# --- manifests: only the package.json files, so `npm ci` is cached until one changes ---------
FROM node:20-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package.json package-lock.json .npmrc /manifests/ \
 && find apps libs -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \;

# --- app ---------------------------------------------------------------------------------------
FROM node:20-slim
WORKDIR /app
COPY --from=manifests /manifests/ ./
# Install scripts stay off, as package.json's allowScripts says; native parts (Temporal's
# core bridge, esbuild, swc) come as prebuilt optional packages for linux/glibc.
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && npm cache clean --force
COPY . .
RUN node_modules/.bin/vite build --config apps/staff-web/vite.config.ts

ENV TS_NODE_PROJECT=tsconfig.json \
    HTTP_HOST=0.0.0.0 \
    APP=gateway
USER node
CMD ["sh", "-c", "exec node -r ts-node/register/transpile-only -r tsconfig-paths/register apps/$APP/src/main.ts"]
