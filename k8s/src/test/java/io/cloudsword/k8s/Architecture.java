package io.cloudsword.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the manifests must agree with, written down once: the components, ports and databases of
 * ARCHITECTURE.md, its arrows (caller to callee), and the only ways in and out of the namespace.
 * When the architecture changes, this table changes first, and the test says what the manifests lack.
 */
final class Architecture {

    private Architecture() {
    }

    static final String DATABASE = "database";

    /**
     * One Quarkus application. {@code area} names its configuration keys as a callee
     * ({@code cloudsword.<area>.host}, env {@code CLOUDSWORD_<AREA>_HOST}) and its database Secret
     * ({@code cloudsword-db-<area>}).
     */
    record App(String name, int port, String database, String area) {
        boolean hasDatabase() {
            return database != null;
        }

        /** {@code CLOUDSWORD_BRAND_REGISTRY} for area brand-registry. */
        String envPrefix() {
            return "CLOUDSWORD_" + area.replace('-', '_').toUpperCase();
        }
    }

    static final List<App> APPS = List.of(
            new App("brand-registry-service", 8101, "brand_registry", "brand-registry"),
            new App("listing-service", 8102, "listings", "listing"),
            new App("complaint-service", 8103, "complaints", "complaint"),
            new App("verification-service", 8104, "verification", "verification"),
            new App("gateway", 8080, null, null));

    /** ARCHITECTURE.md: "Arrows point from caller to callee ... Nothing calls the gateway. No cycles." */
    static final Map<String, List<String>> ARROWS = arrows();

    private static Map<String, List<String>> arrows() {
        Map<String, List<String>> arrows = new LinkedHashMap<>();
        arrows.put("gateway", List.of("brand-registry-service", "listing-service", "complaint-service",
                "verification-service"));
        arrows.put("listing-service", List.of("brand-registry-service"));
        arrows.put("complaint-service", List.of("brand-registry-service", "listing-service"));
        arrows.put("verification-service", List.of("brand-registry-service"));
        arrows.put("brand-registry-service", List.of());
        return arrows;
    }

    static App app(String name) {
        return APPS.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No app " + name));
    }

    static boolean isApp(String component) {
        return APPS.stream().anyMatch(a -> a.name().equals(component));
    }

    /** Every pod-to-pod connection the NetworkPolicies may allow inside the namespace, and no other. */
    static Set<String> expectedInternalEdges(String overlay) {
        Set<String> edges = new TreeSet<>();
        ARROWS.forEach((caller, callees) -> callees
                .forEach(callee -> edges.add(edge(caller, callee, app(callee).port(), "TCP"))));
        for (App app : APPS) {
            if (app.hasDatabase()) {
                edges.add(edge(app.name(), DATABASE, 5432, "TCP"));
            }
        }
        if ("prod".equals(overlay)) {
            // CloudNativePG instances stream WAL to each other and poll each other's status.
            edges.add(edge(DATABASE, DATABASE, 5432, "TCP"));
            edges.add(edge(DATABASE, DATABASE, 8000, "TCP"));
        }
        return edges;
    }

    static String edge(String from, String to, int port, String protocol) {
        return from + " -> " + to + ":" + port + "/" + protocol;
    }

    static final String DNS = "namespace{kubernetes.io/metadata.name=kube-system} pod{k8s-app=kube-dns}";
    static final String INGRESS_CONTROLLER =
            "namespace{kubernetes.io/metadata.name=ingress-nginx} pod{app.kubernetes.io/name=ingress-nginx}";
    static final String CNPG_OPERATOR =
            "namespace{kubernetes.io/metadata.name=cnpg-system} pod{app.kubernetes.io/name=cloudnative-pg}";
    static final String ANY_ADDRESS = "ipBlock{0.0.0.0/0}";

    /** Traffic from outside the namespace, per component: only the gateway, from the ingress controller. */
    static Map<String, Set<String>> expectedExternalIngress(String overlay) {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (App app : APPS) {
            expected.put(app.name(), new TreeSet<>());
        }
        expected.put(DATABASE, new TreeSet<>());
        expected.get("gateway").add(INGRESS_CONTROLLER + " :8080/TCP");
        if ("prod".equals(overlay)) {
            // The CloudNativePG operator manages its instances (status on 8000, SQL on 5432).
            expected.get(DATABASE).addAll(List.of(CNPG_OPERATOR + " :8000/TCP", CNPG_OPERATOR + " :5432/TCP"));
        }
        return expected;
    }

    /** Traffic to outside the namespace, per component: DNS, and in prod the two documented exceptions. */
    static Map<String, Set<String>> expectedExternalEgress(String overlay) {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (App app : APPS) {
            expected.put(app.name(), new TreeSet<>(Set.of(DNS + " :53/UDP", DNS + " :53/TCP")));
        }
        expected.put(DATABASE, new TreeSet<>(Set.of(DNS + " :53/UDP", DNS + " :53/TCP")));
        if ("prod".equals(overlay)) {
            // Every app fetches the OIDC issuer's signing keys (JWKS) over HTTPS: the gateway
            // verifies callers' tokens, and each service verifies the forwarded token again;
            // listing-service and complaint-service also get their own tokens there
            // (Invariants.OWN_IDENTITY).
            for (App app : APPS) {
                expected.get(app.name()).add(ANY_ADDRESS + " :443/TCP");
            }
            // CloudNativePG's instance manager talks to the Kubernetes API server.
            expected.get(DATABASE).addAll(List.of(ANY_ADDRESS + " :443/TCP", ANY_ADDRESS + " :6443/TCP"));
        }
        return expected;
    }
}
