package io.cloudsword.complaint.effects;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.cloudsword.kit.error.DomainException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** How a call to another service fails for a caller of this one: UNAVAILABLE, with the cause in the log. */
final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class);

    private Calls() {
    }

    static <T> T forCaller(String service, String method, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
                LOG.errorf("%s refused complaint-service's identity on %s (%s): configure cloudsword.service-auth.* "
                        + "with a token that has the system role", service, method, code);
            } else {
                LOG.warnf("%s %s failed: %s", service, method, code);
            }
            throw DomainException.unavailable("DEPENDENCY_UNAVAILABLE", service + " did not answer " + method
                    + "; retry later");
        }
    }
}
