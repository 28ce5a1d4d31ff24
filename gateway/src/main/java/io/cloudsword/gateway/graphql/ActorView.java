package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

import io.cloudsword.api.common.v1.Actor;

@Name("Actor")
@Description("Who did something, as recorded in a history: a person's token subject, or a service acting on its own.")
public class ActorView {
    @Description("The token subject, or \"system:<service>/<component>\" for automatic actions (timers, outbox "
            + "deliveries, rescoring); null for anonymous actors.")
    public String subject;
    @Description("The actor's role: CONSUMER, RIGHTS_OWNER, PLATFORM_PARTNER, CUSTOMS, REVIEWER, ADMIN, SYSTEM or "
            + "ANONYMOUS; null when not recorded.")
    public String role;
    @Id
    @Description("The rights owner the actor acted for; null if none.")
    public String ownerId;
    @Description("The platform the actor belongs to; null if none.")
    public String platform;

    /** Null when the record carries no actor. */
    static ActorView of(boolean present, Actor a) {
        if (!present) {
            return null;
        }
        ActorView v = new ActorView();
        v.subject = CodeVerificationView.blankToNull(a.getSubject());
        v.role = Enums.name(a.getRole(), "ROLE_");
        v.ownerId = CodeVerificationView.blankToNull(a.getOwnerId());
        v.platform = CodeVerificationView.blankToNull(a.getPlatform());
        return v;
    }
}
