package io.cloudsword.k8s;

import static io.cloudsword.k8s.Yamls.at;
import static io.cloudsword.k8s.Yamls.list;
import static io.cloudsword.k8s.Yamls.map;
import static io.cloudsword.k8s.Yamls.maps;
import static io.cloudsword.k8s.Yamls.str;
import static io.cloudsword.k8s.Yamls.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.cloudsword.k8s.Manifests.Pod;

/**
 * Works out what the rendered NetworkPolicies allow, the way the API defines it: a pod selected
 * by any policy of a direction is isolated in that direction, and then a connection passes only
 * if some rule of some policy selecting it matches the peer and the port; a connection needs
 * both the source's egress and the destination's ingress.
 */
final class NetworkPolicies {

    private final Manifests manifests;
    private final List<Map<String, Object>> policies;
    private final Map<String, String> namespaceLabels;

    NetworkPolicies(Manifests manifests) {
        this.manifests = manifests;
        this.policies = manifests.ofKind("NetworkPolicy");
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map<String, Object> namespace : manifests.ofKind("Namespace")) {
            labels.putAll(strings(at(namespace, "metadata", "labels")));
            labels.put("kubernetes.io/metadata.name", Yamls.name(namespace));
        }
        this.namespaceLabels = labels;
    }

    List<Map<String, Object>> policies() {
        return policies;
    }

    boolean selects(Map<String, Object> policy, Pod pod) {
        return Yamls.selects(at(policy, "spec", "podSelector"), pod.labels());
    }

    /** The pods a policy applies to. */
    List<Pod> selected(Map<String, Object> policy) {
        return manifests.pods.stream().filter(p -> selects(policy, p)).toList();
    }

    static boolean hasType(Map<String, Object> policy, String type) {
        List<Object> types = list(at(policy, "spec", "policyTypes"));
        if (types.isEmpty()) {
            // API default: Ingress always, Egress when the policy has egress rules.
            return "Ingress".equals(type) || at(policy, "spec", "egress") != null;
        }
        return types.stream().map(Yamls::str).anyMatch(type::equals);
    }

    /** Every pod-to-pod connection allowed in the namespace, as "from -> to:port/protocol" over components. */
    Set<String> internalEdges() {
        Set<String> edges = new TreeSet<>();
        for (Pod from : manifests.pods) {
            for (Pod to : manifests.pods) {
                for (Pod.Port port : to.ports()) {
                    if (allowed(from, to, port)) {
                        edges.add(Architecture.edge(from.component(), to.component(), port.number(), port.protocol()));
                    }
                }
            }
        }
        return edges;
    }

    boolean allowed(Pod from, Pod to, Pod.Port port) {
        return passes(from, "Egress", "egress", "to", to, port) && passes(to, "Ingress", "ingress", "from", from, port);
    }

    private boolean passes(Pod subject, String type, String rulesKey, String peersKey, Pod peer, Pod.Port port) {
        List<Map<String, Object>> applying = policies.stream()
                .filter(p -> hasType(p, type) && selects(p, subject)).toList();
        if (applying.isEmpty()) {
            return true; // not isolated in this direction
        }
        // The port is always the destination's: for egress the peer is the destination.
        Pod destination = "Egress".equals(type) ? peer : subject;
        for (Map<String, Object> policy : applying) {
            for (Map<String, Object> rule : maps(at(policy, "spec", rulesKey))) {
                if (peerMatches(rule.get(peersKey), peer) && portMatches(rule.get("ports"), port, destination)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a rule's peers include a pod of this namespace. */
    private boolean peerMatches(Object peers, Pod pod) {
        List<Map<String, Object>> list = maps(peers);
        if (list.isEmpty()) {
            return true; // no peers listed: everyone
        }
        for (Map<String, Object> peer : list) {
            if (peer.containsKey("ipBlock")) {
                // Whether ipBlocks match pod IPs is up to the network plugin: count them as matching.
                return true;
            }
            boolean namespaceOk = !peer.containsKey("namespaceSelector")
                    || Yamls.selects(peer.get("namespaceSelector"), namespaceLabels);
            boolean podOk = Yamls.selects(peer.get("podSelector"), pod.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(Object ports, Pod.Port port, Pod destination) {
        List<Map<String, Object>> list = maps(ports);
        if (list.isEmpty()) {
            return true; // no ports listed: all ports
        }
        for (Map<String, Object> p : list) {
            String protocol = str(p.getOrDefault("protocol", "TCP"));
            if (!protocol.equals(port.protocol())) {
                continue;
            }
            Object wanted = p.get("port");
            if (wanted == null) {
                return true;
            }
            if (wanted instanceof Integer number) {
                int end = p.get("endPort") instanceof Integer e ? e : number;
                if (port.number() >= number && port.number() <= end) {
                    return true;
                }
            } else if (str(wanted).equals(port.name()) && destination.ports().contains(port)) {
                return true;
            }
        }
        return false;
    }

    /** Per component, the peers outside the namespace it accepts connections from ("peer :port/protocol"). */
    Map<String, Set<String>> externalIngress() {
        return external("Ingress", "ingress", "from");
    }

    /** Per component, the peers outside the namespace it may connect to ("peer :port/protocol"). */
    Map<String, Set<String>> externalEgress() {
        return external("Egress", "egress", "to");
    }

    private Map<String, Set<String>> external(String type, String rulesKey, String peersKey) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (Pod pod : manifests.pods) {
            Set<String> allowed = result.computeIfAbsent(pod.component(), c -> new TreeSet<>());
            List<Map<String, Object>> applying = policies.stream()
                    .filter(p -> hasType(p, type) && selects(p, pod)).toList();
            if (applying.isEmpty()) {
                allowed.add("anywhere :any (no policy isolates it)");
                continue;
            }
            for (Map<String, Object> policy : applying) {
                for (Map<String, Object> rule : maps(at(policy, "spec", rulesKey))) {
                    for (String peer : externalPeers(rule.get(peersKey))) {
                        for (String port : ports(rule.get("ports"), "Ingress".equals(type) ? pod : null)) {
                            allowed.add(peer + " :" + port);
                        }
                    }
                }
            }
        }
        return result;
    }

    private List<String> externalPeers(Object peers) {
        List<Map<String, Object>> list = maps(peers);
        List<String> result = new ArrayList<>();
        if (list.isEmpty()) {
            result.add("anywhere");
        }
        for (Map<String, Object> peer : list) {
            if (peer.containsKey("ipBlock")) {
                Map<String, Object> block = map(peer.get("ipBlock"));
                List<Object> except = list(block.get("except"));
                result.add("ipBlock{" + str(block.get("cidr")) + (except.isEmpty() ? "" : " except " + except) + "}");
            } else if (peer.containsKey("namespaceSelector")) {
                result.add("namespace" + describe(peer.get("namespaceSelector")) + " pod"
                        + describe(peer.get("podSelector")));
            }
        }
        return result;
    }

    private static String describe(Object selector) {
        Map<String, Object> sel = map(selector);
        List<String> parts = new ArrayList<>();
        new TreeMap<>(strings(sel.get("matchLabels"))).forEach((k, v) -> parts.add(k + "=" + v));
        for (Map<String, Object> e : maps(sel.get("matchExpressions"))) {
            parts.add(str(e.get("key")) + " " + str(e.get("operator")) + " " + list(e.get("values")));
        }
        return "{" + String.join(",", parts) + "}";
    }

    /** A rule's ports as "number/protocol"; named ports resolve on the pod itself for ingress. */
    private static List<String> ports(Object ports, Pod resolveOn) {
        List<Map<String, Object>> list = maps(ports);
        if (list.isEmpty()) {
            return List.of("any");
        }
        List<String> result = new ArrayList<>();
        for (Map<String, Object> p : list) {
            String protocol = str(p.getOrDefault("protocol", "TCP"));
            Object port = p.get("port");
            String number = port == null ? "any" : str(port);
            if (port != null && !(port instanceof Integer) && resolveOn != null) {
                number = resolveOn.port(port).map(x -> Integer.toString(x.number())).orElse(number + "(undeclared)");
            }
            if (p.get("endPort") != null) {
                number = number + "-" + p.get("endPort");
            }
            result.add(number + "/" + protocol);
        }
        return result;
    }

    /** Rules whose in-namespace peer selectors match no pod: a typo that silently allows nothing. */
    List<String> deadPeerSelectors() {
        List<String> dead = new ArrayList<>();
        for (Map<String, Object> policy : policies) {
            for (String[] direction : new String[][] {{"ingress", "from"}, {"egress", "to"}}) {
                for (Map<String, Object> rule : maps(at(policy, "spec", direction[0]))) {
                    for (Map<String, Object> peer : maps(rule.get(direction[1]))) {
                        if (peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector")
                                && manifests.pods.stream().noneMatch(p -> Yamls.selects(peer.get("podSelector"),
                                        p.labels()))) {
                            dead.add(Yamls.id(policy) + " " + direction[0] + " peer podSelector "
                                    + describe(peer.get("podSelector")) + " selects no pod");
                        }
                    }
                }
            }
        }
        return dead;
    }
}
