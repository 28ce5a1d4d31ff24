// A real federation gateway (Apollo Gateway in Apollo Server) in front of the subgraphs of a
// composed supergraph, routing to the URLs the supergraph names.
//   node gateway.mjs <supergraph.graphql> <port>        (0 = any free port)
// Prints "listening on <url>" once it accepts requests.
// The client's Authorization header goes to every subgraph request: the Cloud Sword gateway
// authenticates and authorizes each field itself, the router only routes.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphFile, portArg] = process.argv.slice(2);
if (!supergraphFile) {
  console.error('usage: node gateway.mjs <supergraph.graphql> [port]');
  process.exit(2);
}

class ForwardingDataSource extends RemoteGraphQLDataSource {
  willSendRequest({ request, context }) {
    if (context.authorization) {
      request.http.headers.set('authorization', context.authorization);
    }
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphFile, 'utf8'),
  buildService: ({ url }) => new ForwardingDataSource({ url }),
});
// Subgraph failures reach the client as GraphQL errors with their code, never a stack trace.
const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(portArg ?? 0), host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
console.log(`listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.stop().finally(() => process.exit(0)));
}
