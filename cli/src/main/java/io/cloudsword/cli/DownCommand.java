package io.cloudsword.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;

@Command(name = "down", description = "Stop a suite started with `cloudsword up` (from another terminal).")
class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path pidFile = UpCommand.pidFile(CloudSword.root());
        if (!Files.exists(pidFile)) {
            System.out.println("The suite is not up.");
            return 0;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> up = ProcessHandle.of(pid);
        if (up.isEmpty() || !up.get().isAlive()) {
            Files.deleteIfExists(pidFile);
            System.out.println("The suite is not up (stale pid " + pid + " removed).");
            return 0;
        }
        up.get().destroy(); // SIGTERM: `up` stops its services and PostgreSQL in its shutdown hook
        try {
            up.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("The suite (pid " + pid + ") did not stop within 60 s.");
            return 1;
        }
        System.out.println("The suite is down.");
        return 0;
    }
}
