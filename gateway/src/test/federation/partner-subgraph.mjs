// A tiny Federation 2 subgraph standing in for a partner's: it extends Listing (by id) and Product
// (by gtin) with fields computed from the key alone, so a test knows the values to expect.
//   node partner-subgraph.mjs <port>        (0 = any free port)
// Prints "listening on <url>" once it accepts requests.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

const port = Number(process.argv[2] ?? 0);
const typeDefs = parse(readFileSync(new URL('./partner-subgraph.graphql', import.meta.url), 'utf8'));

const offerFor = (id) => ({
  sku: `PARTNER-${id}`,
  priceCents: parseInt(id.replaceAll('-', '').slice(-4), 16),
});
const stockFor = (gtin) => Number(gtin.slice(-4));

const resolvers = {
  Query: {
    partnerShelf: (_, { listingIds, gtins }) => ({
      listings: listingIds.map((id) => ({ id })),
      products: gtins.map((gtin) => ({ gtin })),
    }),
  },
  Listing: {
    __resolveReference: ({ id }) => ({ id }),
    partnerOffer: ({ id }) => offerFor(id),
  },
  Product: {
    __resolveReference: ({ gtin }) => ({ gtin }),
    partnerStock: ({ gtin }) => stockFor(gtin),
  },
};

const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]) });
const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
console.log(`listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.stop().finally(() => process.exit(0)));
}
