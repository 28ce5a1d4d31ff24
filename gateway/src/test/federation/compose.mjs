// Composes subgraph schemas into a Federation 2 supergraph with Apollo's composition library.
//   node compose.mjs --out <supergraph.graphql> --subgraph <name> <routing url> <sdl file> [--subgraph ...]
// Prints every composition error and hint; exits 1 on errors (nothing written), 2 on bad arguments.
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

function usage(message) {
  console.error(`${message}\nusage: node compose.mjs --out <file> --subgraph <name> <url> <sdl file> ...`);
  process.exit(2);
}

const args = process.argv.slice(2);
let out;
const services = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out' && i + 1 < args.length) {
    out = args[++i];
  } else if (args[i] === '--subgraph' && i + 3 < args.length) {
    const [name, url, file] = args.slice(i + 1, i + 4);
    i += 3;
    let typeDefs;
    try {
      typeDefs = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`subgraph ${name}: cannot read ${file}: ${e.message}`);
      process.exit(1);
    }
    services.push({ name, url, typeDefs });
  } else {
    usage(`unexpected argument: ${args[i]}`);
  }
}
if (!out || services.length === 0) {
  usage('--out and at least one --subgraph are required');
}

const result = composeServices(services);
for (const hint of result.hints ?? []) {
  console.log(`hint ${hint.definition.code}: ${hint.message}`);
}
if (result.errors?.length) {
  for (const error of result.errors) {
    console.error(`error ${error.extensions?.code ?? ''}: ${error.message}`);
  }
  console.error(`composition failed with ${result.errors.length} error(s)`);
  process.exit(1);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(', ')} into ${out}`);
