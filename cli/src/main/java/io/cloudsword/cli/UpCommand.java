package io.cloudsword.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.cloudsword.cli.suite.Suite;
import io.cloudsword.cli.suite.SuiteOptions;
import io.cloudsword.support.tokens.DevTokens;
import picocli.CommandLine.Command;

@Command(name = "up", description = "Start PostgreSQL (if none answers), the four services and the gateway; "
        + "wait until all are ready; stop everything on Ctrl-C or `cloudsword down`.")
class UpCommand implements Callable<Integer> {

    static Path pidFile(Path root) {
        return root.resolve("target").resolve("cloudsword").resolve("up.pid");
    }

    @Override
    public Integer call() throws Exception {
        Path root = CloudSword.root();
        Path pidFile = pidFile(root);
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                System.err.println("The suite is already up (pid " + pid + "); `./cloudsword down` stops it.");
                return 1;
            }
        }
        SuiteOptions options = new SuiteOptions(root, Map.of(), "", System.getenv());
        Suite suite = Suite.start(options, line -> System.out.println("[up] " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[up] stopping the suite ...");
            suite.close();
            deleteQuietly(pidFile);
            stopped.countDown();
        }, "cloudsword-down"));
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        String token = new DevTokens(suite.devKeys()).token("dev-admin").role("admin").sign();
        System.out.println();
        System.out.println("Cloud Sword is up.");
        System.out.println("  GraphQL:   " + suite.graphqlUrl() + "   (GraphiQL: http://localhost:"
                + suite.portOf("gateway") + "/q/graphql-ui)");
        System.out.println("  Logs:      " + options.logDir());
        System.out.println("  Dev token (admin, 12 h; `./cloudsword token --role <role>` mints others):");
        System.out.println();
        System.out.println(token);
        System.out.println();
        System.out.println("  Try:  TOKEN=$(./cloudsword token --role admin)");
        System.out.println("        curl -s " + suite.graphqlUrl() + " -H 'Content-Type: application/json' \\");
        System.out.println("          -H \"Authorization: Bearer $TOKEN\" -d '{\"query\":\"{ brands(first: 5) { edges { node { id name } } } }\"}'");
        System.out.println("Press Ctrl-C (or run `./cloudsword down`) to stop.");
        stopped.await();
        return 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is detected as stale next time
        }
    }
}
