package io.cloudsword.cli;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./cloudsword}: run, try and measure the whole suite on one machine. */
@Command(name = "cloudsword", mixinStandardHelpOptions = true, version = "cloudsword 0.1.0",
        description = "Cloud Sword on this machine: start the suite, mint dev tokens, seed demo data, run benchmarks, check proof bundles offline.",
        subcommands = { UpCommand.class, DownCommand.class, TokenCommand.class, SeedCommand.class,
                BenchCommand.class, VerifyProofCommand.class, LogKeyCommand.class })
public class CloudSword {

    /** The checkout: set by the ./cloudsword wrapper, else the working directory. */
    static Path root() {
        return Path.of(System.getProperty("cloudsword.root", ".")).toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CloudSword()).execute(args));
    }
}
