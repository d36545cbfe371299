import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GraphContext } from '../graphql/context.js';
import type { GraphStore } from '../store/graph-store.js';
import { CachedStore } from '../store/read-cache.js';

/**
 * How long a kept response may live. Only a bound on memory churn: answers are right until the next
 * write, and a write makes every kept response unreachable (their key holds the write generation).
 */
const KEPT_FOR_SECONDS = 24 * 60 * 60;

/**
 * Whole responses to queries, kept until the next write, so that a repeated question skips
 * execution (resolvers, loaders, the store's own answer cache) and is answered from one lookup.
 * Apollo's response cache plugin does the keeping (by query text, operation name and variables);
 * what this adds is the store's write generation in the key, and never keeping a response computed
 * while a write ran or across one. On only when the store keeps answers itself (the read cache:
 * this process is the graph's only writer, see src/store/read-cache.ts); Neo4j, which other
 * servers may write to, runs without it unless its read cache is turned on.
 *
 * Responses with errors are never kept; mutations never read from or write to it. The limits
 * plugin still prices every request and checks its size, so `extensions.cost` is on every answer.
 */
export function responseCachePlugins(
  store: GraphStore,
  maxBytes: number,
): ApolloServerPlugin<GraphContext>[] {
  if (!(store instanceof CachedStore) || maxBytes <= 0) return [];
  const startedIn = new WeakMap<GraphQLRequest, number>();
  return [
    // Every field may be kept (Apollo's default hint keeps nothing), by this server only: a browser
    // or proxy cannot know when the next write happens, so it is told not to keep answers, as
    // Apollo tells it when nothing is kept.
    ApolloServerPluginCacheControl({ defaultMaxAge: KEPT_FOR_SECONDS, calculateHttpHeaders: false }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
    responseCachePlugin<GraphContext>({
      cache: new InMemoryLRUCache<string>({ maxSize: maxBytes }),
      extraCacheKeyData: async ({ request }) => {
        const generation = store.keepableGeneration();
        if (generation !== undefined) startedIn.set(request, generation);
        return generation ?? 'writing';
      },
      shouldReadFromCache: async ({ request }) => startedIn.has(request),
      shouldWriteToCache: async ({ request }) => {
        const generation = startedIn.get(request);
        return generation !== undefined && generation === store.keepableGeneration();
      },
    }),
  ];
}
