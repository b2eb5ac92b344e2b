# Paved: the backend serving the built frontend, with mkdocs for TechDocs.
#
# Build on a machine with Docker (none runs on Paved's development machines, so this file is kept
# correct by construction; see README "Container image"):
#   docker build -t paved .
# Everything is compiled inside the build stage; nothing from the host's node_modules is used.

# ---- Stage 1: install all dependencies and build frontend + backend bundles -------------------
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 g++ make git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
WORKDIR /src
COPY package.json yarn.lock .yarnrc.yml backstage.json tsconfig.json ./
COPY packages packages
COPY plugins plugins
RUN yarn install --immutable
RUN yarn tsc && yarn build:backend
# The backend bundle carries the frontend (app-backend serves it) and the plugins it depends on.

# ---- Stage 2: production dependencies only, from the bundle's skeleton -------------------------
FROM node:22-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 g++ make \
 && rm -rf /var/lib/apt/lists/*
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
WORKDIR /app
COPY --from=build /src/package.json /src/yarn.lock /src/.yarnrc.yml /src/backstage.json ./
COPY --from=build /src/packages/backend/dist/skeleton.tar.gz ./
RUN tar xzf skeleton.tar.gz && rm skeleton.tar.gz \
 && yarn workspaces focus --all --production \
 && yarn cache clean --all

# ---- Stage 3: runtime --------------------------------------------------------------------------
FROM node:22-bookworm-slim
# mkdocs + the TechDocs plugin set for building documentation in the backend (techdocs.builder: local);
# git for the local git host and GitOps commits of the provisioning providers.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv git tini ca-certificates \
 && python3 -m venv /opt/mkdocs \
 && /opt/mkdocs/bin/pip install --no-cache-dir mkdocs-techdocs-core==1.* \
 && apt-get purge -y python3-venv && rm -rf /var/lib/apt/lists/*
ENV PATH=/opt/mkdocs/bin:$PATH NODE_ENV=production

# Runs as the unprivileged `node` user (uid 1000) from the base image.
WORKDIR /app
COPY --from=deps --chown=node:node /app ./
COPY --from=build --chown=node:node /src/packages/backend/dist/bundle.tar.gz ./
RUN tar xzf bundle.tar.gz && rm bundle.tar.gz && chown -R node:node /app
COPY --chown=node:node app-config.yaml app-config.production.yaml ./
COPY --chown=node:node catalog ./catalog
COPY --chown=node:node templates ./templates
COPY --chown=node:node catalog-info.yaml ./
COPY --chown=node:node docs ./docs
COPY --chown=node:node infrastructure ./infrastructure
COPY --chown=node:node policies ./policies
COPY --chown=node:node scorecards ./scorecards
RUN mkdir -p /app/.data/techdocs /app/.data/git && chown -R node:node /app/.data
USER node
EXPOSE 7007
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "packages/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml"]
