package io.cloudsword.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;

/** Runs the bench module's program (benchmarks and the demo-data loader) against the running suite. */
final class BenchProgram {

    private BenchProgram() {
    }

    static int run(List<String> args) throws Exception {
        Path jar = CloudSword.root().resolve("bench/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " is missing: build first (./cloudsword builds it for you)");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder program = new ProcessBuilder(command).inheritIO();
        // the services verify tokens: the program acts as a dev admin, like a caller through the gateway
        Path devKeys = CloudSword.root().resolve("target/cloudsword/dev-keys");
        program.environment().put("CLOUDSWORD_TOKEN", new DevTokens(DevKeys.loadOrCreate(devKeys)).token("bench")
                .role("admin").sign());
        // the codes benchmarks act as the callers they measure (a rights owner, a platform partner),
        // whose ids they learn only at run time, so they sign their own tokens with the same dev key
        program.environment().put("CLOUDSWORD_DEV_KEYS", devKeys.toString());
        return program.start().waitFor();
    }
}
