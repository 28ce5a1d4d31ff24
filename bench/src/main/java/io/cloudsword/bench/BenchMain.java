package io.cloudsword.bench;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code ./cloudsword bench <name>}: one benchmark per subcommand. */
@TopCommand
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = { GetBrandBench.class, BrandLookupBench.class,
        CodesIssueBench.class, CodesVerifyBench.class, ListingsIngestBench.class, NoticesBench.class, GraphqlBench.class,
        io.cloudsword.bench.seed.SeedCommand.class },
        description = "Benchmarks against a running suite (./cloudsword up). Each prints one JSON line last.")
public class BenchMain {
}
