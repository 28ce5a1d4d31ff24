package io.cloudsword.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders k8s/overlays/dev and k8s/overlays/prod with {@code kubectl kustomize} and checks what a
 * Kubernetes operator would check before accepting them. Each test names the invariant; a failure
 * lists every object that breaks it.
 */
class ManifestInvariantsTest {

    private static void holds(String overlay, String invariant, Function<Manifests, List<String>> check) {
        List<String> problems = check.apply(Manifests.of(overlay));
        if (!problems.isEmpty()) {
            fail(overlay + " overlay breaks \"" + invariant + "\":\n  - " + String.join("\n  - ", problems));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersEveryAppWithItsObjects(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (Architecture.App app : Architecture.APPS) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "NetworkPolicy")) {
                assertFalse(m.find(kind, app.name()).isEmpty(), overlay + " renders no " + kind + "/" + app.name());
            }
            assertFalse(m.ofKind("ConfigMap").stream().noneMatch(c -> Yamls.name(c).startsWith(app.name() + "-")),
                    overlay + " renders no ConfigMap for " + app.name());
            if ("prod".equals(overlay)) {
                for (String kind : List.of("HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                    assertFalse(m.find(kind, app.name()).isEmpty(), "prod renders no " + kind + "/" + app.name());
                }
            }
        }
        assertEquals("prod".equals(overlay) ? 1 : 0, m.ofKind("Ingress").size(), overlay + " Ingress count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasStartupLivenessAndReadinessProbes(String overlay) {
        holds(overlay, "every container has startup, liveness and readiness probes", Invariants::probes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        holds(overlay, "every container has cpu and memory requests and limits", Invariants::resources);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerRunsLockedDown(String overlay) {
        holds(overlay, "non-root, read-only root, no privilege escalation, no capabilities, seccomp RuntimeDefault",
                Invariants::securityContexts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageHasAFixedTag(String overlay) {
        holds(overlay, "every image has a fixed tag, never :latest", Invariants::images);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodHasItsOwnServiceAccountWithoutAToken(String overlay) {
        holds(overlay, "every pod has its own ServiceAccount and no API token", Invariants::serviceAccounts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceTargetsAPortItsPodsDeclare(String overlay) {
        holds(overlay, "every Service targets a port its pods declare", Invariants::serviceTargets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyNetworkPolicySelectsExistingPods(String overlay) {
        holds(overlay, "every NetworkPolicy selects existing pods", Invariants::networkPolicySelectors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheArchitectureArrows(String overlay) {
        holds(overlay, "pod-to-pod traffic is exactly the ARCHITECTURE.md arrows plus each service's database",
                Invariants::arrows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayTakesTrafficFromOutsideAndEgressIsDnsAndDatabaseOnly(String overlay) {
        holds(overlay, "only the gateway takes traffic from outside; egress is the database and DNS",
                Invariants::externalTraffic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void containerPortsMatchApplicationProperties(String overlay) {
        holds(overlay, "container ports equal quarkus.http.port", Invariants::portsMatchProperties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableReachesAPropertyTheServiceReads(String overlay) {
        holds(overlay, "every environment variable maps to a property the service reads",
                Invariants::envMatchesProperties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAddressAndRequiredPropertyIsSet(String overlay) {
        holds(overlay, "every address and required property is set, and points where the architecture says",
                Invariants::requiredSettings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingAnAppCannotStartWithoutIsSet(String overlay) {
        holds(overlay, "every setting an app requires at startup in the profile it runs (Invariants.REQUIRED_AT_STARTUP) "
                + "is set, the same for every app that needs it", Invariants::startupSettings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAppCallingOnItsOwnBehalfHasAnIdentity(String overlay) {
        holds(overlay, "every app that calls another on its own behalf gets its token the way its profile does "
                + "(Invariants.OWN_IDENTITY), from a Secret", Invariants::ownIdentities);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsOwnDatabaseAndRole(String overlay) {
        holds(overlay, "one database per service, owned by the role the service logs in as", Invariants::databases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void nothingSecretIsInlined(String overlay) {
        holds(overlay, "nothing secret is inlined", Invariants::noSecretsInlined);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void replicasAutoscalingDisruptionBudgetsAndSpread(String overlay) {
        holds(overlay, "dev: one replica; prod: HPA, PDB, anti-affinity; both: spread over zones and nodes",
                Invariants::availability);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingLivesInOneRestrictedNamespace(String overlay) {
        holds(overlay, "one namespace enforcing the restricted Pod Security Standard", Invariants::namespace);
    }
}
