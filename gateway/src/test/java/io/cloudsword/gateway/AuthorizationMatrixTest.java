package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.Notifier;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The authorization matrix (src/test/resources/authorization-matrix.csv) against the served schema:
 * every operation has a row, and every role gets the row's answer. Documents are built from the
 * served SDL (required arguments filled with values of their type, the row's args put in), so a
 * new operation needs only its row. Denied is extensions.status UNAUTHENTICATED (no token) or
 * FORBIDDEN; allowed is neither (NOT_FOUND, INVALID_ARGUMENT, ... from the stand-ins are fine).
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeListingService.class)
@QuarkusTestResource(FakeComplaint.class)
@QuarkusTestResource(FakeVerification.class)
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("anonymous", "consumer", "rights_owner", "platform_partner", "customs",
            "reviewer", "admin");
    private static final List<String> OPERATION_TYPES = List.of("Query", "Mutation", "Subscription");
    private static final String MATRIX = "/authorization-matrix.csv";

    @TestHTTPResource("/graphql")
    URI graphqlUri;

    /** One line of the matrix. {@code crossRole} is null when the row has no cross-owner check. */
    record Row(String operation, Map<String, Boolean> allowed, String crossRole, String crossOutcome,
            Map<String, String> args) {
    }

    /** The objects of one owner: A's are the caller's own in the role columns, B's the other owner's. */
    record Side(String name, String owner, String brand, String gtin, String trademark, String batch, String code,
            String platform, String authority, String complaint) {

        String fixture(String kind) {
            return switch (kind) {
                case "owner" -> owner;
                case "brand" -> brand;
                case "gtin" -> gtin;
                case "trademark" -> trademark;
                case "batch" -> batch;
                case "code" -> code;
                case "platform" -> platform;
                case "authority" -> authority;
                case "complaint" -> complaint;
                default -> throw new IllegalArgumentException("No fixture @" + kind + " (see the matrix's header)");
            };
        }
    }

    /** Signed once per role and side: RSA signing 700 times would be most of the run. */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static Side sideA;
    private static Side sideB;
    private static TypeDefinitionRegistry schema;

    // ------------------------------------------------------------------------------------------ the tests

    @Test
    void everyOperationOfTheServedSchemaHasARowAndEveryRowAnOperation() {
        Map<String, FieldDefinition> served = operations();
        Map<String, Row> rows = matrix();
        List<String> missing = served.keySet().stream().filter(op -> !rows.containsKey(op)).sorted().toList();
        List<String> stale = rows.keySet().stream().filter(op -> !served.containsKey(op)).sorted().toList();
        assertTrue(missing.isEmpty() && stale.isEmpty(), "authorization-matrix.csv is out of date.\n"
                + "Operations without a row (add one saying which roles may call them): " + missing + "\n"
                + "Rows for operations the schema no longer has (remove them): " + stale);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsTheAnswerOfItsRow() {
        Map<String, FieldDefinition> served = operations();
        Map<String, Row> rows = matrix();
        List<DynamicTest> tests = new ArrayList<>();
        served.forEach((operation, field) -> {
            Row row = rows.get(operation);
            if (row == null) {
                tests.add(DynamicTest.dynamicTest(operation + " has a row",
                        () -> fail(operation + " has no row in authorization-matrix.csv")));
                return;
            }
            for (String role : ROLES) {
                boolean allowed = row.allowed().get(role);
                tests.add(DynamicTest.dynamicTest(operation + " as " + role + " is " + (allowed ? "allowed" : "denied"),
                        () -> {
                            Request document = document(operation, field, row.args(), a());
                            List<String> statuses = send(operation, document, token(role, a()));
                            if (allowed) {
                                assertTrue(!statuses.contains("UNAUTHENTICATED") && !statuses.contains("FORBIDDEN"),
                                        role + " should be let through " + operation + " but got " + statuses
                                                + "\n" + document);
                            } else {
                                String expected = role.equals("anonymous") ? "UNAUTHENTICATED" : "FORBIDDEN";
                                assertTrue(statuses.contains(expected), role + " should be refused " + operation
                                        + " with " + expected + " but got " + statuses + "\n" + document);
                            }
                        }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> ownerAOnOwnerBsObjectsIsRefused() {
        Map<String, FieldDefinition> served = operations();
        return matrix().values().stream().filter(row -> row.crossRole() != null && served.containsKey(row.operation()))
                .map(row -> DynamicTest.dynamicTest(row.operation() + ": " + row.crossRole() + " of owner A on owner B's "
                        + "is " + row.crossOutcome(), () -> {
                            assertTrue(row.allowed().get(row.crossRole()), row.operation() + ": the cross-owner role "
                                    + row.crossRole() + " must be allowed on its own objects, else the check proves nothing");
                            Request document = document(row.operation(), served.get(row.operation()), row.args(), b());
                            List<String> statuses = send(row.operation(), document, token(row.crossRole(), a()));
                            String expected = row.crossOutcome().equals("hidden") ? "NOT_FOUND" : "FORBIDDEN";
                            assertTrue(statuses.contains(expected), row.crossRole() + " of owner A on owner B's objects "
                                    + "should get " + expected + " from " + row.operation() + " but got " + statuses
                                    + "\n" + document);
                        }));
    }

    // ------------------------------------------------------------------------------------------ the matrix

    static Map<String, Row> matrix() {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
            Objects.requireNonNull(in, MATRIX + " is not on the test classpath");
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            List<String> header = List.of(lines.get(0).split(","));
            List<String> expectedHeader = new ArrayList<>(List.of("operation"));
            expectedHeader.addAll(ROLES);
            expectedHeader.addAll(List.of("cross_owner", "args"));
            assertEquals(expectedHeader, header, "the matrix's header line");
            for (String line : lines.subList(1, lines.size())) {
                // args is last and may hold commas (GraphQL literals)
                String[] cells = line.split(",", header.size());
                assertEquals(header.size(), cells.length, "cells in: " + line);
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    String cell = cells[i + 1].strip();
                    assertTrue(cell.equals("allow") || cell.equals("deny"), "allow or deny, not '" + cell + "': " + line);
                    allowed.put(ROLES.get(i), cell.equals("allow"));
                }
                String cross = cells[ROLES.size() + 1].strip();
                String crossRole = null;
                String crossOutcome = null;
                if (cross.contains(":")) {
                    crossRole = cross.substring(0, cross.indexOf(':'));
                    crossOutcome = cross.substring(cross.indexOf(':') + 1);
                    assertTrue(ROLES.contains(crossRole) && List.of("deny", "hidden").contains(crossOutcome),
                            "cross_owner is <role>:deny or <role>:hidden: " + line);
                } else {
                    assertTrue(cross.equals("-") || cross.equals("service"), "cross_owner of: " + line);
                }
                Map<String, String> args = new LinkedHashMap<>();
                String argCell = cells[ROLES.size() + 2].strip();
                if (!argCell.isEmpty()) {
                    for (String arg : argCell.split("\\|")) {
                        int eq = arg.indexOf('=');
                        assertTrue(eq > 0, "args are path=value: " + line);
                        args.put(arg.substring(0, eq).strip(), arg.substring(eq + 1).strip());
                    }
                }
                Row previous = rows.put(cells[0].strip(), new Row(cells[0].strip(), allowed, crossRole, crossOutcome, args));
                assertTrue(previous == null, "two rows for " + cells[0]);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------ the schema

    static synchronized TypeDefinitionRegistry schema() {
        if (schema == null) {
            String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
            schema = new SchemaParser().parse(sdl);
        }
        return schema;
    }

    /** "Query.brand" and so on, for every field of the root types the served schema has. */
    static Map<String, FieldDefinition> operations() {
        Map<String, FieldDefinition> operations = new LinkedHashMap<>();
        for (String type : OPERATION_TYPES) {
            List<FieldDefinition> fields = new ArrayList<>();
            schema().getType(type, ObjectTypeDefinition.class).ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
            schema().objectTypeExtensions().getOrDefault(type, List.of())
                    .forEach(t -> fields.addAll(t.getFieldDefinitions()));
            fields.stream().sorted((x, y) -> x.getName().compareTo(y.getName()))
                    .forEach(f -> operations.put(type + "." + f.getName(), f));
        }
        return operations;
    }

    /**
     * The smallest valid document for the operation: required arguments with values of their type,
     * the row's args (fixtures of {@code side}) wherever they apply, and {@code __typename} as the
     * selection of an object result.
     */
    static Request document(String operation, FieldDefinition field, Map<String, String> overrides, Side side) {
        String keyword = operation.substring(0, operation.indexOf('.')).toLowerCase();
        Map<String, String> values = new LinkedHashMap<>();
        overrides.forEach((path, value) -> values.put(path, value.startsWith("@")
                ? quote(side.fixture(value.substring(1))) : value));
        for (String path : values.keySet()) {
            String arg = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            assertTrue(field.getInputValueDefinitions().stream().anyMatch(a -> a.getName().equals(arg)),
                    operation + " has no argument " + arg + " (args of its row)");
        }
        List<String> args = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (InputValueDefinition arg : field.getInputValueDefinitions()) {
            String value = value(arg.getName(), arg.getType(), arg.getDefaultValue() != null, values);
            if (value == null) {
                continue;
            }
            if (listOfScalars(arg.getType())) {
                // SmallRye refuses inline lists of IDs ("not a valid Unknown Scalar Type [java.util.List]");
                // as a variable they pass, and a literal list of scalars is also its JSON
                declarations.add("$" + arg.getName() + ": " + AstPrinter.printAst(arg.getType()));
                variables.add(quote(arg.getName()) + ": " + value);
                args.add(arg.getName() + ": $" + arg.getName());
            } else {
                args.add(arg.getName() + ": " + value);
            }
        }
        String query = keyword + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")") + " { "
                + field.getName() + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")")
                + selection(field.getType()) + " }";
        return new Request(query, "{" + String.join(", ", variables) + "}");
    }

    /** A document and its variables as JSON. */
    record Request(String query, String variables) {

        String json() {
            return "{\"query\": " + quote(query) + ", \"variables\": " + variables + "}";
        }

        @Override
        public String toString() {
            return query + " " + variables;
        }
    }

    private static boolean listOfScalars(Type<?> type) {
        Type<?> unwrapped = type instanceof NonNullType n ? n.getType() : type;
        if (!(unwrapped instanceof ListType list)) {
            return false;
        }
        Type<?> element = list.getType() instanceof NonNullType n ? n.getType() : list.getType();
        return element instanceof TypeName name && schema().getType(name.getName())
                .map(d -> !(d instanceof InputObjectTypeDefinition) && !(d instanceof EnumTypeDefinition)).orElse(true);
    }

    private static String value(String path, Type<?> type, boolean hasDefault, Map<String, String> values) {
        if (values.containsKey(path)) {
            String given = values.get(path);
            // GraphQL would coerce one value to a list of one, SmallRye does not
            Type<?> unwrapped = type instanceof NonNullType n ? n.getType() : type;
            return unwrapped instanceof ListType && !given.startsWith("[") ? "[" + given + "]" : given;
        }
        boolean required = type instanceof NonNullType && !hasDefault;
        boolean named = values.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
        return required || named ? generate(path, type, values) : null;
    }

    @SuppressWarnings("rawtypes")
    private static String generate(String path, Type<?> type, Map<String, String> values) {
        if (type instanceof NonNullType nonNull) {
            return generate(path, nonNull.getType(), values);
        }
        if (type instanceof ListType list) {
            // one element; a list keeps its path so that "inputs.platform" names the element's field
            return "[" + generate(path, list.getType(), values) + "]";
        }
        String name = ((TypeName) type).getName();
        Optional<TypeDefinition> definition = schema().getType(name);
        if (definition.isPresent() && definition.get() instanceof InputObjectTypeDefinition input) {
            List<String> fields = new ArrayList<>();
            for (InputValueDefinition f : input.getInputValueDefinitions()) {
                String value = value(path + "." + f.getName(), f.getType(), f.getDefaultValue() != null, values);
                if (value != null) {
                    fields.add(f.getName() + ": " + value);
                }
            }
            return "{" + String.join(", ", fields) + "}";
        }
        if (definition.isPresent() && definition.get() instanceof EnumTypeDefinition enumeration) {
            return enumeration.getEnumValueDefinitions().get(0).getName();
        }
        return switch (name) {
            case "Int", "BigInteger", "Long", "Short", "Byte", "BigDecimal" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "false";
            case "DateTime", "Instant", "OffsetDateTime", "ZonedDateTime" -> quote("2026-01-01T00:00:00Z");
            case "Date", "LocalDate" -> quote("2026-01-01");
            case "Time", "LocalTime" -> quote("12:00:00");
            default -> quote("x");
        };
    }

    @SuppressWarnings("rawtypes")
    private static String selection(Type<?> type) {
        Type<?> inner = type;
        while (!(inner instanceof TypeName)) {
            inner = inner instanceof NonNullType n ? n.getType() : ((ListType) inner).getType();
        }
        Optional<TypeDefinition> definition = schema().getType(((TypeName) inner).getName());
        boolean composite = definition.isPresent() && (definition.get() instanceof ObjectTypeDefinition
                || definition.get() instanceof InterfaceTypeDefinition || definition.get() instanceof UnionTypeDefinition);
        return composite ? " { __typename }" : "";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ------------------------------------------------------------------------------------------ callers

    /** A token of {@code role} whose scope claim is the side's: owner_id, platform_id or customs_authority. */
    static String token(String role, Side side) {
        if (role.equals("anonymous")) {
            return null;
        }
        return TOKENS.computeIfAbsent(role + "/" + side.name(), k -> sign(role, side));
    }

    private static String sign(String role, Side side) {
        var token = TestKeys.TOKENS.token("matrix-" + role + "-" + side.name()).role(role);
        switch (role) {
            case "rights_owner" -> token.claim("owner_id", side.owner());
            case "platform_partner" -> token.claim("platform_id", side.platform());
            case "customs" -> token.claim("customs_authority", side.authority());
            default -> {
            }
        }
        return token.sign();
    }

    /** The extensions.status of every error of the answer; a document the schema refuses fails the test. */
    List<String> send(String operation, Request document, String token) {
        if (operation.startsWith("Subscription.")) {
            return subscribe(document, token);
        }
        var request = given().contentType("application/json").body(document.json());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        JsonPath answer = request.post("/graphql").then().extract().jsonPath();
        List<Object> classifications = answer.getList("errors.extensions.classification");
        assertTrue(classifications == null || !classifications.contains("ValidationError"),
                "the gateway refused the document as invalid before any resolver ran, so no role decision was "
                        + "made (a generator gap, or the operation cannot be called at all): " + answer.prettify() + "\n"
                        + document);
        List<Object> statuses = answer.getList("errors.extensions.status");
        return statuses == null ? List.of() : statuses.stream().map(String::valueOf).toList();
    }

    /**
     * Over graphql-transport-ws, as clients subscribe: a refusal is the subscription's error message;
     * a subscription let through opens WatchDecisions on the stand-in and sends nothing yet.
     */
    private List<String> subscribe(Request document, String token) {
        ComplaintGraphTest.TransportWs client = ComplaintGraphTest.TransportWs.open(graphqlUri, token);
        try {
            int streams = FakeComplaint.CALLERS.calls("WatchDecisions");
            client.send("{\"id\":\"m\",\"type\":\"subscribe\",\"payload\":" + document.json() + "}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                JsonPath message = client.messages.poll();
                if (message != null) {
                    String text = message.prettify();
                    return Stream.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_ARGUMENT")
                            .filter(status -> text.contains("\"" + status + "\"")).toList();
                }
                if (FakeComplaint.CALLERS.calls("WatchDecisions") > streams) {
                    client.send("{\"id\":\"m\",\"type\":\"complete\"}");
                    return List.of();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            return fail("the subscription was neither refused nor opened within 10 s");
        } finally {
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    // ------------------------------------------------------------------------------------------ fixtures

    static synchronized Side a() {
        if (sideA == null) {
            sideA = side("A", "EU_AFA");
        }
        return sideA;
    }

    static synchronized Side b() {
        if (sideB == null) {
            sideB = side("B", "US_CBP");
        }
        return sideB;
    }

    /** A verified owner with a brand, a product, a trademark, an issued batch and a complaint, on its own platform. */
    static Side side(String name, String authority) {
        String prefix = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        RightsOwner owner = FakeBrandRegistry.owner("Matrix " + name + " GmbH " + prefix);
        Brand brand = FakeBrandRegistry.brand(owner.getId(), "Matrix " + name + " " + prefix, prefix);
        Product product = FakeBrandRegistry.product(brand, FakeBrandRegistry.gtin14(prefix + "00042"),
                "Matrix " + name + " shoe");
        String trademark = FakeBrandRegistry.trademark(brand, "MX" + prefix).getId();
        CodeBatch batch = FakeVerification.issue(product, 2);
        String platform = "matrix-" + name.toLowerCase() + "-" + prefix;
        Notice complaint = FakeNotices.save(Notice.newBuilder().setId(UUID.randomUUID().toString()).setPlatform(platform)
                .setNotifier(Notifier.newBuilder().setOwnerId(owner.getId()).setName("Matrix " + name)).build());
        return new Side(name, owner.getId(), brand.getId(), product.getGtin(), trademark, batch.getId(),
                FakeVerification.code(batch, 0).link(), platform, authority, complaint.getId());
    }
}
