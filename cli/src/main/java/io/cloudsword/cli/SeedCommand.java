package io.cloudsword.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Loads the deterministic demo catalogue (bench/.../seed/DemoCatalog: 400 brands, 12,000
 * products, their trademarks, prefixes, authorized sellers and recordations) into the running
 * suite. Every write is idempotent on its natural key, so seeding twice changes nothing.
 */
@Command(name = "seed", description = "Load deterministic demo data into the running suite (idempotent). "
        + "Options: --brands N, --products-per-brand N, --concurrency N.")
class SeedCommand implements Callable<Integer> {

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of("seed"));
        args.addAll(options);
        return BenchProgram.run(args);
    }
}
