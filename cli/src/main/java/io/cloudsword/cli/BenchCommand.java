package io.cloudsword.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "bench", description = "Run one benchmark against the running suite (see bench/README.md). "
        + "Its last line is one JSON object with the median, p50/p99 and the baseline of the same run.")
class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the benchmark, e.g. grpc-get-brand")
    String name;

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = CloudSword.root().resolve("bench/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " is missing: build first (./cloudsword builds it for you)");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), name));
        command.addAll(options);
        ProcessBuilder bench = new ProcessBuilder(command).inheritIO();
        // the services verify tokens: the benchmark acts as a dev admin, like a caller through the gateway
        bench.environment().put("CLOUDSWORD_TOKEN", new DevTokens(DevKeys.loadOrCreate(
                CloudSword.root().resolve("target/cloudsword/dev-keys"))).token("bench").role("admin").sign());
        return bench.start().waitFor();
    }
}
