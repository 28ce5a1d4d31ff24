package io.cloudsword.cli;

import java.util.concurrent.Callable;

import io.cloudsword.tlog.NoteSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Makes a checkpoint signing key for a deployment's transparency log (Ed25519, C2SP note format). */
@Command(name = "log-key", description = "Print a new checkpoint signing key for a log origin on standard output "
        + "(put it in the Secret cloudsword-verification-keys, key log-signing-key), and its public verifier key "
        + "on standard error (publish it; verify-proof --key takes it).")
class LogKeyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<origin>", description = "the log's origin line, e.g. log.example.com")
    String origin;

    @Override
    public Integer call() {
        NoteSigner signer = NoteSigner.generate(origin);
        System.out.println(signer.keyString());
        System.err.println("verifier key: " + signer.verifier().keyString());
        return 0;
    }
}
