package io.cloudsword.k8s;

import static io.cloudsword.k8s.Yamls.at;
import static io.cloudsword.k8s.Yamls.id;
import static io.cloudsword.k8s.Yamls.kind;
import static io.cloudsword.k8s.Yamls.list;
import static io.cloudsword.k8s.Yamls.map;
import static io.cloudsword.k8s.Yamls.maps;
import static io.cloudsword.k8s.Yamls.name;
import static io.cloudsword.k8s.Yamls.str;
import static io.cloudsword.k8s.Yamls.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.cloudsword.k8s.Architecture.App;
import io.cloudsword.k8s.Manifests.Container;
import io.cloudsword.k8s.Manifests.Pod;

/**
 * The invariants, each a function from a rendered overlay to the list of what breaks it (empty
 * when it holds). ManifestInvariantsTest asserts each list is empty for both overlays;
 * InvariantsCatchBreakageTest breaks the rendering one way per invariant and asserts the list is not.
 */
final class Invariants {

    private Invariants() {
    }

    /** Quarkus (SmallRye Health) endpoints, per probe. */
    static final Map<String, String> HEALTH = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    /** The uid of the Quarkus images (Dockerfile.jvm and Dockerfile.native: USER 185). */
    static final int QUARKUS_UID = 185;

    /**
     * Variables set on an app's container that no property in its application.properties reads,
     * allowed only because they are listed here with the reason.
     *
     * <p>Read by the JVM image's launcher (run-java.sh in ubi9/openjdk-17-runtime), not by Quarkus:
     */
    static final Set<String> LAUNCHER_VARS = Set.of("JAVA_MAX_MEM_RATIO");

    /**
     * Keys the later issues' code will read (verification-service: the code-issuing key and the
     * transparency-log signing key). Set now, as optional Secret references, so that the Secret
     * and its documentation exist before the code does; the test insists they stay optional until
     * the service's application.properties reads them (then the ordinary rules apply).
     */
    static final Map<String, Set<String>> FORWARD_SECRET_VARS = Map.of();

    /** service-kit's main sources, where its beans read their own properties. */
    static final String KIT_SOURCES = "service-kit/src/main/java";

    /** What service-kit's ServiceIdentity reads: an OIDC client-credentials grant, or a fixed token. */
    static final Set<String> SERVICE_AUTH_PROPERTIES = Set.of("cloudsword.service-auth.token-url",
            "cloudsword.service-auth.client-id", "cloudsword.service-auth.client-secret",
            "cloudsword.service-auth.scope", "cloudsword.service-auth.token");

    /**
     * Properties a service-kit bean the app uses reads itself ({@code @ConfigProperty} of an
     * Optional: absent means "not configured"), which the app's application.properties therefore
     * need not mention; per app, because only an app that injects the bean reads them. Each is
     * checked against the kit's sources ({@link #kitReads}), so the table cannot outlive the code.
     */
    static final Map<String, Set<String>> KIT_PROPERTIES = Map.of("listing-service", SERVICE_AUTH_PROPERTIES,
            "complaint-service", SERVICE_AUTH_PROPERTIES);

    /**
     * Apps that call another service on their OWN behalf rather than forwarding their caller's
     * token (listing-service's brand cache: WatchBrandChanges and BatchIsAuthorizedSeller need the
     * role system; complaint-service: BatchGetListings at filing, the right-standing checks in
     * brand-registry, and its outbox's takedowns, restores, strikes and suspensions), and the
     * variables that give them that identity per profile: in prod an OIDC client-credentials grant
     * from the issuer everything trusts, in dev a fixed token signed with the dev key, as {@code ./cloudsword up} passes it (cli's Suite.SERVICE_IDENTITIES). The app
     * starts without them, so they are not in {@link #REQUIRED_AT_STARTUP}; but then each of those
     * calls is refused, so {@link #ownIdentities} insists on them all the same.
     */
    static final Map<String, Map<String, List<String>>> OWN_IDENTITY = Map.of(
            "listing-service", serviceAuth(), "complaint-service", serviceAuth());

    /** ServiceIdentity's two ways: a client-credentials grant in prod, a fixed dev token in dev. */
    private static Map<String, List<String>> serviceAuth() {
        return Map.of(
                "prod", List.of("CLOUDSWORD_SERVICE_AUTH_TOKEN_URL", "CLOUDSWORD_SERVICE_AUTH_CLIENT_ID",
                        "CLOUDSWORD_SERVICE_AUTH_CLIENT_SECRET"),
                "dev", List.of("CLOUDSWORD_SERVICE_AUTH_TOKEN"));
    }

    /** One setting an app cannot start without: the property its code reads, and the variable that gives it. */
    record StartupSetting(String property, String env) {
    }

    private static final List<StartupSetting> SERVICE_PROD = List.of(
            // service-kit's TokenVerifier: @ConfigProperty cloudsword.auth.issuer has no default,
            // and it throws without a JWKS URL or a public key. application.properties points both
            // at the variables the gateway's issuer comes from (same Secret, same keys).
            new StartupSetting("cloudsword.auth.issuer", "CLOUDSWORD_OIDC_ISSUER"),
            new StartupSetting("cloudsword.auth.jwks-url", "CLOUDSWORD_OIDC_JWKS_URL"));
    private static final List<StartupSetting> SERVICE_DEV = List.of(
            new StartupSetting("cloudsword.auth.public-key", "CLOUDSWORD_DEV_PUBLIC_KEY"));
    // verification-service's KeyMaterial: no default for either secret, in any profile.
    private static final List<StartupSetting> VERIFICATION_KEYS = List.of(
            new StartupSetting("cloudsword.codes.master-key", "CLOUDSWORD_CODES_MASTER_KEY"),
            new StartupSetting("cloudsword.log.signing-key", "CLOUDSWORD_LOG_SIGNING_KEY"));

    /**
     * What each app refuses to start without, per profile it may run in (prod unless
     * QUARKUS_PROFILE says otherwise): properties with no default in its application.properties
     * for that profile. Kept by hand, on purpose: a required property the code reads but no
     * ${...} in application.properties mentions is invisible to {@link AppProperties#mustBeSet}.
     * Each row is checked against application.properties (the variable must reach the property
     * there), so the table cannot silently drift from the file; add a row when an app starts
     * requiring something, and a profile when an overlay runs one.
     */
    static final Map<String, Map<String, List<StartupSetting>>> REQUIRED_AT_STARTUP = Map.of(
            "brand-registry-service", Map.of("prod", SERVICE_PROD, "dev", SERVICE_DEV),
            "listing-service", Map.of("prod", SERVICE_PROD, "dev", SERVICE_DEV),
            "complaint-service", Map.of("prod", SERVICE_PROD, "dev", SERVICE_DEV),
            "verification-service", Map.of(
                    "prod", concat(SERVICE_PROD, VERIFICATION_KEYS), "dev", concat(SERVICE_DEV, VERIFICATION_KEYS)),
            "gateway", Map.of(
                    // quarkus-oidc: no auth-server-url, no start.
                    "prod", List.of(new StartupSetting("quarkus.oidc.auth-server-url", "CLOUDSWORD_OIDC_ISSUER")),
                    "dev", List.of(new StartupSetting("quarkus.oidc.public-key", "CLOUDSWORD_DEV_PUBLIC_KEY"))));

    private static List<StartupSetting> concat(List<StartupSetting> a, List<StartupSetting> b) {
        List<StartupSetting> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A variable whose name says it holds a secret must come from a Secret. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|KEY).*");

    static final String PEM = "-----" + "BEGIN ";

    // ---------------------------------------------------------------------------------------- containers

    static List<String> probes(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : m.pods) {
            for (Container c : pod.containers()) {
                if (!c.runsAlongside()) {
                    continue; // Kubernetes rejects probes on plain init containers; they must exit instead.
                }
                for (String probe : HEALTH.keySet()) {
                    Map<String, Object> spec = map(c.spec().get(probe));
                    if (spec.isEmpty()) {
                        problems.add(c.describe() + " has no " + probe);
                        continue;
                    }
                    Object http = spec.get("httpGet");
                    if (http != null) {
                        Object port = at(http, "port");
                        if (declaredPort(c, port).isEmpty()) {
                            problems.add(c.describe() + " " + probe + " probes port " + port
                                    + ", which the container does not declare");
                        }
                    }
                    if (Architecture.isApp(pod.component())) {
                        String path = str(at(http, "path"));
                        if (!HEALTH.get(probe).equals(path)) {
                            problems.add(c.describe() + " " + probe + " must GET " + HEALTH.get(probe)
                                    + " (SmallRye Health), not " + (http == null ? "a non-HTTP check" : path));
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static Optional<Map<String, Object>> declaredPort(Container c, Object nameOrNumber) {
        String wanted = str(nameOrNumber);
        return maps(c.spec().get("ports")).stream()
                .filter(p -> wanted.equals(str(p.get("name"))) || wanted.equals(str(p.get("containerPort"))))
                .findFirst();
    }

    static List<String> resources(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : m.pods) {
            for (Container c : pod.containers()) {
                problems.addAll(resourceProblems(c.describe(), map(c.spec().get("resources"))));
            }
        }
        for (Map<String, Object> cluster : cnpgClusters(m)) {
            problems.addAll(resourceProblems(id(cluster), map(at(cluster, "spec", "resources"))));
        }
        return problems;
    }

    private static List<String> resourceProblems(String where, Map<String, Object> resources) {
        List<String> problems = new ArrayList<>();
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (at(resources, bound, resource) == null) {
                    problems.add(where + " has no " + bound + "." + resource);
                }
            }
        }
        if (problems.isEmpty()) {
            if (Yamls.millicores(at(resources, "requests", "cpu")) > Yamls.millicores(at(resources, "limits", "cpu"))) {
                problems.add(where + " requests more CPU than its limit");
            }
            if (Yamls.bytes(at(resources, "requests", "memory")) > Yamls.bytes(at(resources, "limits", "memory"))) {
                problems.add(where + " requests more memory than its limit");
            }
        }
        return problems;
    }

    static List<String> securityContexts(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : m.pods) {
            if (pod.virtual()) {
                continue; // CloudNativePG writes its instances' pod spec (restricted-compliant) itself
            }
            Map<String, Object> podContext = map(pod.spec().get("securityContext"));
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (Boolean.TRUE.equals(pod.spec().get(host))) {
                    problems.add(pod.describe() + " uses " + host);
                }
            }
            for (Container c : pod.containers()) {
                Map<String, Object> sc = map(c.spec().get("securityContext"));
                String where = c.describe();
                Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podContext.get("runAsNonRoot");
                if (!Boolean.TRUE.equals(nonRoot)) {
                    problems.add(where + " does not set runAsNonRoot: true");
                }
                Object uid = sc.containsKey("runAsUser") ? sc.get("runAsUser") : podContext.get("runAsUser");
                if (!(uid instanceof Integer u) || u == 0) {
                    problems.add(where + " does not run as a fixed non-zero uid (runAsUser " + uid + ")");
                } else if (Architecture.isApp(pod.component()) && u != QUARKUS_UID) {
                    problems.add(where + " runs as uid " + u + ", not the Quarkus images' " + QUARKUS_UID);
                }
                if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                    problems.add(where + " does not set allowPrivilegeEscalation: false");
                }
                if (Boolean.TRUE.equals(sc.get("privileged"))) {
                    problems.add(where + " is privileged");
                }
                if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
                    problems.add(where + " does not set readOnlyRootFilesystem: true");
                }
                List<String> drop = list(at(sc, "capabilities", "drop")).stream().map(Yamls::str).toList();
                if (!drop.contains("ALL")) {
                    problems.add(where + " does not drop ALL capabilities");
                }
                if (!list(at(sc, "capabilities", "add")).isEmpty()) {
                    problems.add(where + " adds capabilities " + at(sc, "capabilities", "add"));
                }
                Object seccomp = sc.containsKey("seccompProfile") ? at(sc, "seccompProfile", "type")
                        : at(podContext, "seccompProfile", "type");
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(where + " has seccompProfile " + seccomp + ", not RuntimeDefault");
                }
                // A read-only root needs somewhere to write: /tmp on an emptyDir.
                boolean tmp = maps(c.spec().get("volumeMounts")).stream()
                        .filter(v -> "/tmp".equals(str(v.get("mountPath"))))
                        .anyMatch(v -> maps(pod.spec().get("volumes")).stream()
                                .anyMatch(vol -> Objects.equals(vol.get("name"), v.get("name"))
                                        && vol.containsKey("emptyDir")));
                if (!tmp) {
                    problems.add(where + " has no emptyDir mounted at /tmp");
                }
            }
        }
        return problems;
    }

    static List<String> images(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : m.pods) {
            for (Container c : pod.containers()) {
                String image = str(c.spec().get("image"));
                problems.addAll(imageProblems(c.describe(), image));
                if (Architecture.isApp(pod.component()) && image != null
                        && !image.matches("[^:]+/" + Pattern.quote(pod.component()) + "[:@].+")) {
                    problems.add(c.describe() + " runs " + image + ", not the image built from module "
                            + pod.component());
                }
            }
        }
        for (Map<String, Object> cluster : cnpgClusters(m)) {
            problems.addAll(imageProblems(id(cluster), str(at(cluster, "spec", "imageName"))));
        }
        return problems;
    }

    static List<String> imageProblems(String where, String image) {
        if (image == null) {
            return List.of(where + " names no image");
        }
        if (image.contains("@sha256:")) {
            return List.of();
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!last.contains(":")) {
            return List.of(where + " image " + image + " has no tag (it would mean :latest)");
        }
        String tag = last.substring(last.indexOf(':') + 1);
        if (tag.isBlank() || "latest".equalsIgnoreCase(tag)) {
            return List.of(where + " image " + image + " uses the moving tag :" + tag);
        }
        return List.of();
    }

    static List<String> serviceAccounts(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : m.pods) {
            if (pod.virtual()) {
                continue;
            }
            String account = str(pod.spec().get("serviceAccountName"));
            if (account == null || "default".equals(account)) {
                problems.add(pod.describe() + " runs as the namespace's default ServiceAccount");
                continue;
            }
            Optional<Map<String, Object>> sa = m.find("ServiceAccount", account);
            if (sa.isEmpty()) {
                problems.add(pod.describe() + " names ServiceAccount " + account + ", which is not in the rendering");
            } else if (!Boolean.FALSE.equals(sa.get().get("automountServiceAccountToken"))) {
                problems.add("ServiceAccount/" + account + " does not set automountServiceAccountToken: false");
            }
            if (!Boolean.FALSE.equals(pod.spec().get("automountServiceAccountToken"))) {
                problems.add(pod.describe() + " does not set automountServiceAccountToken: false");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------- services

    static List<String> serviceTargets(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : m.ofKind("Service")) {
            Object selector = at(service, "spec", "selector");
            if (selector == null) {
                problems.add(id(service) + " has no selector");
                continue;
            }
            Map<String, String> wanted = strings(selector);
            List<Pod> selected = m.pods.stream()
                    .filter(p -> wanted.entrySet().stream()
                            .allMatch(e -> e.getValue().equals(p.labels().get(e.getKey()))))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(id(service) + " selects no pod (selector " + wanted + ")");
            }
            String type = str(at(service, "spec", "type"));
            if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
                problems.add(id(service) + " is a " + type + ": only the Ingress to the gateway may take outside traffic");
            }
            for (Map<String, Object> port : maps(at(service, "spec", "ports"))) {
                if (port.get("name") == null) {
                    problems.add(id(service) + " has an unnamed port " + port.get("port"));
                }
                Object target = port.getOrDefault("targetPort", port.get("port"));
                for (Pod pod : selected) {
                    if (pod.port(target).isEmpty()) {
                        problems.add(id(service) + " port " + port.get("name") + " targets " + target
                                + ", which " + pod.describe() + " does not declare");
                    }
                }
            }
        }
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            List<Map<String, Object>> backends = new ArrayList<>();
            if (at(ingress, "spec", "defaultBackend") != null) {
                backends.add(map(at(ingress, "spec", "defaultBackend")));
            }
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                maps(at(rule, "http", "paths")).forEach(p -> backends.add(map(p.get("backend"))));
            }
            for (Map<String, Object> backend : backends) {
                String serviceName = str(at(backend, "service", "name"));
                Object port = at(backend, "service", "port", "name") != null ? at(backend, "service", "port", "name")
                        : at(backend, "service", "port", "number");
                Optional<Map<String, Object>> service = m.find("Service", serviceName);
                if (service.isEmpty()) {
                    problems.add(id(ingress) + " routes to Service " + serviceName + ", which is not in the rendering");
                    continue;
                }
                boolean declared = maps(at(service.get(), "spec", "ports")).stream()
                        .anyMatch(p -> str(port).equals(str(p.get("name"))) || str(port).equals(str(p.get("port"))));
                if (!declared) {
                    problems.add(id(ingress) + " routes to port " + port + " of Service " + serviceName
                            + ", which it does not declare");
                }
                if (!"gateway".equals(strings(at(service.get(), "spec", "selector")).get("app.kubernetes.io/name"))) {
                    problems.add(id(ingress) + " exposes Service " + serviceName + ": only the gateway takes outside traffic");
                }
            }
            if (list(at(ingress, "spec", "tls")).isEmpty()) {
                problems.add(id(ingress) + " has no TLS");
            }
        }
        // Every callee of an arrow has a headless Service (gRPC clients balance over its pods).
        for (App app : Architecture.APPS) {
            boolean called = Architecture.ARROWS.values().stream().anyMatch(callees -> callees.contains(app.name()));
            if (called && headlessServiceFor(m, app.name()).isEmpty()) {
                problems.add(app.name() + " is called over gRPC but has no headless Service (clusterIP: None)");
            }
        }
        return problems;
    }

    static Optional<Map<String, Object>> headlessServiceFor(Manifests m, String app) {
        return m.ofKind("Service").stream()
                .filter(s -> "None".equals(str(at(s, "spec", "clusterIP"))))
                .filter(s -> app.equals(strings(at(s, "spec", "selector")).get("app.kubernetes.io/name")))
                .findFirst();
    }

    // ---------------------------------------------------------------------------------------- network

    static List<String> networkPolicySelectors(Manifests m) {
        NetworkPolicies policies = new NetworkPolicies(m);
        List<String> problems = new ArrayList<>();
        if (policies.policies().isEmpty()) {
            problems.add("no NetworkPolicy at all");
        }
        for (Map<String, Object> policy : policies.policies()) {
            if (policies.selected(policy).isEmpty()) {
                problems.add(id(policy) + " podSelector " + at(policy, "spec", "podSelector") + " selects no pod");
            }
        }
        problems.addAll(policies.deadPeerSelectors());
        boolean defaultDeny = policies.policies().stream()
                .anyMatch(p -> map(at(p, "spec", "podSelector")).isEmpty()
                        && NetworkPolicies.hasType(p, "Ingress") && NetworkPolicies.hasType(p, "Egress")
                        && at(p, "spec", "ingress") == null && at(p, "spec", "egress") == null);
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)");
        }
        return problems;
    }

    static List<String> arrows(Manifests m) {
        return difference("pod-to-pod connections", Architecture.expectedInternalEdges(m.overlay),
                new NetworkPolicies(m).internalEdges());
    }

    static List<String> externalTraffic(Manifests m) {
        NetworkPolicies policies = new NetworkPolicies(m);
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> ingress = policies.externalIngress();
        Map<String, Set<String>> egress = policies.externalEgress();
        Map<String, Set<String>> expectedIngress = Architecture.expectedExternalIngress(m.overlay);
        Map<String, Set<String>> expectedEgress = Architecture.expectedExternalEgress(m.overlay);
        Set<String> components = new TreeSet<>(ingress.keySet());
        components.addAll(expectedIngress.keySet());
        for (String component : components) {
            problems.addAll(difference("ingress from outside the namespace to " + component,
                    expectedIngress.getOrDefault(component, Set.of()), ingress.getOrDefault(component, Set.of())));
            problems.addAll(difference("egress from " + component + " to outside the namespace",
                    expectedEgress.getOrDefault(component, Set.of()), egress.getOrDefault(component, Set.of())));
        }
        return problems;
    }

    private static List<String> difference(String what, Set<String> expected, Set<String> actual) {
        List<String> problems = new ArrayList<>();
        for (String e : expected) {
            if (!actual.contains(e)) {
                problems.add(what + ": the NetworkPolicies do not allow " + e);
            }
        }
        for (String a : actual) {
            if (!expected.contains(a)) {
                problems.add(what + ": the NetworkPolicies allow " + a + ", which the architecture has not");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------- configuration

    /** Each app as deployed: its container, environment, profile and application.properties. */
    record Deployed(App app, Container container, Env env, AppProperties properties, String profile) {
    }

    static List<Deployed> deployedApps(Manifests m) {
        List<Deployed> result = new ArrayList<>();
        for (App app : Architecture.APPS) {
            Pod pod = m.pod(app.name());
            Container container = pod.containers().stream().filter(c -> !c.init()).findFirst()
                    .orElseThrow(() -> new AssertionError(pod.describe() + " has no container"));
            Env env = Env.of(m, container);
            String profile = Optional.ofNullable(env.value("QUARKUS_PROFILE")).orElse("prod");
            result.add(new Deployed(app, container, env, AppProperties.of(app.name()), profile));
        }
        return result;
    }

    static List<String> portsMatchProperties(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployed d : deployedApps(m)) {
            String where = d.container().describe();
            String property = d.properties().value(d.profile(), "quarkus.http.port");
            List<Map<String, Object>> ports = maps(d.container().spec().get("ports"));
            if (ports.size() != 1) {
                problems.add(where + " declares " + ports.size() + " ports; HTTP and gRPC share one");
                continue;
            }
            String containerPort = str(ports.get(0).get("containerPort"));
            if (!Objects.equals(property, containerPort)) {
                problems.add(where + " declares containerPort " + containerPort + " but " + d.app().name()
                        + "'s application.properties has quarkus.http.port=" + property);
            }
            if (!Integer.toString(d.app().port()).equals(containerPort)) {
                problems.add(where + " declares containerPort " + containerPort + ", ARCHITECTURE.md says "
                        + d.app().port());
            }
            String env = d.env().value("QUARKUS_HTTP_PORT");
            if (env != null && !env.equals(containerPort)) {
                problems.add(where + " sets QUARKUS_HTTP_PORT=" + env + " but declares containerPort " + containerPort);
            }
        }
        return problems;
    }

    static List<String> envMatchesProperties(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployed d : deployedApps(m)) {
            problems.addAll(d.env().problems());
            String where = d.container().describe();
            List<String> callees = Architecture.ARROWS.getOrDefault(d.app().name(), List.of());
            for (Env.Var var : d.env().vars().values()) {
                String name = var.name();
                if (d.properties().propertyFor(name) != null) {
                    continue;
                }
                if ("QUARKUS_PROFILE".equals(name)) {
                    if (!d.properties().hasProfile(var.value())) {
                        problems.add(where + " runs profile " + var.value() + ", which " + d.app().name()
                                + "'s application.properties does not have");
                    }
                    continue;
                }
                if (LAUNCHER_VARS.contains(name)) {
                    continue;
                }
                boolean calleeAddress = callees.stream().map(Architecture::app)
                        .anyMatch(callee -> name.equals(callee.envPrefix() + "_HOST")
                                || name.equals(callee.envPrefix() + "_PORT"));
                if (calleeAddress) {
                    continue; // the client of an arrow, named as the gateway names it (cloudsword.<area>.host)
                }
                Optional<String> kitProperty = KIT_PROPERTIES.getOrDefault(d.app().name(), Set.of()).stream()
                        .filter(p -> AppProperties.envName(p).equals(name)).findFirst();
                if (kitProperty.isPresent()) {
                    if (!kitReads(kitProperty.get())) {
                        problems.add("Invariants.KIT_PROPERTIES says service-kit reads " + kitProperty.get()
                                + " (set on " + where + " as " + name + "), but no @ConfigProperty under "
                                + KIT_SOURCES + " names it: update the table");
                    }
                    continue;
                }
                if (FORWARD_SECRET_VARS.getOrDefault(d.app().name(), Set.of()).contains(name)) {
                    if (!var.fromSecret() || !var.optional()) {
                        problems.add(where + " sets " + name + ", which the service does not read yet, other than "
                                + "as an optional Secret reference");
                    }
                    continue;
                }
                problems.add(where + " sets " + name + " (from " + var.source() + "), but " + d.app().name()
                        + "'s application.properties reads no property " + name.toLowerCase().replace('_', '.')
                        + " (or with '-' for '.'), and it is not a documented extra in Invariants");
            }
        }
        return problems;
    }

    /**
     * Every row of {@link #REQUIRED_AT_STARTUP} for the profile each pod runs is set, not from an
     * optional reference and not empty; and a variable several apps need (the issuer, the dev key)
     * comes to all of them from the same place, so that the services trust what the gateway trusts.
     */
    static List<String> startupSettings(Manifests m) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> sourcesByVar = new java.util.TreeMap<>();
        for (Deployed d : deployedApps(m)) {
            String where = d.container().describe();
            String app = d.app().name();
            List<StartupSetting> settings = REQUIRED_AT_STARTUP.getOrDefault(app, Map.of()).get(d.profile());
            if (settings == null) {
                problems.add(where + " runs " + app + " in profile " + d.profile()
                        + ", for which Invariants.REQUIRED_AT_STARTUP lists nothing: say what it needs to start");
                continue;
            }
            for (StartupSetting s : settings) {
                String fileValue = d.properties().value(d.profile(), s.property());
                boolean direct = AppProperties.envName(s.property()).equals(s.env());
                boolean viaFile = fileValue != null && fileValue.matches("\\$\\{[^:}]+}")
                        && AppProperties.envName(fileValue.substring(2, fileValue.length() - 1)).equals(s.env());
                if (!direct && !viaFile) {
                    problems.add("Invariants.REQUIRED_AT_STARTUP says " + s.env() + " gives " + app + " its "
                            + s.property() + " in profile " + d.profile() + ", but its application.properties has "
                            + (fileValue == null ? "no " + s.property() : s.property() + "=" + fileValue)
                            + ": update the table or the file");
                }
                Optional<Env.Var> var = d.env().get(s.env());
                if (var.isEmpty()) {
                    problems.add(where + " does not set " + s.env() + " (" + s.property() + "): " + app
                            + " does not start without it in profile " + d.profile());
                    continue;
                }
                Env.Var v = var.get();
                if (v.optional()) {
                    problems.add(where + " takes " + s.env() + " from an optional reference: " + app
                            + " does not start without it in profile " + d.profile());
                } else if (!v.fromSecret() && v.value() != null && v.value().isBlank()) {
                    problems.add(where + " sets " + s.env() + " empty: " + app + " does not start without it");
                }
                String source = v.fromSecret() ? "Secret " + v.secretName() + " key " + v.secretKey()
                        : "the value " + v.value();
                sourcesByVar.computeIfAbsent(s.env(), k -> new java.util.TreeMap<>()).put(app, source);
            }
        }
        sourcesByVar.forEach((env, byApp) -> {
            if (new TreeSet<>(byApp.values()).size() > 1) {
                problems.add("the apps do not take " + env + " from the same place: " + byApp);
            }
        });
        return problems;
    }

    /** Whether a class under service-kit's main sources reads the property with {@code @ConfigProperty}. */
    static boolean kitReads(String property) {
        return Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"" + Pattern.quote(property) + "\"")
                .matcher(kitSources()).find();
    }

    private static String kitSourceText;

    private static synchronized String kitSources() {
        if (kitSourceText == null) {
            Path root = Manifests.repoRoot().resolve(KIT_SOURCES);
            StringBuilder text = new StringBuilder();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    text.append(Files.readString(file)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + root, e);
            }
            kitSourceText = text.toString();
        }
        return kitSourceText;
    }

    /**
     * Each app of {@link #OWN_IDENTITY} gets, in the profile it runs, every variable of its row: set,
     * from a Secret (they are credentials), not from an optional reference, each reaching a property
     * the app reads; and no variable of the other way to get a token (a grant's token URL in dev
     * would win over the fixed token and ask an issuer that is not there; a fixed token in prod
     * would be ignored behind the grant, and mislead whoever reads the manifest).
     */
    static List<String> ownIdentities(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployed d : deployedApps(m)) {
            String app = d.app().name();
            if (!OWN_IDENTITY.containsKey(app)) {
                continue;
            }
            String where = d.container().describe();
            List<String> row = OWN_IDENTITY.get(app).get(d.profile());
            if (row == null) {
                problems.add(where + " runs " + app + " in profile " + d.profile()
                        + ", for which Invariants.OWN_IDENTITY lists nothing: say how it gets its token there");
                continue;
            }
            for (String env : row) {
                boolean read = d.properties().propertyFor(env) != null || KIT_PROPERTIES.getOrDefault(app, Set.of())
                        .stream().anyMatch(p -> AppProperties.envName(p).equals(env) && kitReads(p));
                if (!read) {
                    problems.add("Invariants.OWN_IDENTITY gives " + app + " " + env + ", which reaches no property "
                            + "it reads: update the table");
                }
                Optional<Env.Var> var = d.env().get(env);
                if (var.isEmpty()) {
                    problems.add(where + " does not set " + env + ": " + app + " has no identity of its own in profile "
                            + d.profile() + ", and the calls it makes on its own behalf are refused");
                } else if (!var.get().fromSecret()) {
                    problems.add(where + " sets " + env + " from " + var.get().source()
                            + "; its own identity is a credential and comes from a Secret");
                } else if (var.get().optional()) {
                    problems.add(where + " takes " + env + " from an optional reference: without it " + app
                            + " has no identity of its own in profile " + d.profile());
                }
            }
            boolean grant = row.contains("CLOUDSWORD_SERVICE_AUTH_TOKEN_URL");
            for (String name : d.env().vars().keySet()) {
                boolean sameWay = row.contains(name) || (grant && "CLOUDSWORD_SERVICE_AUTH_SCOPE".equals(name));
                if (name.startsWith("CLOUDSWORD_SERVICE_AUTH_") && !sameWay) {
                    problems.add(where + " sets " + name + ", which is not how " + app + " gets its token in profile "
                            + d.profile() + " (Invariants.OWN_IDENTITY: " + row + ")");
                }
            }
        }
        return problems;
    }

    static List<String> requiredSettings(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployed d : deployedApps(m)) {
            String where = d.container().describe();
            for (String property : d.properties().mustBeSet(d.profile())) {
                String env = AppProperties.envName(property);
                Optional<Env.Var> var = d.env().get(env);
                if (var.isEmpty()) {
                    problems.add(where + " does not set " + env + " (" + property + ", needed in profile "
                            + d.profile() + ")");
                } else if (var.get().optional()) {
                    problems.add(where + " takes " + env + " (" + property + ") from an optional reference");
                }
            }
            // Arrows: the caller's client points at the callee's headless Service and container port.
            for (String callee : Architecture.ARROWS.getOrDefault(d.app().name(), List.of())) {
                App target = Architecture.app(callee);
                String host = d.env().value(target.envPrefix() + "_HOST");
                String port = d.env().value(target.envPrefix() + "_PORT");
                String headless = headlessServiceFor(m, callee).map(Yamls::name).orElse("(none)");
                if (!headless.equals(host)) {
                    problems.add(where + " has " + target.envPrefix() + "_HOST=" + host + "; it must be "
                            + callee + "'s headless Service " + headless + " for round-robin over its pods");
                }
                if (!Integer.toString(target.port()).equals(port)) {
                    problems.add(where + " has " + target.envPrefix() + "_PORT=" + port + "; " + callee
                            + " listens on " + target.port() + " (a headless Service translates no ports)");
                }
            }
            if (d.app().hasDatabase()) {
                String dbName = d.env().value("CLOUDSWORD_DB_NAME");
                if (!d.app().database().equals(dbName)) {
                    problems.add(where + " has CLOUDSWORD_DB_NAME=" + dbName + ", its database is "
                            + d.app().database());
                }
                String fileName = d.properties().value("prod", "cloudsword.db.name");
                if (!d.app().database().equals(fileName)) {
                    problems.add(d.app().name() + "'s application.properties names database " + fileName
                            + ", ARCHITECTURE.md says " + d.app().database());
                }
                String host = d.env().value("CLOUDSWORD_DB_HOST");
                if (host == null || !databaseHosts(m).contains(host)) {
                    problems.add(where + " has CLOUDSWORD_DB_HOST=" + host + ", which is none of the database's "
                            + "Services " + databaseHosts(m));
                }
                for (String var : List.of("CLOUDSWORD_DB_USER", "CLOUDSWORD_DB_PASSWORD")) {
                    if (!d.env().get(var).map(Env.Var::fromSecret).orElse(false)) {
                        problems.add(where + " does not take " + var + " from a Secret");
                    }
                }
            } else {
                d.env().vars().keySet().stream().filter(v -> v.startsWith("CLOUDSWORD_DB_"))
                        .forEach(v -> problems.add(where + " sets " + v + " but " + d.app().name() + " has no database"));
            }
        }
        return problems;
    }

    /** Names the services may use for PostgreSQL: rendered Services in front of it, or CloudNativePG's -rw. */
    static Set<String> databaseHosts(Manifests m) {
        Set<String> hosts = new TreeSet<>();
        for (Map<String, Object> service : m.ofKind("Service")) {
            Map<String, String> selector = strings(at(service, "spec", "selector"));
            boolean database = m.pods.stream().anyMatch(p -> Architecture.DATABASE.equals(p.component())
                    && !selector.isEmpty() && selector.entrySet().stream()
                            .allMatch(e -> e.getValue().equals(p.labels().get(e.getKey()))));
            if (database) {
                hosts.add(name(service));
            }
        }
        cnpgClusters(m).forEach(c -> hosts.add(name(c) + "-rw"));
        return hosts;
    }

    /** Each service's database exists, owned by the role whose password is the Secret the service logs in with. */
    static List<String> databases(Manifests m) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> clusters = cnpgClusters(m);
        if ("prod".equals(m.overlay) && clusters.size() != 1) {
            problems.add("prod has " + clusters.size() + " CloudNativePG Clusters, expected 1");
        }
        if ("dev".equals(m.overlay) && !clusters.isEmpty()) {
            problems.add("dev runs a CloudNativePG Cluster; it has its own throwaway PostgreSQL");
        }
        List<Deployed> apps = deployedApps(m).stream().filter(d -> d.app().hasDatabase()).toList();
        for (Map<String, Object> cluster : clusters) {
            Map<String, String> roleSecrets = new java.util.LinkedHashMap<>();
            Map<String, Object> initdb = map(at(cluster, "spec", "bootstrap", "initdb"));
            if (initdb.get("owner") != null) {
                roleSecrets.put(str(initdb.get("owner")), str(at(initdb, "secret", "name")));
            }
            for (Map<String, Object> role : maps(at(cluster, "spec", "managed", "roles"))) {
                roleSecrets.put(str(role.get("name")), str(at(role, "passwordSecret", "name")));
            }
            for (Deployed d : apps) {
                String db = d.app().database();
                Optional<Map<String, Object>> database = m.ofKind("Database").stream()
                        .filter(x -> db.equals(str(at(x, "spec", "name")))
                                && name(cluster).equals(str(at(x, "spec", "cluster", "name"))))
                        .findFirst();
                if (database.isEmpty()) {
                    problems.add(id(cluster) + " has no Database resource for " + db);
                    continue;
                }
                String owner = str(at(database.get(), "spec", "owner"));
                String secret = d.env().get("CLOUDSWORD_DB_PASSWORD").map(Env.Var::secretName).orElse(null);
                if (!roleSecrets.containsKey(owner)) {
                    problems.add(id(cluster) + " does not manage role " + owner + ", owner of " + db);
                } else if (!Objects.equals(roleSecrets.get(owner), secret)) {
                    problems.add("role " + owner + " takes its password from Secret " + roleSecrets.get(owner)
                            + " but " + d.app().name() + " logs in with Secret " + secret);
                }
            }
            // Connection budget: every pod of every service at its pool maximum must fit.
            int maxConnections = Integer.parseInt(Optional.ofNullable(
                    str(at(cluster, "spec", "postgresql", "parameters", "max_connections"))).orElse("100"));
            int needed = 10; // superuser_reserved_connections and the operator's own
            for (Deployed d : apps) {
                int pods = m.ofKind("HorizontalPodAutoscaler").stream()
                        .filter(h -> d.app().name().equals(str(at(h, "spec", "scaleTargetRef", "name"))))
                        .map(h -> Integer.parseInt(str(at(h, "spec", "maxReplicas")))).findFirst().orElse(1);
                int pool = Integer.parseInt(Optional.ofNullable(
                        d.properties().value(d.profile(), "quarkus.datasource.reactive.max-size")).orElse("20"))
                        + Integer.parseInt(Optional.ofNullable(
                                d.properties().value(d.profile(), "quarkus.datasource.jdbc.max-size")).orElse("20"));
                needed += pods * pool;
            }
            if (needed > maxConnections) {
                problems.add(id(cluster) + " max_connections " + maxConnections + " < " + needed
                        + " that the services' pools may open at their HPA maxReplicas");
            }
        }
        if ("dev".equals(m.overlay)) {
            Pod postgres = m.pods.stream().filter(p -> Architecture.DATABASE.equals(p.component())).findFirst()
                    .orElse(null);
            if (postgres == null) {
                problems.add("dev has no PostgreSQL pod");
                return problems;
            }
            Container container = postgres.containers().get(0);
            Set<String> postgresSecrets = new TreeSet<>();
            Env.of(m, container).vars().values().stream().filter(Env.Var::fromSecret)
                    .forEach(v -> postgresSecrets.add(v.secretName()));
            String init = m.ofKind("ConfigMap").stream()
                    .filter(c -> maps(at(postgres.spec(), "volumes")).stream()
                            .anyMatch(v -> name(c).equals(str(at(v, "configMap", "name")))))
                    .map(c -> String.join("\n", strings(c.get("data")).values())).findFirst().orElse("");
            for (Deployed d : apps) {
                if (!init.matches("(?s).*\\b" + d.app().database() + "\\b.*")) {
                    problems.add("the dev PostgreSQL's init scripts do not create database " + d.app().database());
                }
                String secret = d.env().get("CLOUDSWORD_DB_PASSWORD").map(Env.Var::secretName).orElse(null);
                if (!postgresSecrets.contains(secret)) {
                    problems.add("the dev PostgreSQL does not create " + d.app().name() + "'s role from Secret "
                            + secret + ", which the service logs in with");
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------- secrets

    static List<String> noSecretsInlined(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> secret : m.ofKind("Secret")) {
            if (!"dev".equals(m.overlay)) {
                problems.add(m.overlay + " renders " + id(secret) + ": Secrets are created by the operator, never committed");
            } else if (!name(secret).contains("dev")) {
                problems.add("dev renders " + id(secret) + " whose name does not say it is dev-only");
            }
        }
        for (Pod pod : m.pods) {
            for (Container c : pod.containers()) {
                for (Env.Var var : Env.of(m, c).vars().values()) {
                    if (SECRET_NAME.matcher(var.name()).matches() && !var.fromSecret()) {
                        problems.add(c.describe() + " sets " + var.name() + " from " + var.source()
                                + "; a secret comes from a Secret (secretKeyRef)");
                    }
                }
            }
        }
        for (Map<String, Object> configMap : m.ofKind("ConfigMap")) {
            for (Map.Entry<String, String> entry : strings(configMap.get("data")).entrySet()) {
                if (SECRET_NAME.matcher(entry.getKey()).matches()) {
                    problems.add(id(configMap) + " holds " + entry.getKey() + ": secrets go in Secrets");
                }
                if (entry.getValue() != null && entry.getValue().contains(PEM)) {
                    problems.add(id(configMap) + " key " + entry.getKey() + " holds a PEM block");
                }
            }
        }
        for (Map<String, Object> object : m.objects) {
            if (!"Secret".equals(kind(object)) && new org.yaml.snakeyaml.Yaml().dump(object).contains(PEM)) {
                problems.add(id(object) + " holds a PEM block");
            }
        }
        return problems;
    }

    /** Every Secret the rendering needs but does not generate: the operator creates these (k8s/README.md). */
    static Set<String> operatorSecrets(Manifests m) {
        Set<String> referenced = new TreeSet<>();
        for (Pod pod : m.pods) {
            for (Container c : pod.containers()) {
                Env.of(m, c).vars().values().stream().filter(Env.Var::fromSecret)
                        .forEach(v -> referenced.add(v.secretName()));
            }
            if (!pod.virtual()) {
                maps(pod.spec().get("volumes")).stream().map(v -> str(at(v, "secret", "secretName")))
                        .filter(Objects::nonNull).forEach(referenced::add);
            }
        }
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            maps(at(ingress, "spec", "tls")).forEach(t -> referenced.add(str(t.get("secretName"))));
        }
        for (Map<String, Object> cluster : cnpgClusters(m)) {
            Optional.ofNullable(str(at(cluster, "spec", "bootstrap", "initdb", "secret", "name"))).ifPresent(referenced::add);
            maps(at(cluster, "spec", "managed", "roles"))
                    .forEach(r -> Optional.ofNullable(str(at(r, "passwordSecret", "name"))).ifPresent(referenced::add));
        }
        m.ofKind("Secret").forEach(s -> referenced.remove(name(s)));
        return referenced;
    }

    // ---------------------------------------------------------------------------------------- availability

    static List<String> availability(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (App app : Architecture.APPS) {
            Pod pod = m.pod(app.name());
            Map<String, Object> deployment = pod.owner();
            Optional<Map<String, Object>> hpa = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> app.name().equals(str(at(h, "spec", "scaleTargetRef", "name")))
                            && "Deployment".equals(str(at(h, "spec", "scaleTargetRef", "kind"))))
                    .findFirst();
            List<Map<String, Object>> pdbs = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> Yamls.selects(at(p, "spec", "selector"), pod.labels())).toList();
            if ("dev".equals(m.overlay)) {
                if (!"1".equals(str(at(deployment, "spec", "replicas")))) {
                    problems.add("dev " + id(deployment) + " runs " + at(deployment, "spec", "replicas")
                            + " replicas, not 1");
                }
                hpa.ifPresent(h -> problems.add("dev autoscales " + app.name() + " (" + id(h) + ")"));
                pdbs.forEach(p -> problems.add("dev has " + id(p) + ", which would block node drains with 1 replica"));
            } else {
                if (hpa.isEmpty()) {
                    problems.add("prod has no HorizontalPodAutoscaler for " + id(deployment));
                } else {
                    Map<String, Object> h = hpa.get();
                    if (!"autoscaling/v2".equals(str(h.get("apiVersion")))) {
                        problems.add(id(h) + " is " + h.get("apiVersion") + ", not autoscaling/v2");
                    }
                    int min = Integer.parseInt(Optional.ofNullable(str(at(h, "spec", "minReplicas"))).orElse("1"));
                    int max = Integer.parseInt(str(at(h, "spec", "maxReplicas")));
                    if (min < 2 || max < min) {
                        problems.add(id(h) + " scales " + min + ".." + max + "; prod needs at least 2 pods");
                    }
                    if (at(deployment, "spec", "replicas") != null) {
                        problems.add(id(deployment) + " sets replicas although " + id(h)
                                + " owns the count (each apply would reset it)");
                    }
                }
                if (pdbs.size() != 1) {
                    problems.add("prod has " + pdbs.size() + " PodDisruptionBudgets for " + id(deployment) + ", not 1");
                }
                if (at(pod.spec(), "affinity", "podAntiAffinity") == null) {
                    problems.add("prod " + id(deployment) + " has no pod anti-affinity");
                }
            }
            Set<String> spreadKeys = new LinkedHashSet<>();
            for (Map<String, Object> constraint : maps(pod.spec().get("topologySpreadConstraints"))) {
                if (Yamls.selects(constraint.get("labelSelector"), pod.labels())) {
                    spreadKeys.add(str(constraint.get("topologyKey")));
                }
            }
            for (String key : List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname")) {
                if (!spreadKeys.contains(key)) {
                    problems.add(id(deployment) + " does not spread its pods over " + key);
                }
            }
        }
        return problems;
    }

    static List<String> namespace(Manifests m) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> namespaces = m.ofKind("Namespace");
        if (namespaces.size() != 1) {
            problems.add(m.overlay + " renders " + namespaces.size() + " Namespaces, expected 1");
            return problems;
        }
        String namespace = name(namespaces.get(0));
        if (!"restricted".equals(strings(at(namespaces.get(0), "metadata", "labels"))
                .get("pod-security.kubernetes.io/enforce"))) {
            problems.add("Namespace/" + namespace + " does not enforce the restricted Pod Security Standard");
        }
        for (Map<String, Object> object : m.objects) {
            if (!"Namespace".equals(kind(object)) && !namespace.equals(str(at(object, "metadata", "namespace")))) {
                problems.add(id(object) + " is not in namespace " + namespace);
            }
        }
        return problems;
    }

    static List<Map<String, Object>> cnpgClusters(Manifests m) {
        return m.ofKind("Cluster").stream()
                .filter(c -> str(c.get("apiVersion")).startsWith("postgresql.cnpg.io/")).toList();
    }
}
