package io.cloudsword.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import graphql.language.AbstractDescribedNode;
import graphql.language.AstPrinter;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Compares two GraphQL schemas (SDL) the way a client sees them: what a query written against the
 * old schema may rely on must still hold in the new one. Parsed with graphql-java, never diffed as
 * text, so reordering or reformatting is not a change.
 *
 * <p>Breaking: a type removed or turned into another kind; a field, argument, input field, enum value,
 * union member or implemented interface removed; an output field's type changed or made nullable; an
 * argument's or input field's type changed or made non-null; a new required (non-null, no default)
 * argument or input field. Everything else that differs (new types, fields, optional arguments, enum
 * values, descriptions, defaults) is a non-breaking change: allowed, but the committed file must
 * still be updated so it matches what ships.
 */
final class SchemaCompatibility {

    /** The outcome: breaking changes and other (non-breaking) differences, each one line. */
    record Report(List<String> breaking, List<String> nonBreaking) {
        boolean identical() {
            return breaking.isEmpty() && nonBreaking.isEmpty();
        }
    }

    static final Set<String> BUILT_IN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

    private final List<String> breaking = new ArrayList<>();
    private final List<String> nonBreaking = new ArrayList<>();

    private SchemaCompatibility() {
    }

    static Report compare(String oldSdl, String newSdl) {
        var c = new SchemaCompatibility();
        c.compareRegistries(parse(oldSdl), parse(newSdl));
        return new Report(List.copyOf(c.breaking), List.copyOf(c.nonBreaking));
    }

    static TypeDefinitionRegistry parse(String sdl) {
        return new SchemaParser().parse(sdl);
    }

    @SuppressWarnings("rawtypes")
    private void compareRegistries(TypeDefinitionRegistry before, TypeDefinitionRegistry after) {
        Map<String, TypeDefinition> oldTypes = allTypes(before);
        Map<String, TypeDefinition> newTypes = allTypes(after);
        for (var entry : oldTypes.entrySet()) {
            String name = entry.getKey();
            TypeDefinition old = entry.getValue();
            TypeDefinition now = newTypes.get(name);
            if (now == null) {
                breaking.add("type " + name + " removed");
            } else if (old.getClass() != now.getClass()) {
                breaking.add("type " + name + " changed kind from " + kind(old) + " to " + kind(now));
            } else {
                compareType(name, old, now);
            }
        }
        for (String name : newTypes.keySet()) {
            if (!oldTypes.containsKey(name)) {
                nonBreaking.add("type " + name + " added");
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, TypeDefinition> allTypes(TypeDefinitionRegistry registry) {
        Map<String, TypeDefinition> types = new LinkedHashMap<>(registry.types());
        registry.scalars().forEach((name, scalar) -> {
            // graphql-java adds the built-in scalars to every registry: they are not part of a contract.
            if (!BUILT_IN_SCALARS.contains(name)) {
                types.put(name, scalar);
            }
        });
        return types;
    }

    @SuppressWarnings("rawtypes")
    private void compareType(String name, TypeDefinition old, TypeDefinition now) {
        describedChange(kind(old) + " " + name, description(old), description(now));
        if (old instanceof ImplementingTypeDefinition<?> o && now instanceof ImplementingTypeDefinition<?> n) {
            compareImplements(name, o, n);
            compareFields(name, o.getFieldDefinitions(), n.getFieldDefinitions());
        } else if (old instanceof InputObjectTypeDefinition o && now instanceof InputObjectTypeDefinition n) {
            compareInputValues("input field", name, o.getInputValueDefinitions(), n.getInputValueDefinitions());
        } else if (old instanceof EnumTypeDefinition o && now instanceof EnumTypeDefinition n) {
            var oldValues = byName(o.getEnumValueDefinitions(), EnumValueDefinition::getName);
            var newValues = byName(n.getEnumValueDefinitions(), EnumValueDefinition::getName);
            oldValues.forEach((value, def) -> {
                if (!newValues.containsKey(value)) {
                    breaking.add("enum value " + name + "." + value + " removed");
                } else {
                    describedChange("enum value " + name + "." + value, description(def), description(newValues.get(value)));
                }
            });
            newValues.keySet().stream().filter(v -> !oldValues.containsKey(v))
                    .forEach(v -> nonBreaking.add("enum value " + name + "." + v + " added"));
        } else if (old instanceof UnionTypeDefinition o && now instanceof UnionTypeDefinition n) {
            var oldMembers = o.getMemberTypes().stream().map(SchemaCompatibility::print).toList();
            var newMembers = n.getMemberTypes().stream().map(SchemaCompatibility::print).toList();
            oldMembers.stream().filter(m -> !newMembers.contains(m))
                    .forEach(m -> breaking.add("union " + name + " no longer includes " + m));
            newMembers.stream().filter(m -> !oldMembers.contains(m))
                    .forEach(m -> nonBreaking.add("union " + name + " now includes " + m));
        }
    }

    private void compareImplements(String name, ImplementingTypeDefinition<?> old, ImplementingTypeDefinition<?> now) {
        var oldInterfaces = old.getImplements().stream().map(SchemaCompatibility::print).toList();
        var newInterfaces = now.getImplements().stream().map(SchemaCompatibility::print).toList();
        oldInterfaces.stream().filter(i -> !newInterfaces.contains(i))
                .forEach(i -> breaking.add("type " + name + " no longer implements " + i));
        newInterfaces.stream().filter(i -> !oldInterfaces.contains(i))
                .forEach(i -> nonBreaking.add("type " + name + " now implements " + i));
    }

    private void compareFields(String typeName, List<FieldDefinition> oldList, List<FieldDefinition> newList) {
        var oldFields = byName(oldList, FieldDefinition::getName);
        var newFields = byName(newList, FieldDefinition::getName);
        oldFields.forEach((name, old) -> {
            String path = typeName + "." + name;
            FieldDefinition now = newFields.get(name);
            if (now == null) {
                breaking.add("field " + path + " removed");
                return;
            }
            if (!outputCompatible(old.getType(), now.getType())) {
                breaking.add("field " + path + " changed type from " + print(old.getType()) + " to " + print(now.getType()));
            } else if (!sameType(old.getType(), now.getType())) {
                nonBreaking.add("field " + path + " changed type from " + print(old.getType()) + " to " + print(now.getType()));
            }
            describedChange("field " + path, description(old), description(now));
            compareInputValues("argument", path, old.getInputValueDefinitions(), now.getInputValueDefinitions());
        });
        newFields.keySet().stream().filter(f -> !oldFields.containsKey(f))
                .forEach(f -> nonBreaking.add("field " + typeName + "." + f + " added"));
    }

    /** Arguments of a field and fields of an input type follow the same rules: clients send them. */
    private void compareInputValues(String what, String owner, List<InputValueDefinition> oldList,
            List<InputValueDefinition> newList) {
        var oldValues = byName(oldList, InputValueDefinition::getName);
        var newValues = byName(newList, InputValueDefinition::getName);
        oldValues.forEach((name, old) -> {
            String path = owner + (what.equals("argument") ? "(" + name + ")" : "." + name);
            InputValueDefinition now = newValues.get(name);
            if (now == null) {
                breaking.add(what + " " + path + " removed");
                return;
            }
            if (!inputCompatible(old.getType(), now.getType())) {
                breaking.add(what + " " + path + " changed type from " + print(old.getType()) + " to " + print(now.getType()));
            } else if (!sameType(old.getType(), now.getType())) {
                nonBreaking.add(what + " " + path + " changed type from " + print(old.getType()) + " to " + print(now.getType()));
            }
            String oldDefault = old.getDefaultValue() == null ? null : AstPrinter.printAst(old.getDefaultValue());
            String newDefault = now.getDefaultValue() == null ? null : AstPrinter.printAst(now.getDefaultValue());
            if (!Objects.equals(oldDefault, newDefault)) {
                nonBreaking.add(what + " " + path + " default changed from " + oldDefault + " to " + newDefault);
            }
            describedChange(what + " " + path, description(old), description(now));
        });
        newValues.forEach((name, now) -> {
            if (oldValues.containsKey(name)) {
                return;
            }
            String path = owner + (what.equals("argument") ? "(" + name + ")" : "." + name);
            if (now.getType() instanceof NonNullType && now.getDefaultValue() == null) {
                breaking.add("required " + what + " " + path + ": " + print(now.getType()) + " added");
            } else {
                nonBreaking.add(what + " " + path + " added");
            }
        });
    }

    /** A client reading the field still gets what it expects: same named type, nullability only tightened. */
    @SuppressWarnings("rawtypes")
    static boolean outputCompatible(Type old, Type now) {
        if (now instanceof NonNullType n) {
            return outputCompatible(old instanceof NonNullType o ? o.getType() : old, n.getType());
        }
        if (old instanceof NonNullType) {
            return false; // the field may now be null where clients relied on a value
        }
        if (old instanceof ListType o && now instanceof ListType n) {
            return outputCompatible(o.getType(), n.getType());
        }
        return old instanceof TypeName o && now instanceof TypeName n && o.getName().equals(n.getName());
    }

    /** A value a client already sends is still accepted: same named type, nullability only loosened. */
    @SuppressWarnings("rawtypes")
    static boolean inputCompatible(Type old, Type now) {
        if (old instanceof NonNullType o) {
            return inputCompatible(o.getType(), now instanceof NonNullType n ? n.getType() : now);
        }
        if (now instanceof NonNullType) {
            return false; // clients that left it out or sent null are now refused
        }
        if (old instanceof ListType o && now instanceof ListType n) {
            return inputCompatible(o.getType(), n.getType());
        }
        return old instanceof TypeName o && now instanceof TypeName n && o.getName().equals(n.getName());
    }

    @SuppressWarnings("rawtypes")
    private static boolean sameType(Type a, Type b) {
        return print(a).equals(print(b));
    }

    private void describedChange(String what, String old, String now) {
        if (!Objects.equals(old, now)) {
            nonBreaking.add("description of " + what + " changed");
        }
    }

    static String description(Object node) {
        Description d = node instanceof AbstractDescribedNode<?> described ? described.getDescription() : null;
        return d == null || d.getContent() == null || d.getContent().isBlank() ? null : d.getContent().strip();
    }

    @SuppressWarnings("rawtypes")
    static String kind(TypeDefinition t) {
        return switch (t.getClass().getSimpleName()) {
            case "ObjectTypeDefinition" -> "type";
            case "InterfaceTypeDefinition" -> "interface";
            case "InputObjectTypeDefinition" -> "input";
            case "EnumTypeDefinition" -> "enum";
            case "UnionTypeDefinition" -> "union";
            case "ScalarTypeDefinition" -> "scalar";
            default -> t.getClass().getSimpleName();
        };
    }

    @SuppressWarnings("rawtypes")
    private static String print(Type type) {
        return AstPrinter.printAst(type);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }

}
