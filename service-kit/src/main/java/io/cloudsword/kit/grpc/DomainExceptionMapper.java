package io.cloudsword.kit.grpc;

import java.net.ConnectException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cloudsword.kit.error.DomainException;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Turns whatever a gRPC method failed with into a status a client can act on: a refusal of the
 * domain keeps its code, reason and field; a database that cannot be reached is UNAVAILABLE
 * (retry later); a unique-key race is ALREADY_EXISTS; anything else is INTERNAL with an
 * incident id, logged here and never sent to the caller with its stack trace.
 */
@ApplicationScoped
public class DomainExceptionMapper implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class);

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new ExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> call, Metadata metadata) {
                StatusRuntimeException e = toStatus(failure);
                call.close(e.getStatus(), e.getTrailers() != null ? e.getTrailers() : metadata);
            }
        };
    }

    @Override
    public Throwable transform(Throwable failure) {
        return toStatus(failure);
    }

    public static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (failure instanceof StatusException se) {
            return new StatusRuntimeException(se.getStatus(), se.getTrailers());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return ErrorDetails.toException(code(d.kind()), d.reason(), d.field(), d.getMessage());
            }
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return ErrorDetails.toException(Status.Code.ALREADY_EXISTS, "ALREADY_EXISTS", "",
                        "A record with the same key was written concurrently; retry to read it");
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (t instanceof java.sql.SQLException acquisition && String.valueOf(acquisition.getMessage()).contains("Acquisition timeout"))) {
                return ErrorDetails.toException(Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", "",
                        "The service's database is unreachable; retry later");
            }
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("08"))) {
                return ErrorDetails.toException(Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", "",
                        "The service's database is unreachable; retry later");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure, incident %s", incident);
        return ErrorDetails.toException(Status.Code.INTERNAL, "INTERNAL", "",
                "Internal error (incident " + incident + ")");
    }

    public static Status.Code code(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.Code.NOT_FOUND;
            case ABORTED -> Status.Code.ABORTED;
            case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
            case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
            case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
            case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
            case OUT_OF_RANGE -> Status.Code.OUT_OF_RANGE;
            case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
            case DATA_LOSS -> Status.Code.DATA_LOSS;
            case UNAVAILABLE -> Status.Code.UNAVAILABLE;
        };
    }
}
