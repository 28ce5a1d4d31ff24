package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema is a product: {@code gateway/schema/cloudsword.graphql} is the contract partners code
 * against, and this test keeps it equal to what the gateway serves. A breaking change fails the build;
 * any other difference fails too until the file is updated on purpose with
 * {@code -Dcloudsword.schema.update=true}, so the committed file always matches what ships.
 * The served SDL is also written to {@code gateway/target/schema/cloudsword.graphql} on every run.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
class SchemaContractTest {

    static final String UPDATE_FLAG = "cloudsword.schema.update";
    private static final String HOW_TO_UPDATE = "If the change is deliberate, update the committed schema with\n"
            + "  ./mvnw -B -pl gateway -am verify -Dtest=SchemaContractTest -Dsurefire.failIfNoSpecifiedTests=false -D"
            + UPDATE_FLAG + "=true\nand commit gateway/schema/cloudsword.graphql (see gateway/README.md, \"Schema as a product\").";

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    private static String servedSdl() {
        return given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    @Test
    void theCommittedSchemaMatchesTheServedOneWithoutBreakingChanges() throws IOException {
        String served = servedSdl();
        Path export = moduleDir().resolve("target/schema/cloudsword.graphql");
        Files.createDirectories(export.getParent());
        Files.writeString(export, served, StandardCharsets.UTF_8);

        Path committed = moduleDir().resolve("schema/cloudsword.graphql");
        if (Boolean.getBoolean(UPDATE_FLAG)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(committed), "No committed schema at " + committed + ".\n" + HOW_TO_UPDATE);
        var report = SchemaCompatibility.compare(Files.readString(committed, StandardCharsets.UTF_8), served);
        if (!report.breaking().isEmpty()) {
            fail("The served schema BREAKS the committed contract (schema/cloudsword.graphql):\n  - "
                    + String.join("\n  - ", report.breaking())
                    + (report.nonBreaking().isEmpty() ? "" : "\nOther changes:\n  - " + String.join("\n  - ", report.nonBreaking()))
                    + "\nClients written against the committed schema would fail. Prefer adding a new field and deprecating the "
                    + "old one. " + HOW_TO_UPDATE);
        }
        if (!report.nonBreaking().isEmpty()) {
            fail("The served schema has changes the committed schema/cloudsword.graphql lacks (none breaking):\n  - "
                    + String.join("\n  - ", report.nonBreaking()) + "\n" + HOW_TO_UPDATE);
        }
    }

    @Test
    void everyTypeFieldAndArgumentIsDescribed() {
        List<String> missing = missingDescriptions(servedSdl());
        assertTrue(missing.isEmpty(), missing.size() + " parts of the served schema have no description "
                + "(add @Description in the gateway's source):\n  " + String.join("\n  ", missing));
    }

    @Test
    void theServedSchemaIsNotEmpty() {
        assertFalse(SchemaCompatibility.parse(servedSdl()).types().isEmpty());
    }

    /**
     * Types, fields, arguments of fields and input fields without a description. Enum values are left
     * out (their names say it), and so are introspection, federation and built-in types.
     */
    @SuppressWarnings("rawtypes")
    static List<String> missingDescriptions(String sdl) {
        var registry = SchemaCompatibility.parse(sdl);
        List<String> missing = new ArrayList<>();
        var types = new java.util.TreeMap<String, TypeDefinition>(registry.types());
        types.putAll(registry.scalars());
        types.forEach((name, type) -> {
            if (internalType(name)) {
                return;
            }
            if (SchemaCompatibility.description(type) == null) {
                missing.add(SchemaCompatibility.kind(type) + " " + name);
            }
            if (type instanceof ImplementingTypeDefinition<?> object) {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    if (field.getName().equals("_service") || field.getName().equals("_entities")) {
                        continue;
                    }
                    if (SchemaCompatibility.description(field) == null) {
                        missing.add("field " + name + "." + field.getName());
                    }
                    for (InputValueDefinition arg : field.getInputValueDefinitions()) {
                        if (SchemaCompatibility.description(arg) == null) {
                            missing.add("argument " + name + "." + field.getName() + "(" + arg.getName() + ")");
                        }
                    }
                }
            } else if (type instanceof InputObjectTypeDefinition input) {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    if (SchemaCompatibility.description(field) == null) {
                        missing.add("input field " + name + "." + field.getName());
                    }
                }
            }
        });
        return missing;
    }

    static boolean internalType(String name) {
        return name.startsWith("__") || name.startsWith("link__") || name.startsWith("federation__")
                || List.of("_Service", "_Entity", "_Any", "_FieldSet").contains(name)
                || SchemaCompatibility.BUILT_IN_SCALARS.contains(name);
    }
}
