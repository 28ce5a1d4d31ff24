package io.cloudsword.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The breaking-change detector alone, on small schema pairs: no Quarkus. */
class SchemaCompatibilityTest {

    private static final String BASE = """
            "Root"
            type Query {
              "A brand"
              brand(id: ID!, locale: String): Brand
              brands(first: Int = 50): [Brand!]!
            }
            "A brand"
            type Brand implements Node {
              id: ID!
              name: String!
              tagline: String
              status: Status!
            }
            interface Node { id: ID! }
            enum Status { ACTIVE SUSPENDED }
            input BrandInput { name: String!, aliases: [String!] }
            type Mutation { registerBrand(input: BrandInput!): Brand }
            union Hit = Brand
            scalar DateTime
            """;

    private static List<String> breaking(String after) {
        return SchemaCompatibility.compare(BASE, after).breaking();
    }

    private static void assertBreaking(String after, String expected) {
        List<String> found = breaking(after);
        assertEquals(1, found.size(), "exactly one breaking change expected, got " + found);
        assertTrue(found.get(0).contains(expected), found.get(0) + " should mention " + expected);
    }

    @Test
    void theSameSchemaReformattedIsIdentical() {
        String reordered = BASE.replace("input BrandInput { name: String!, aliases: [String!] }",
                "input BrandInput {\n  aliases: [String!]\n  name: String!\n}");
        assertTrue(SchemaCompatibility.compare(BASE, reordered).identical());
    }

    @Test
    void aRemovedTypeIsBreaking() {
        assertBreaking(BASE.replace("scalar DateTime", ""), "type DateTime removed");
    }

    @Test
    void aTypeChangingKindIsBreaking() {
        assertBreaking(BASE.replace("enum Status { ACTIVE SUSPENDED }", "scalar Status"), "type Status changed kind");
    }

    @Test
    void aRemovedFieldIsBreaking() {
        assertBreaking(BASE.replace("  tagline: String\n", ""), "field Brand.tagline removed");
    }

    @Test
    void aFieldRemovedFromAnInterfaceIsBreaking() {
        assertBreaking(BASE.replace("interface Node { id: ID! }", "interface Node { other: Int }"),
                "field Node.id removed");
    }

    @Test
    void aRemovedArgumentIsBreaking() {
        assertBreaking(BASE.replace("brand(id: ID!, locale: String)", "brand(id: ID!)"), "argument Query.brand(locale) removed");
    }

    @Test
    void aFieldTypeChangeIsBreaking() {
        assertBreaking(BASE.replace("  name: String!\n  tagline", "  name: Int!\n  tagline"), "field Brand.name changed type");
        assertBreaking(BASE.replace("brands(first: Int = 50): [Brand!]!", "brands(first: Int = 50): [Brand]!"),
                "field Query.brands changed type");
    }

    @Test
    void anOutputFieldMadeNullableIsBreakingButMadeNonNullIsNot() {
        assertBreaking(BASE.replace("  name: String!\n  tagline", "  name: String\n  tagline"), "field Brand.name changed type");
        var stricter = SchemaCompatibility.compare(BASE, BASE.replace("tagline: String", "tagline: String!"));
        assertTrue(stricter.breaking().isEmpty(), stricter.breaking().toString());
        assertTrue(stricter.nonBreaking().get(0).contains("Brand.tagline"), stricter.nonBreaking().toString());
    }

    @Test
    void anArgumentTypeChangeOrStricterNullabilityIsBreakingButLooserIsNot() {
        assertBreaking(BASE.replace("locale: String)", "locale: Int)"), "argument Query.brand(locale) changed type");
        assertBreaking(BASE.replace("locale: String)", "locale: String!)"), "argument Query.brand(locale) changed type");
        assertBreaking(BASE.replace("name: String!, aliases: [String!]", "name: String!, aliases: [String!]!"),
                "input field BrandInput.aliases changed type");
        var looser = SchemaCompatibility.compare(BASE, BASE.replace("brand(id: ID!,", "brand(id: ID,"));
        assertTrue(looser.breaking().isEmpty(), looser.breaking().toString());
        assertTrue(!looser.nonBreaking().isEmpty());
    }

    @Test
    void aRemovedEnumValueIsBreaking() {
        assertBreaking(BASE.replace("ACTIVE SUSPENDED", "ACTIVE"), "enum value Status.SUSPENDED removed");
    }

    @Test
    void aRemovedInputFieldIsBreaking() {
        assertBreaking(BASE.replace("name: String!, aliases: [String!]", "name: String!"), "input field BrandInput.aliases removed");
    }

    @Test
    void aNewRequiredArgumentOrInputFieldIsBreaking() {
        assertBreaking(BASE.replace("brand(id: ID!, locale: String)", "brand(id: ID!, locale: String, market: String!)"),
                "required argument Query.brand(market)");
        assertBreaking(BASE.replace("aliases: [String!] }", "aliases: [String!], ownerId: ID! }"),
                "required input field BrandInput.ownerId");
    }

    @Test
    void aRemovedUnionMemberOrInterfaceIsBreaking() {
        assertBreaking(BASE.replace("union Hit = Brand", "union Hit = Mutation"), "union Hit no longer includes Brand");
        assertBreaking(BASE.replace("type Brand implements Node {", "type Brand {"), "no longer implements Node");
    }

    @Test
    void additionsAreNotBreakingButAreReported() {
        String after = BASE
                .replace("scalar DateTime", "scalar DateTime\n\"A shop\"\ntype Shop { id: ID! }")
                .replace("  status: Status!\n", "  status: Status!\n  createdAt: DateTime\n")
                .replace("ACTIVE SUSPENDED", "ACTIVE SUSPENDED REVOKED")
                .replace("brand(id: ID!, locale: String)", "brand(id: ID!, locale: String, market: String, strict: Boolean! = false)")
                .replace("aliases: [String!] }", "aliases: [String!], note: String, kind: Status! = ACTIVE }")
                .replace("union Hit = Brand", "union Hit = Brand | Shop")
                .replace("\"A brand\"\ntype Brand", "\"A brand a rights owner registered\"\ntype Brand");
        var report = SchemaCompatibility.compare(BASE, after);
        assertTrue(report.breaking().isEmpty(), report.breaking().toString());
        var changes = String.join("\n", report.nonBreaking());
        for (String expected : List.of("type Shop added", "field Brand.createdAt added", "enum value Status.REVOKED added",
                "argument Query.brand(market) added", "argument Query.brand(strict) added", "input field BrandInput.note added",
                "input field BrandInput.kind added", "union Hit now includes Shop", "description of type Brand changed")) {
            assertTrue(changes.contains(expected), expected + " missing from\n" + changes);
        }
    }

    @Test
    void theDescriptionWalkListsWhatIsUndescribedAndSkipsInternals() {
        String sdl = """
                "Root"
                type Query {
                  "Described"
                  a(x: Int, "Described" y: Int): Int
                  b: Int
                  _service: _Service!
                }
                type _Service { sdl: String }
                type Thing { "ok" id: ID }
                input In { "ok" a: Int, b: Int }
                enum E { A B }
                """;
        assertEquals(List.of("enum E", "type In", "input field In.b", "argument Query.a(x)", "field Query.b", "type Thing"),
                SchemaContractTest.missingDescriptions(sdl).stream().map(s -> s.replace("input In", "type In")).toList());
    }
}
