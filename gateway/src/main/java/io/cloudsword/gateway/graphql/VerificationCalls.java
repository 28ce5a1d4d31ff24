package io.cloudsword.gateway.graphql;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.verification.v1.MutinyVerificationServiceGrpc.MutinyVerificationServiceStub;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.CallerIdentity;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * One call to verification-service as every resolver (and the HTTP downloads and the consumer
 * page) makes it: check the caller, call with a fresh deadline (ForwardAuthorization passes the
 * token on, ForwardClientKey the hashed client key), and turn a failure into an ApiError.
 */
@ApplicationScoped
public class VerificationCalls {

    private final MutinyVerificationServiceStub verification;
    private final CallerIdentity identity;
    private final Duration deadline;

    public VerificationCalls(@GrpcClient("verification") MutinyVerificationServiceStub verification,
            CallerIdentity identity, @ConfigProperty(name = "cloudsword.grpc.deadline") Duration deadline) {
        this.verification = verification;
        this.identity = identity;
        this.deadline = deadline;
    }

    /** A stub whose deadline starts now: a deadline is a point in time, so it is set per call. */
    public MutinyVerificationServiceStub stub() {
        return verification.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code check} runs before any service call and refuses by throwing an ApiError. */
    public <T> Uni<T> call(Consumer<Caller> check, Function<MutinyVerificationServiceStub, Uni<T>> rpc) {
        return identity.current()
                .invoke(check)
                .flatMap(caller -> rpc.apply(stub()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * Like {@link #call} where the caller also shapes the request (a rights owner's own id as the
     * default owner); {@code rpc} checks the caller first and refuses by throwing an ApiError.
     */
    public <T> Uni<T> callAs(BiFunction<Caller, MutinyVerificationServiceStub, Uni<T>> rpc) {
        return identity.current()
                .flatMap(caller -> rpc.apply(caller, stub()))
                .onFailure().transform(GrpcFailures::toApiError);
    }
}
