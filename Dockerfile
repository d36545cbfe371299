# tradegraph's GraphQL server. With docker-compose.yml it serves from the `neo4j` service; run
# alone without NEO4J_URI, it uses the embedded database in /app/var (mount a volume there).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read at run time: the Cypher statements, the curated dataset and the GraphQL schema.
COPY cypher ./cypher
COPY data ./data
COPY schema ./schema
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# Listen on every interface of the container (the application's default is 127.0.0.1).
ENV HOST=0.0.0.0 \
    PORT=4000
EXPOSE 4000
CMD ["node", "dist/src/cli/main.js", "serve"]
