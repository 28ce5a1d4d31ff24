package io.cloudsword.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
        List<String> args = new ArrayList<>(List.of(name));
        args.addAll(options);
        return BenchProgram.run(args);
    }
}
