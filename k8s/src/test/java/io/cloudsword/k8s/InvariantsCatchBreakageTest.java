package io.cloudsword.k8s;

import static io.cloudsword.k8s.Yamls.at;
import static io.cloudsword.k8s.Yamls.kind;
import static io.cloudsword.k8s.Yamls.list;
import static io.cloudsword.k8s.Yamls.map;
import static io.cloudsword.k8s.Yamls.maps;
import static io.cloudsword.k8s.Yamls.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A check that cannot fail proves nothing. Each case here takes a correct rendering, breaks it
 * the way a careless edit would, and asserts that the invariant meant to catch it reports a
 * problem naming the fault (and that, unbroken, the same invariant holds).
 */
class InvariantsCatchBreakageTest {

    record Breakage(String what, String overlay, Function<Manifests, List<String>> check,
            Consumer<List<Map<String, Object>>> breakIt, String reported) {
    }

    @TestFactory
    Stream<DynamicTest> everyInvariantCatchesItsBreakage() {
        return breakages().stream().map(b -> dynamicTest(b.overlay() + ": " + b.what(), () -> {
            assertEquals(List.of(), b.check().apply(Manifests.of(b.overlay())),
                    "the invariant must hold before the breakage");
            Manifests intact = Manifests.of(b.overlay());
            List<Map<String, Object>> objects = new ArrayList<>(intact.objects);
            b.breakIt().accept(objects);
            List<String> problems = b.check().apply(new Manifests(b.overlay(), objects));
            assertTrue(problems.stream().anyMatch(p -> p.contains(b.reported())),
                    "breaking it (" + b.what() + ") should report \"" + b.reported() + "\", reported: " + problems);
        }));
    }

    static List<Breakage> breakages() {
        List<Breakage> list = new ArrayList<>();
        // probes
        list.add(new Breakage("a service without a readiness probe", "dev", Invariants::probes,
                o -> container(o, "listing-service").remove("readinessProbe"), "has no readinessProbe"));
        list.add(new Breakage("liveness on a path that is not SmallRye Health", "prod", Invariants::probes,
                o -> map(at(container(o, "gateway"), "livenessProbe", "httpGet")).put("path", "/health"),
                "/q/health/live"));
        list.add(new Breakage("PostgreSQL without a startup probe", "dev", Invariants::probes,
                o -> container(o, "postgres").remove("startupProbe"), "has no startupProbe"));
        // resources
        list.add(new Breakage("no memory limit", "prod", Invariants::resources,
                o -> map(at(container(o, "complaint-service"), "resources", "limits")).remove("memory"),
                "has no limits.memory"));
        list.add(new Breakage("PostgreSQL without a CPU request", "dev", Invariants::resources,
                o -> map(at(container(o, "postgres"), "resources", "requests")).remove("cpu"),
                "has no requests.cpu"));
        list.add(new Breakage("CloudNativePG without resources", "prod", Invariants::resources,
                o -> map(object(o, "Cluster", "cloudsword-pg").get("spec")).remove("resources"),
                "Cluster/cloudsword-pg has no requests.cpu"));
        // security context
        list.add(new Breakage("a writable root filesystem", "prod", Invariants::securityContexts,
                o -> map(container(o, "gateway").get("securityContext")).put("readOnlyRootFilesystem", false),
                "readOnlyRootFilesystem"));
        list.add(new Breakage("capabilities kept", "dev", Invariants::securityContexts,
                o -> map(container(o, "verification-service").get("securityContext")).remove("capabilities"),
                "does not drop ALL"));
        list.add(new Breakage("PostgreSQL as root", "dev", Invariants::securityContexts,
                o -> map(container(o, "postgres").get("securityContext")).put("runAsUser", 0), "non-zero uid"));
        list.add(new Breakage("privilege escalation allowed", "prod", Invariants::securityContexts,
                o -> map(container(o, "brand-registry-service").get("securityContext"))
                        .remove("allowPrivilegeEscalation"), "allowPrivilegeEscalation"));
        list.add(new Breakage("seccomp unconfined", "prod", Invariants::securityContexts,
                o -> map(container(o, "listing-service").get("securityContext"))
                        .put("seccompProfile", new LinkedHashMap<>(Map.of("type", "Unconfined"))), "seccompProfile"));
        list.add(new Breakage("no /tmp for a read-only root", "dev", Invariants::securityContexts,
                o -> container(o, "complaint-service").remove("volumeMounts"), "no emptyDir mounted at /tmp"));
        // images
        list.add(new Breakage("an image on :latest", "prod", Invariants::images,
                o -> container(o, "gateway").put("image", "ghcr.io/cloudsword/gateway:latest"), ":latest"));
        list.add(new Breakage("an image without a tag", "dev", Invariants::images,
                o -> container(o, "postgres").put("image", "postgres"), "has no tag"));
        list.add(new Breakage("CloudNativePG on an untagged image", "prod", Invariants::images,
                o -> map(object(o, "Cluster", "cloudsword-pg").get("spec"))
                        .put("imageName", "ghcr.io/cloudnative-pg/postgresql"), "has no tag"));
        // service accounts
        list.add(new Breakage("a ServiceAccount that mounts its token", "prod", Invariants::serviceAccounts,
                o -> object(o, "ServiceAccount", "gateway").put("automountServiceAccountToken", true),
                "automountServiceAccountToken"));
        // services
        list.add(new Breakage("a Service targeting an undeclared port", "dev", Invariants::serviceTargets,
                o -> maps(at(object(o, "Service", "listing-service"), "spec", "ports")).get(0)
                        .put("targetPort", "grpc"), "targets grpc"));
        list.add(new Breakage("a callee without its headless Service", "prod", Invariants::serviceTargets,
                o -> o.remove(object(o, "Service", "brand-registry-service-headless")), "no headless Service"));
        list.add(new Breakage("a service exposed as a LoadBalancer", "prod", Invariants::serviceTargets,
                o -> map(object(o, "Service", "complaint-service").get("spec")).put("type", "LoadBalancer"),
                "only the Ingress"));
        // network policies
        list.add(new Breakage("a policy whose selector has a typo", "dev", Invariants::networkPolicySelectors,
                o -> map(at(object(o, "NetworkPolicy", "listing-service"), "spec", "podSelector", "matchLabels"))
                        .put("app.kubernetes.io/name", "listings-service"), "selects no pod"));
        list.add(new Breakage("a rule whose peer selects no pod", "prod", Invariants::networkPolicySelectors,
                o -> map(at(maps(maps(at(object(o, "NetworkPolicy", "complaint-service"), "spec", "ingress"))
                        .get(0).get("from")).get(0), "podSelector", "matchLabels"))
                        .put("app.kubernetes.io/name", "gatway"), "selects no pod"));
        list.add(new Breakage("no default deny", "prod", Invariants::networkPolicySelectors,
                o -> o.remove(object(o, "NetworkPolicy", "default-deny")), "no default-deny"));
        list.add(new Breakage("an allow-all policy", "dev", Invariants::arrows,
                o -> o.add(allowAll()), "which the architecture has not"));
        list.add(new Breakage("complaint-service cut off from listing-service", "prod", Invariants::arrows,
                o -> list(at(object(o, "NetworkPolicy", "complaint-service"), "spec", "egress"))
                        .removeIf(r -> r.toString().contains("listing-service")),
                "do not allow complaint-service -> listing-service:8102/TCP"));
        list.add(new Breakage("an arrow the architecture lacks (verification -> listing)", "dev", Invariants::arrows,
                o -> {
                    list(at(object(o, "NetworkPolicy", "verification-service"), "spec", "egress"))
                            .add(rule("to", "listing-service", 8102));
                    list(at(object(o, "NetworkPolicy", "listing-service"), "spec", "ingress"))
                            .add(rule("from", "verification-service", 8102));
                }, "allow verification-service -> listing-service:8102/TCP"));
        list.add(new Breakage("listing-service reachable from any namespace", "prod", Invariants::externalTraffic,
                o -> list(maps(at(object(o, "NetworkPolicy", "listing-service"), "spec", "ingress")).get(0).get("from"))
                        .add(new LinkedHashMap<>(Map.of("namespaceSelector", new LinkedHashMap<>()))),
                "ingress from outside the namespace to listing-service"));
        list.add(new Breakage("egress to the internet", "dev", Invariants::externalTraffic,
                o -> list(at(object(o, "NetworkPolicy", "brand-registry-service"), "spec", "egress"))
                        .add(new LinkedHashMap<>(Map.of("to", new ArrayList<>(List.of(new LinkedHashMap<>(
                                Map.of("ipBlock", new LinkedHashMap<>(Map.of("cidr", "0.0.0.0/0"))))))))),
                "egress from brand-registry-service to outside"));
        // ports and variables against application.properties
        list.add(new Breakage("a container port that is not quarkus.http.port", "prod",
                Invariants::portsMatchProperties,
                o -> maps(container(o, "listing-service").get("ports")).get(0).put("containerPort", 9000),
                "quarkus.http.port=8102"));
        list.add(new Breakage("QUARKUS_HTTP_PORT disagreeing with the container port", "dev",
                Invariants::portsMatchProperties,
                o -> configMapData(o, "gateway-").put("QUARKUS_HTTP_PORT", "8081"), "QUARKUS_HTTP_PORT=8081"));
        list.add(new Breakage("a variable no property reads", "dev", Invariants::envMatchesProperties,
                o -> list(container(o, "brand-registry-service").get("env"))
                        .add(new LinkedHashMap<>(Map.of("name", "CLOUDSWORD_DB_HOSTNAME", "value", "x"))),
                "sets CLOUDSWORD_DB_HOSTNAME"));
        list.add(new Breakage("a client address for an arrow that does not exist", "prod",
                Invariants::envMatchesProperties,
                o -> configMapData(o, "verification-service-").put("CLOUDSWORD_LISTING_HOST", "listing-service-headless"),
                "sets CLOUDSWORD_LISTING_HOST"));
        list.add(new Breakage("verification-service without its checkpoint signing key", "prod",
                Invariants::startupSettings,
                o -> list(container(o, "verification-service").get("env"))
                        .removeIf(e -> "CLOUDSWORD_LOG_SIGNING_KEY".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_LOG_SIGNING_KEY"));
        list.add(new Breakage("verification-service's master key as an optional reference", "dev",
                Invariants::startupSettings,
                o -> maps(container(o, "verification-service").get("env")).stream()
                        .filter(e -> "CLOUDSWORD_CODES_MASTER_KEY".equals(e.get("name")))
                        .forEach(e -> map(at(e, "valueFrom", "secretKeyRef")).put("optional", true)),
                "takes CLOUDSWORD_CODES_MASTER_KEY from an optional reference"));
        list.add(new Breakage("a service setting the kit's service token it does not use", "dev",
                Invariants::envMatchesProperties,
                o -> list(container(o, "brand-registry-service").get("env"))
                        .add(new LinkedHashMap<>(Map.of("name", "CLOUDSWORD_SERVICE_AUTH_TOKEN", "valueFrom",
                                new LinkedHashMap<>(Map.of("secretKeyRef", new LinkedHashMap<>(Map.of(
                                        "name", "cloudsword-dev-service-identity-listing", "key", "token"))))))),
                "sets CLOUDSWORD_SERVICE_AUTH_TOKEN"));
        // an identity of its own (OWN_IDENTITY)
        list.add(new Breakage("listing-service without its client secret in prod", "prod", Invariants::ownIdentities,
                o -> list(container(o, "listing-service").get("env"))
                        .removeIf(e -> "CLOUDSWORD_SERVICE_AUTH_CLIENT_SECRET".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_SERVICE_AUTH_CLIENT_SECRET"));
        list.add(new Breakage("listing-service's client id as a literal", "prod", Invariants::ownIdentities,
                o -> maps(container(o, "listing-service").get("env")).stream()
                        .filter(e -> "CLOUDSWORD_SERVICE_AUTH_CLIENT_ID".equals(e.get("name")))
                        .forEach(e -> {
                            e.remove("valueFrom");
                            e.put("value", "listing-service");
                        }), "sets CLOUDSWORD_SERVICE_AUTH_CLIENT_ID from literal"));
        list.add(new Breakage("listing-service's dev token as an optional reference", "dev", Invariants::ownIdentities,
                o -> maps(container(o, "listing-service").get("env")).stream()
                        .filter(e -> "CLOUDSWORD_SERVICE_AUTH_TOKEN".equals(e.get("name")))
                        .forEach(e -> map(at(e, "valueFrom", "secretKeyRef")).put("optional", true)),
                "takes CLOUDSWORD_SERVICE_AUTH_TOKEN from an optional reference"));
        list.add(new Breakage("the prod token grant left on listing-service in dev", "dev", Invariants::ownIdentities,
                o -> list(container(o, "listing-service").get("env"))
                        .add(new LinkedHashMap<>(Map.of("name", "CLOUDSWORD_SERVICE_AUTH_TOKEN_URL", "valueFrom",
                                new LinkedHashMap<>(Map.of("secretKeyRef", new LinkedHashMap<>(Map.of(
                                        "name", "cloudsword-service-identity-listing", "key", "token-url"))))))),
                "sets CLOUDSWORD_SERVICE_AUTH_TOKEN_URL, which is not how"));
        list.add(new Breakage("complaint-service without its dev token", "dev", Invariants::ownIdentities,
                o -> list(container(o, "complaint-service").get("env"))
                        .removeIf(e -> "CLOUDSWORD_SERVICE_AUTH_TOKEN".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_SERVICE_AUTH_TOKEN"));
        list.add(new Breakage("complaint-service without its token URL in prod", "prod", Invariants::ownIdentities,
                o -> list(container(o, "complaint-service").get("env"))
                        .removeIf(e -> "CLOUDSWORD_SERVICE_AUTH_TOKEN_URL".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_SERVICE_AUTH_TOKEN_URL"));
        list.add(new Breakage("a fixed token left on complaint-service in prod", "prod", Invariants::ownIdentities,
                o -> list(container(o, "complaint-service").get("env"))
                        .add(new LinkedHashMap<>(Map.of("name", "CLOUDSWORD_SERVICE_AUTH_TOKEN", "valueFrom",
                                new LinkedHashMap<>(Map.of("secretKeyRef", new LinkedHashMap<>(Map.of(
                                        "name", "cloudsword-dev-service-identity-complaint", "key", "token"))))))),
                "sets CLOUDSWORD_SERVICE_AUTH_TOKEN, which is not how"));
        list.add(new Breakage("the database host unset", "dev", Invariants::requiredSettings,
                o -> configMapData(o, "cloudsword-database-").remove("CLOUDSWORD_DB_HOST"),
                "does not set CLOUDSWORD_DB_HOST"));
        list.add(new Breakage("the OIDC issuer unset in prod", "prod", Invariants::requiredSettings,
                o -> list(container(o, "gateway").get("env"))
                        .removeIf(e -> "CLOUDSWORD_OIDC_ISSUER".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_OIDC_ISSUER"));
        // settings an app cannot start without (REQUIRED_AT_STARTUP)
        list.add(new Breakage("a service without the issuer's JWKS URL in prod", "prod", Invariants::startupSettings,
                o -> list(container(o, "verification-service").get("env"))
                        .removeIf(e -> "CLOUDSWORD_OIDC_JWKS_URL".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_OIDC_JWKS_URL"));
        list.add(new Breakage("the gateway without the issuer in prod", "prod", Invariants::startupSettings,
                o -> list(container(o, "gateway").get("env"))
                        .removeIf(e -> "CLOUDSWORD_OIDC_ISSUER".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_OIDC_ISSUER"));
        list.add(new Breakage("a service without the dev key in dev", "dev", Invariants::startupSettings,
                o -> list(container(o, "complaint-service").get("env"))
                        .removeIf(e -> "CLOUDSWORD_DEV_PUBLIC_KEY".equals(map(e).get("name"))),
                "does not set CLOUDSWORD_DEV_PUBLIC_KEY"));
        list.add(new Breakage("a service left in the prod profile by the dev overlay", "dev", Invariants::startupSettings,
                o -> configMapData(o, "brand-registry-service-").remove("QUARKUS_PROFILE"),
                "does not set CLOUDSWORD_OIDC_ISSUER"));
        list.add(new Breakage("the issuer as an optional reference", "prod", Invariants::startupSettings,
                o -> maps(container(o, "complaint-service").get("env")).stream()
                        .filter(e -> "CLOUDSWORD_OIDC_ISSUER".equals(e.get("name")))
                        .forEach(e -> map(at(e, "valueFrom", "secretKeyRef")).put("optional", true)),
                "takes CLOUDSWORD_OIDC_ISSUER from an optional reference"));
        list.add(new Breakage("a service trusting another issuer than the gateway", "prod", Invariants::startupSettings,
                o -> maps(container(o, "listing-service").get("env")).stream()
                        .filter(e -> "CLOUDSWORD_OIDC_ISSUER".equals(e.get("name")))
                        .forEach(e -> map(at(e, "valueFrom", "secretKeyRef")).put("name", "listing-oidc")),
                "do not take CLOUDSWORD_OIDC_ISSUER from the same place"));
        list.add(new Breakage("a gRPC client on a ClusterIP Service (no balancing)", "prod",
                Invariants::requiredSettings,
                o -> configMapData(o, "gateway-").put("CLOUDSWORD_LISTING_HOST", "listing-service"),
                "CLOUDSWORD_LISTING_HOST=listing-service;"));
        list.add(new Breakage("a database name that is not the service's", "dev", Invariants::requiredSettings,
                o -> configMapData(o, "complaint-service-").put("CLOUDSWORD_DB_NAME", "listings"),
                "CLOUDSWORD_DB_NAME=listings"));
        list.add(new Breakage("a role whose password is another Secret", "prod", Invariants::databases,
                o -> maps(at(object(o, "Cluster", "cloudsword-pg"), "spec", "managed", "roles")).get(0)
                        .put("passwordSecret", new LinkedHashMap<>(Map.of("name", "cloudsword-db-other"))),
                "logs in with Secret cloudsword-db-listing"));
        list.add(new Breakage("a service without its Database resource", "prod", Invariants::databases,
                o -> o.remove(object(o, "Database", "cloudsword-pg-verification")), "no Database resource for verification"));
        list.add(new Breakage("too few PostgreSQL connections for the pools", "prod", Invariants::databases,
                o -> map(at(object(o, "Cluster", "cloudsword-pg"), "spec", "postgresql", "parameters"))
                        .put("max_connections", "100"), "max_connections 100"));
        // secrets
        list.add(new Breakage("a Secret committed to prod", "prod", Invariants::noSecretsInlined,
                o -> o.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret", "metadata",
                        new LinkedHashMap<>(Map.of("name", "cloudsword-db-listing", "namespace", "cloudsword")),
                        "stringData", new LinkedHashMap<>(Map.of("password", "hunter2"))))),
                "Secrets are created by the operator"));
        list.add(new Breakage("a dev Secret not named dev", "dev", Invariants::noSecretsInlined,
                o -> object(o, "Secret", secretName(o, "cloudsword-dev-postgres")).put("metadata",
                        new LinkedHashMap<>(Map.of("name", "cloudsword-postgres", "namespace", "cloudsword-dev"))),
                "does not say it is dev-only"));
        list.add(new Breakage("a password as a literal", "prod", Invariants::noSecretsInlined,
                o -> maps(container(o, "listing-service").get("env")).stream()
                        .filter(e -> "CLOUDSWORD_DB_PASSWORD".equals(e.get("name")))
                        .forEach(e -> {
                            e.remove("valueFrom");
                            e.put("value", "hunter2");
                        }), "sets CLOUDSWORD_DB_PASSWORD from literal"));
        list.add(new Breakage("a key in a ConfigMap", "dev", Invariants::noSecretsInlined,
                o -> configMapData(o, "gateway-").put("CLOUDSWORD_DEV_PUBLIC_KEY", Invariants.PEM + "PUBLIC KEY-----"),
                "secrets go in Secrets"));
        // availability
        list.add(new Breakage("two replicas in dev", "dev", Invariants::availability,
                o -> map(object(o, "Deployment", "gateway").get("spec")).put("replicas", 2), "not 1"));
        list.add(new Breakage("no disruption budget in prod", "prod", Invariants::availability,
                o -> o.remove(object(o, "PodDisruptionBudget", "listing-service")), "0 PodDisruptionBudgets"));
        list.add(new Breakage("replicas fighting the autoscaler", "prod", Invariants::availability,
                o -> map(object(o, "Deployment", "complaint-service").get("spec")).put("replicas", 3),
                "sets replicas although"));
        list.add(new Breakage("no anti-affinity in prod", "prod", Invariants::availability,
                o -> map(at(object(o, "Deployment", "gateway"), "spec", "template", "spec")).remove("affinity"),
                "no pod anti-affinity"));
        list.add(new Breakage("no zone spread", "dev", Invariants::availability,
                o -> map(at(object(o, "Deployment", "verification-service"), "spec", "template", "spec"))
                        .remove("topologySpreadConstraints"), "topology.kubernetes.io/zone"));
        list.add(new Breakage("a namespace without Pod Security", "prod", Invariants::namespace,
                o -> map(at(object(o, "Namespace", "cloudsword"), "metadata", "labels"))
                        .remove("pod-security.kubernetes.io/enforce"), "restricted"));
        return list;
    }

    // ------------------------------------------------------------------ helpers over the rendered objects

    static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " to break"));
    }

    static Map<String, Object> container(List<Map<String, Object>> objects, String deployment) {
        return maps(at(object(objects, "Deployment", deployment), "spec", "template", "spec", "containers")).get(0);
    }

    /** The data of the generated ConfigMap whose name starts with the prefix (names carry a hash). */
    static Map<String, Object> configMapData(List<Map<String, Object>> objects, String prefix) {
        return map(objects.stream().filter(o -> "ConfigMap".equals(kind(o)) && name(o).startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + prefix + "*")).get("data"));
    }

    static String secretName(List<Map<String, Object>> objects, String prefix) {
        return objects.stream().filter(o -> "Secret".equals(kind(o)) && name(o).startsWith(prefix)).map(Yamls::name)
                .findFirst().orElseThrow();
    }

    static Map<String, Object> rule(String direction, String app, int port) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put(direction, new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("podSelector",
                new LinkedHashMap<>(Map.of("matchLabels", new LinkedHashMap<>(Map.of("app.kubernetes.io/name", app)))))))));
        rule.put("ports", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("port", port, "protocol", "TCP")))));
        return rule;
    }

    static Map<String, Object> allowAll() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", new LinkedHashMap<>());
        spec.put("policyTypes", new ArrayList<>(List.of("Ingress", "Egress")));
        spec.put("ingress", new ArrayList<>(List.of(new LinkedHashMap<>())));
        spec.put("egress", new ArrayList<>(List.of(new LinkedHashMap<>())));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("apiVersion", "networking.k8s.io/v1");
        policy.put("kind", "NetworkPolicy");
        policy.put("metadata", new LinkedHashMap<>(Map.of("name", "allow-all")));
        policy.put("spec", spec);
        return policy;
    }
}
