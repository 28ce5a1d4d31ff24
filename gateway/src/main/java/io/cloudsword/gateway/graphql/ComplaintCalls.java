package io.cloudsword.gateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.complaint.v1.BatchGetNoticesRequest;
import io.cloudsword.api.complaint.v1.ComplaintServiceGrpc;
import io.cloudsword.api.complaint.v1.MutinyComplaintServiceGrpc.MutinyComplaintServiceStub;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.WatchDecisionsRequest;
import io.cloudsword.api.complaint.v1.WatchDecisionsResponse;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.grpc.RequestHeaders;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.CallerIdentity;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One call to complaint-service as every resolver makes it: check the caller, call with a fresh
 * deadline (ForwardAuthorization passes the caller's token on; complaint-service decides who may
 * see and do what), and turn a failure into an ApiError with code, field and reason.
 */
@ApplicationScoped
public class ComplaintCalls {

    /** Largest id list BatchGetNotices accepts. */
    static final int BATCH_CAP = 500;

    private final MutinyComplaintServiceStub complaint;
    private final CallerIdentity identity;
    private final RequestHeaders headers;
    private final Duration deadline;

    public ComplaintCalls(@GrpcClient("complaint") MutinyComplaintServiceStub complaint, CallerIdentity identity,
            RequestHeaders headers, @ConfigProperty(name = "cloudsword.grpc.deadline") Duration deadline) {
        this.complaint = complaint;
        this.identity = identity;
        this.headers = headers;
        this.deadline = deadline;
    }

    /** A stub whose deadline starts now: a deadline is a point in time, so it is set per call. */
    MutinyComplaintServiceStub stub() {
        return complaint.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code check} runs before any service call and refuses by throwing an ApiError. */
    <T> Uni<T> call(Consumer<Caller> check, Function<MutinyComplaintServiceStub, Uni<T>> rpc) {
        return identity.current()
                .invoke(check)
                .flatMap(caller -> rpc.apply(stub()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * Like {@link #call} where the caller also shapes the request (a rights owner's own id as the
     * default); {@code rpc} checks the caller first and refuses by throwing an ApiError.
     */
    <T> Uni<T> callAs(BiFunction<Caller, MutinyComplaintServiceStub, Uni<T>> rpc) {
        return identity.current()
                .flatMap(caller -> rpc.apply(caller, stub()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /** For nested fields whose parent already checked the caller. */
    <T> Uni<T> nested(Function<MutinyComplaintServiceStub, Uni<T>> rpc) {
        return Uni.createFrom().deferred(() -> rpc.apply(stub())).onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * Notices by id for federation and batch resolvers: one BatchGetNotices per 500 distinct ids,
     * however many representations. The answer is aligned with {@code ids}: null where a notice is
     * unknown or one the caller may not see (the service lists those in missing_ids).
     */
    Uni<List<Notice>> noticesById(List<String> ids) {
        List<String> distinct = ids.stream().filter(id -> id != null && !id.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (Notice) null).toList());
        }
        List<Uni<Map<String, Notice>>> calls = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH_CAP) {
            List<String> chunk = distinct.subList(i, Math.min(i + BATCH_CAP, distinct.size()));
            calls.add(stub().batchGetNotices(BatchGetNoticesRequest.newBuilder().addAllIds(chunk).build()).map(r -> {
                // found notices come in first-occurrence order without the missing ones: match by id
                Map<String, Notice> found = new HashMap<>();
                r.getNoticesList().forEach(n -> found.put(n.getId(), n));
                return found;
            }));
        }
        return Uni.join().all(calls).andFailFast().map(maps -> {
            Map<String, Notice> all = new HashMap<>();
            maps.forEach(all::putAll);
            List<Notice> aligned = new ArrayList<>(ids.size());
            ids.forEach(id -> aligned.add(id == null ? null : all.get(id)));
            return aligned;
        }).onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * The WatchDecisions server stream for a subscription, after {@code check} let the caller
     * through. The stream never ends on its own, so it carries no deadline. The caller's token and
     * client key are captured now, on the request's thread, and sent with the stream: the
     * subscription outlives the request context that opened it.
     */
    Multi<WatchDecisionsResponse> watchDecisions(Consumer<Caller> check, WatchDecisionsRequest request) {
        Metadata forwarded = headers.capture();
        return identity.current().invoke(check).onItem()
                .transformToMulti(caller -> serverStream(request, forwarded))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * Quarkus's Mutiny stub does not cancel a server stream when its Multi is cancelled, so an
     * ended subscription would leave WatchDecisions open on complaint-service until the channel
     * closed. This one cancels the gRPC call when the subscriber goes (the client sends
     * "complete" or closes the websocket).
     */
    private Multi<WatchDecisionsResponse> serverStream(WatchDecisionsRequest request, Metadata forwarded) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicReference<ClientCallStreamObserver<WatchDecisionsRequest>> call = new AtomicReference<>();
            emitter.onTermination(() -> {
                ClientCallStreamObserver<WatchDecisionsRequest> started = call.get();
                if (started != null) {
                    started.cancel("subscription ended", null);
                }
            });
            ComplaintServiceGrpc.newStub(complaint.getChannel())
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(forwarded))
                    .watchDecisions(request, new ClientResponseObserver<WatchDecisionsRequest, WatchDecisionsResponse>() {
                        @Override
                        public void beforeStart(ClientCallStreamObserver<WatchDecisionsRequest> stream) {
                            call.set(stream);
                            if (emitter.isCancelled()) {
                                stream.cancel("subscription ended", null);
                            }
                        }

                        @Override
                        public void onNext(WatchDecisionsResponse value) {
                            emitter.emit(value);
                        }

                        @Override
                        public void onError(Throwable failure) {
                            emitter.fail(failure);
                        }

                        @Override
                        public void onCompleted() {
                            emitter.complete();
                        }
                    });
        });
    }
}
