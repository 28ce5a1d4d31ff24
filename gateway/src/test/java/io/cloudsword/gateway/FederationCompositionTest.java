package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.NamedNode;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.ListingInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The gateway as a Federation 2 subgraph among others: its {@code _service { sdl }} is composed with a
 * partner's subgraph (which extends Listing and Product by key) by Apollo's composition library, and a
 * real federation gateway (Apollo Gateway) in front of both answers a query that crosses them, in both
 * directions: Cloud Sword root fields with partner fields, and partner root fields whose entities the
 * gateway resolves through {@code _entities}.
 *
 * <p>The node project is {@code src/test/federation}; it is copied to {@code target/federation} and
 * installed there with {@code npm ci} (so node_modules never lands in src). Needs node 20+ and npm on
 * PATH: without them the test fails, it does not skip.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeListingService.class)
class FederationCompositionTest {

    private static final Path NODE_PROJECT = Path.of("src/test/federation");
    private static final Path WORK = Path.of("target/federation");
    /** A copy of the lock that was last installed, kept inside node_modules: npm ci wipes it with them. */
    private static final Path INSTALLED_LOCK = WORK.resolve("node_modules/.cloudsword-installed-lock.json");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern FEDERATION_2_LINK = Pattern
            .compile("(?s)schema\\s+@link\\([^)]*url\\s*:\\s*\"https://specs\\.apollo\\.dev/federation/v2\\.\\d+\"");

    /** The federation set up once for the class by the first test that needs it. */
    private static Federation federation;

    @TestHTTPResource("/graphql")
    URI graphqlUri;

    private record Federation(Document supergraph, URI router, List<NodeServer> servers) {
    }

    @AfterAll
    static void stopNodeServers() {
        if (federation != null) {
            federation.servers().forEach(NodeServer::stop);
            federation = null;
        }
    }

    // -------------------------------------------------------------------------------------------- tests

    @Test
    void theSubgraphSchemaDeclaresFederation2AndItsEntities() {
        String sdl = subgraphSdl();
        assertTrue(FEDERATION_2_LINK.matcher(sdl).find(),
                "_service.sdl must @link the Federation 2 spec, or composition treats it as Federation 1:\n" + sdl);
        for (String entity : List.of("type Listing @key(fields : \"id\")", "type Product @key(fields : \"gtin\")",
                "type Brand @key(fields : \"id\")", "type Complaint @key(fields : \"id\")")) {
            assertTrue(sdl.contains(entity), "the subgraph schema declares " + entity);
        }
    }

    @Test
    void theSubgraphComposesWithAPartnerSubgraphThatExtendsListingAndProduct() {
        Federation f = federation();
        Document supergraph = f.supergraph();
        EnumTypeDefinition graphs = definition(supergraph, EnumTypeDefinition.class, "join__Graph");
        assertEquals(List.of("CLOUDSWORD", "PARTNER"), graphs.getEnumValueDefinitions().stream()
                .map(v -> v.getName()).sorted().toList(), "the supergraph joins both subgraphs");
        String cloudswordUrl = ((StringValue) graphs.getEnumValueDefinitions().stream()
                .filter(v -> v.getName().equals("CLOUDSWORD")).findFirst().orElseThrow()
                .getDirectives("join__graph").get(0).getArgument("url").getValue()).getValue();
        assertTrue(cloudswordUrl.endsWith("/graphql"), "routes to the gateway's /graphql: " + cloudswordUrl);

        ObjectTypeDefinition listing = definition(supergraph, ObjectTypeDefinition.class, "Listing");
        assertEquals(List.of("CLOUDSWORD", "PARTNER"), keyedIn(listing, "id"), "both subgraphs key Listing by id");
        assertEquals(Optional.of("PARTNER"), fieldGraph(listing, "partnerOffer"));
        assertEquals(Optional.of("CLOUDSWORD"), fieldGraph(listing, "title"));
        ObjectTypeDefinition product = definition(supergraph, ObjectTypeDefinition.class, "Product");
        assertEquals(List.of("CLOUDSWORD", "PARTNER"), keyedIn(product, "gtin"), "both subgraphs key Product by gtin");
        assertEquals(Optional.of("PARTNER"), fieldGraph(product, "partnerStock"));
        assertEquals(Optional.of("CLOUDSWORD"), fieldGraph(product, "name"));
        assertTrue(definition(supergraph, ObjectTypeDefinition.class, "Query").getFieldDefinitions().stream()
                .anyMatch(field -> field.getName().equals("partnerShelf")), "the partner's root field is composed in");
    }

    @Test
    void aQueryThroughTheFederationGatewayJoinsBothSubgraphsWithTheCallersToken() {
        Federation f = federation();
        String platform = "shop-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String token = TestKeys.TOKENS.token("partner@" + platform).role("platform_partner")
                .claim("platform_id", platform).sign();
        String listingId = FakeListingService.ingest(ListingInput.newBuilder().setPlatform(platform)
                .setExternalId("FED-1").setShopId("S-1").setTitle("Trail runner, federated")
                .setPrice(Money.newBuilder().setAmountMinor(8900).setCurrency("EUR")).setMarketCountry("DE").build())
                .getListing().getId();
        RightsOwner owner = FakeBrandRegistry.owner("Federated Shoes AG");
        String prefix = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Brand brand = FakeBrandRegistry.brand(owner.getId(), "Federated " + platform, prefix);
        String gtin = FakeBrandRegistry.gtin14(prefix + "04711");
        FakeBrandRegistry.product(brand, gtin, "Trail runner");

        String query = """
                query Shelf($id: ID!, $gtin: String!) {
                  listing(id: $id) { id title platform partnerOffer { sku priceCents } }
                  productByGtin(gtin: $gtin) { gtin name brand { name } partnerStock }
                  partnerShelf(listingIds: [$id], gtins: [$gtin]) {
                    listings { id title shopId partnerOffer { sku } }
                    products { gtin name partnerStock }
                  }
                }""";
        String sku = "PARTNER-" + listingId;
        int priceCents = Integer.parseInt(listingId.replace("-", "").substring(28), 16);
        int stock = Integer.parseInt(gtin.substring(10));
        throughRouter(f, token, query, Map.of("id", listingId, "gtin", gtin))
                .body("errors", nullValue())
                // Cloud Sword root fields, partner fields joined by key
                .body("data.listing.id", equalTo(listingId))
                .body("data.listing.title", equalTo("Trail runner, federated"))
                .body("data.listing.platform", equalTo(platform))
                .body("data.listing.partnerOffer.sku", equalTo(sku))
                .body("data.listing.partnerOffer.priceCents", equalTo(priceCents))
                .body("data.productByGtin.name", equalTo("Trail runner"))
                .body("data.productByGtin.brand.name", equalTo(brand.getName()))
                .body("data.productByGtin.partnerStock", equalTo(stock))
                // the partner's root field, Cloud Sword fields resolved through the gateway's _entities
                .body("data.partnerShelf.listings.id", contains(listingId))
                .body("data.partnerShelf.listings.title", contains("Trail runner, federated"))
                .body("data.partnerShelf.listings.shopId", contains("S-1"))
                .body("data.partnerShelf.listings.partnerOffer.sku", contains(sku))
                .body("data.partnerShelf.products.gtin", contains(gtin))
                .body("data.partnerShelf.products.name", contains("Trail runner"))
                .body("data.partnerShelf.products.partnerStock", contains(stock));
        assertEquals("Bearer " + token, FakeListingService.CALLERS.authorization.get("BatchGetListings"),
                "the federation gateway forwarded the caller's token to the gateway's _entities, and on to listing-service");
        assertEquals("Bearer " + token, FakeBrandRegistry.METHOD_AUTHORIZATION.get("BatchGetProductsByGtin"),
                "and to brand-registry");
    }

    @Test
    void theGatewaysAuthorizationStillAppliesBehindTheFederationGateway() {
        Federation f = federation();
        String listingId = FakeListingService.ingest(ListingInput.newBuilder().setPlatform("shop-anonymous")
                .setExternalId("FED-ANON").setShopId("S-1").setTitle("Not for anonymous eyes")
                .setPrice(Money.newBuilder().setAmountMinor(100).setCurrency("EUR")).setMarketCountry("DE").build())
                .getListing().getId();
        throughRouter(f, null, "query($id: ID!) { listing(id: $id) { title partnerOffer { sku } } }",
                Map.of("id", listingId))
                .body("data.listing", nullValue())
                .body("errors.extensions.code", hasItem("UNAUTHENTICATED"));
        throughRouter(f, null, "query($id: ID!) { partnerShelf(listingIds: [$id], gtins: []) { listings { title } } }",
                Map.of("id", listingId))
                .body("data.partnerShelf", nullValue())
                .body("errors.extensions.code", hasItem("UNAUTHENTICATED"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String subgraphSdl() {
        return given().contentType("application/json").body(Map.of("query", "{ _service { sdl } }"))
                .post(graphqlUri).then().statusCode(200).body("errors", nullValue())
                .extract().path("data._service.sdl");
    }

    private static ValidatableResponse throughRouter(Federation f, String token, String query,
            Map<String, Object> variables) {
        var request = given().contentType("application/json").body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post(f.router()).then().log().ifValidationFails().statusCode(200);
    }

    /**
     * Installs the node project, starts the partner subgraph, composes it with this gateway's subgraph
     * schema and starts the federation gateway in front of both; once for the class.
     */
    private synchronized Federation federation() {
        if (federation != null) {
            return federation;
        }
        installNodeProject();
        String sdl = subgraphSdl();
        List<NodeServer> servers = new ArrayList<>();
        try {
            NodeServer partner = NodeServer.start("partner-subgraph", "partner-subgraph.mjs", "0");
            servers.add(partner);
            URI partnerUrl = partner.awaitListening(STEP_TIMEOUT);

            write(WORK.resolve("cloudsword.graphql"), sdl);
            // node may resolve "localhost" to ::1 first; the gateway listens on IPv4
            String cloudswordUrl = graphqlUri.toString().replaceFirst("//localhost:", "//127.0.0.1:");
            Run compose = run("compose", STEP_TIMEOUT, "node", "compose.mjs", "--out", "supergraph.graphql",
                    "--subgraph", "cloudsword", cloudswordUrl, "cloudsword.graphql",
                    "--subgraph", "partner", partnerUrl.toString(), "partner-subgraph.graphql");
            assertEquals(0, compose.exitCode(), "Federation 2 composition failed:\n" + compose.output());
            System.out.println("composition (hints are advice, not failures):\n" + compose.output());
            // SDL options: the operation parser's default token limit (the gateway's 5,000) is for documents
            Document supergraph = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(read(WORK.resolve("supergraph.graphql")))
                    .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());

            NodeServer router = NodeServer.start("federation-gateway", "gateway.mjs", "supergraph.graphql", "0");
            servers.add(router);
            federation = new Federation(supergraph, router.awaitListening(STEP_TIMEOUT), List.copyOf(servers));
            return federation;
        } catch (RuntimeException | Error e) {
            servers.forEach(NodeServer::stop);
            throw e;
        }
    }

    /** Copies the node project to target/federation and runs npm ci there, unless that lock is installed already. */
    private static void installNodeProject() {
        Run node = run("node-version", STEP_TIMEOUT, "node", "--version");
        Run npm = run("npm-version", STEP_TIMEOUT, "npm", "--version");
        int major = Integer.parseInt(node.output().trim().replaceFirst("^v(\\d+).*", "$1"));
        assertTrue(major >= 20, "FederationCompositionTest needs node 20 or newer, found " + node.output().trim());
        assertEquals(0, npm.exitCode(), "npm --version failed:\n" + npm.output());
        try {
            Files.createDirectories(WORK);
            try (Stream<Path> files = Files.list(NODE_PROJECT)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            byte[] lock = Files.readAllBytes(NODE_PROJECT.resolve("package-lock.json"));
            if (Files.exists(INSTALLED_LOCK) && Arrays.equals(lock, Files.readAllBytes(INSTALLED_LOCK))) {
                return;
            }
            // --ignore-scripts: none of these packages needs an install script to work
            Run ci = run("npm-ci", INSTALL_TIMEOUT, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            assertEquals(0, ci.exitCode(), "npm ci in " + WORK + " failed:\n" + ci.output());
            Files.write(INSTALLED_LOCK, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a command in target/federation to its end, its output in target/federation/NAME.log. */
    private static Run run(String name, Duration timeout, String... command) {
        Path log = WORK.resolve(name + ".log");
        try {
            Files.createDirectories(WORK);
            Process process;
            try {
                process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                return fail("FederationCompositionTest needs node (20 or newer) and npm on PATH to compose and serve "
                        + "the federation; could not run '" + command[0] + "': " + e.getMessage());
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + read(log));
            }
            return new Run(process.exitValue(), read(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A node server started in target/federation that prints "listening on URL" once it accepts requests. */
    private static final class NodeServer {
        private final String name;
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final CompletableFuture<URI> listening = new CompletableFuture<>();

        private NodeServer(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        static NodeServer start(String name, String script, String... args) {
            List<String> command = new ArrayList<>(List.of("node", script));
            command.addAll(List.of(args));
            Process process;
            try {
                process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                return fail("FederationCompositionTest needs node on PATH: " + e.getMessage());
            }
            NodeServer server = new NodeServer(name, process);
            Thread reader = new Thread(server::readOutput, "node-" + name);
            reader.setDaemon(true);
            reader.start();
            return server;
        }

        private void readOutput() {
            try (BufferedReader lines = process.inputReader(UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("listening on ")) {
                        listening.complete(URI.create(line.substring("listening on ".length()).trim()));
                    }
                }
            } catch (IOException e) {
                output.append(e).append('\n');
            }
            listening.completeExceptionally(new IllegalStateException(name + " exited before listening:\n" + output));
        }

        URI awaitListening(Duration timeout) {
            try {
                return listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return fail(name + " did not listen within " + timeout + ":\n" + output);
            } catch (ExecutionException e) {
                return fail(e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                write(WORK.resolve(name + ".log"), output.toString());
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static <T extends Definition> T definition(Document document, Class<T> type, String name) {
        return document.getDefinitionsOfType(type).stream()
                .filter(d -> d instanceof NamedNode<?> named && named.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the supergraph has no " + name));
    }

    /** The subgraphs whose @join__type on the type has this key, sorted. */
    private static List<String> keyedIn(ObjectTypeDefinition type, String key) {
        return type.getDirectives("join__type").stream()
                .filter(d -> d.getArgument("key") != null
                        && ((StringValue) d.getArgument("key").getValue()).getValue().equals(key))
                .map(d -> ((EnumValue) d.getArgument("graph").getValue()).getName()).sorted().toList();
    }

    /** The one subgraph that resolves a field: its @join__field graph, or the type's only graph. */
    private static Optional<String> fieldGraph(ObjectTypeDefinition type, String field) {
        FieldDefinition definition = type.getFieldDefinitions().stream().filter(f -> f.getName().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError(type.getName() + " has no field " + field));
        List<String> graphs = definition.getDirectives("join__field").stream()
                .filter(d -> d.getArgument("graph") != null)
                .map(d -> ((EnumValue) d.getArgument("graph").getValue()).getName()).toList();
        return graphs.size() == 1 ? Optional.of(graphs.get(0)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
