package io.cloudsword.cli.suite;

import java.util.List;

/** One process of the suite: its module, its port on one machine, and its database. */
public record ServiceSpec(String name, String module, int defaultPort, String database) {

    /** In start order: the services first, the gateway (which calls them) last. Ports per ARCHITECTURE.md. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("brand-registry-service", "brand-registry-service", 8101, "brand_registry"),
            new ServiceSpec("listing-service", "listing-service", 8102, "listings"),
            new ServiceSpec("complaint-service", "complaint-service", 8103, "complaints"),
            new ServiceSpec("verification-service", "verification-service", 8104, "verification"),
            new ServiceSpec("gateway", "gateway", 8080, null));

    public boolean hasDatabase() {
        return database != null;
    }
}
