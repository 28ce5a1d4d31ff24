package io.cloudsword.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "token", description = "Mint a dev token. Only the dev profile (./cloudsword up) trusts its key, "
        + "which was generated on this machine under target/cloudsword/dev-keys.")
class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, description = "consumer, rights_owner, platform_partner, customs, "
            + "reviewer or admin; repeat for several")
    String[] roles;

    @Option(names = "--owner", description = "owner_id claim: the rights owner this token acts for")
    String owner;

    @Option(names = "--platform", description = "platform_id claim: the marketplace this token acts for")
    String platform;

    @Option(names = "--customs", description = "customs_authority claim (EU_AFA, US_CBP, CN_GACC, ...)")
    String customs;

    @Option(names = "--subject", description = "sub claim (default: dev-<first role>)")
    String subject;

    @Option(names = "--hours", defaultValue = "12", description = "lifetime in hours (default ${DEFAULT-VALUE})")
    int hours;

    @Override
    public Integer call() {
        DevKeys keys = DevKeys.loadOrCreate(CloudSword.root().resolve("target/cloudsword/dev-keys"));
        DevTokens.Builder token = new DevTokens(keys).token(subject != null ? subject : "dev-" + roles[0])
                .claim("owner_id", owner).claim("platform_id", platform).claim("customs_authority", customs)
                .lifetime(Duration.ofHours(hours));
        for (String role : roles) {
            token.role(role);
        }
        System.out.println(token.sign());
        return 0;
    }
}
