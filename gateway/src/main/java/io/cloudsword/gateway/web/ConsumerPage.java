package io.cloudsword.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.complaint.v1.MutinyComplaintServiceGrpc.MutinyComplaintServiceStub;
import io.cloudsword.api.complaint.v1.SubmitConsumerReportRequest;
import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.cloudsword.api.verification.v1.ScanContext;
import io.cloudsword.api.verification.v1.Verdict;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.graphql.BrandRegistryCalls;
import io.cloudsword.gateway.graphql.VerificationCalls;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The GS1 Digital Link resolver path {@code /01/{gtin}/21/{serial}}: what a consumer sees after
 * scanning the QR code on a product. It verifies the code anonymously (channel CONSUMER_WEB; the
 * services rate-limit per hashed client address, see ForwardClientKey), names the product and
 * brand, and offers a form to report a suspected fake to complaint-service. Server-rendered HTML,
 * no script and no external assets, so it is fast on any phone.
 */
@Path("/01/{gtin}/21/{serial}")
public class ConsumerPage {

    private static final Logger LOG = Logger.getLogger(ConsumerPage.class);
    /** A host the Digital Link can carry: a DNS name or IPv4 address with an optional port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** The longest code verification-service reads; longer paths are refused without a call. */
    private static final int MAX_CODE = 2048;

    private final VerificationCalls verification;
    private final BrandRegistryCalls registry;
    private final MutinyComplaintServiceStub complaints;
    private final Duration deadline;
    private final String countryHeader;
    private final String defaultHost;

    public ConsumerPage(VerificationCalls verification, BrandRegistryCalls registry,
            @GrpcClient("complaint") MutinyComplaintServiceStub complaints,
            @ConfigProperty(name = "cloudsword.grpc.deadline") Duration deadline,
            @ConfigProperty(name = "cloudsword.consumer-page.country-header", defaultValue = "X-Client-Country")
            String countryHeader,
            @ConfigProperty(name = "cloudsword.consumer-page.default-host", defaultValue = "localhost")
            String defaultHost) {
        this.verification = verification;
        this.registry = registry;
        this.complaints = complaints;
        this.deadline = deadline;
        this.countryHeader = countryHeader;
        this.defaultHost = defaultHost;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> check(@Encoded @RestPath String gtin, @Encoded @RestPath String serial,
            HttpServerRequest request) {
        String path = "/01/" + gtin + "/21/" + serial;
        String code = "https://" + host(request) + path;
        if (code.length() > MAX_CODE) {
            return Uni.createFrom().item(html(400, ConsumerPageView.malformed("the code is longer than " + MAX_CODE
                    + " characters")));
        }
        ScanContext.Builder context = ScanContext.newBuilder().setChannel(ScanChannel.SCAN_CHANNEL_CONSUMER_WEB);
        String country = request.getHeader(countryHeader);
        if (country != null && COUNTRIES.contains(country.strip().toUpperCase(Locale.ROOT))) {
            context.setCountry(country.strip().toUpperCase(Locale.ROOT));
        }
        return verification.call(anyone -> {
        }, s -> s.verify(VerifyRequest.newBuilder().setCode(code).setContext(context).build()))
                .flatMap(r -> named(r.getVerification())
                        .map(names -> html(200, ConsumerPageView.verdict(r.getVerification(), names.product(),
                                names.brand(), path))))
                .onFailure().recoverWithItem(failure -> failurePage(GrpcFailures.toApiError(failure)));
    }

    @POST
    @Path("report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> report(@Encoded @RestPath String gtin, @Encoded @RestPath String serial,
            @RestForm String reason, @RestForm String email, @RestForm String country, @RestForm String token,
            HttpServerRequest request) {
        String path = "/01/" + gtin + "/21/" + serial;
        ConsumerPageView.ReportInput input = new ConsumerPageView.ReportInput(orEmpty(reason), orEmpty(email),
                orEmpty(country), token == null || token.isBlank() ? UUID.randomUUID().toString() : token);
        if (input.reason().isBlank()) {
            // the browser enforces `required` too; this answers clients that skip it, without a call
            return Uni.createFrom().item(html(400, ConsumerPageView.reportRefused(path, input,
                    List.of(new ConsumerPageView.FormError("reason", "Please tell us what made you suspicious.")))));
        }
        SubmitConsumerReportRequest submit = SubmitConsumerReportRequest.newBuilder()
                .setDigitalLink("https://" + host(request) + path).setReason(input.reason())
                .setContactEmail(input.email()).setPurchaseCountry(input.country())
                // the form's token makes a double click (or a resent form) one report, not two
                .setIdempotencyKey(input.token().length() <= 128 ? input.token() : "").build();
        return Uni.createFrom().deferred(() -> complaints.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .submitConsumerReport(submit))
                .map(r -> html(200, ConsumerPageView.reportReceived(r.getReport().getId())))
                .onFailure().recoverWithItem(failure -> {
                    ApiError error = (ApiError) GrpcFailures.toApiError(failure);
                    ConsumerPageView.FormError shown = formError(error);
                    int status = switch (error.code()) {
                        case INVALID_ARGUMENT -> 400;
                        case UNAVAILABLE -> "RATE_LIMITED".equals(reasonOf(error)) ? 429 : 503;
                        default -> 500;
                    };
                    return html(status, ConsumerPageView.reportRefused(path, input, List.of(shown)));
                });
    }

    private record Names(Product product, Brand brand) {
    }

    /**
     * Product and brand for an issued code. The verdict matters more than the names: if the
     * registry does not answer, the page still shows the verdict, without them.
     */
    private Uni<Names> named(CodeVerification v) {
        if (v.getVerdict() == Verdict.VERDICT_INVALID || v.getVerdict() == Verdict.VERDICT_UNSPECIFIED) {
            return Uni.createFrom().item(new Names(null, null));
        }
        Uni<Map<String, Product>> products = registry.productsByGtin(List.of(v.getGtin()));
        Uni<Map<String, Brand>> brands = registry.brandsById(List.of(v.getBrandId()));
        return Uni.combine().all().unis(products, brands).asTuple()
                .map(t -> new Names(t.getItem1().get(v.getGtin()), t.getItem2().get(v.getBrandId())))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Consumer page without product and brand names: %s", e.getMessage());
                    return new Names(null, null);
                });
    }

    private static Response failurePage(Throwable failure) {
        ApiError error = (ApiError) failure;
        return switch (error.code()) {
            case INVALID_ARGUMENT, NOT_FOUND -> html(400, ConsumerPageView.malformed(error.getMessage()));
            case UNAVAILABLE -> "RATE_LIMITED".equals(reasonOf(error)) ? html(429, ConsumerPageView.rateLimited())
                    : html(503, ConsumerPageView.unavailable());
            default -> html(503, ConsumerPageView.unavailable());
        };
    }

    /** The form field a service refusal is about, and a sentence for a person rather than a developer. */
    private static ConsumerPageView.FormError formError(ApiError error) {
        String reason = reasonOf(error);
        String field = switch (error.field()) {
            case "reason" -> "reason";
            case "contact_email" -> "email";
            case "purchase_country" -> "country";
            case "digital_link" -> "code";
            default -> null;
        };
        String message = switch (reason) {
            case "FIELD_REQUIRED" -> "This is required.";
            case "FIELD_TOO_LONG" -> "This is too long.";
            case "INVALID_EMAIL" -> "This is not an email address we can write to.";
            case "INVALID_COUNTRY" -> "Please choose a country from the list.";
            case "INVALID_DIGITAL_LINK" -> "This code cannot be reported: " + error.getMessage();
            case "RATE_LIMITED" -> "Too many reports from your network. Please try again in a few minutes.";
            default -> error.code() == ErrorCode.UNAVAILABLE
                    ? "Reports cannot be received right now. Please try again in a few minutes."
                    : error.getMessage();
        };
        return new ConsumerPageView.FormError(field, message + " (" + reason + ")");
    }

    private static String reasonOf(ApiError error) {
        return String.valueOf(error.getExtensions().get("code"));
    }

    /** The host the person reached (the resolver host printed in the code); a configured one if it is not a plain host. */
    private String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        return host != null && HOST.matcher(host).matches() ? host.toLowerCase(Locale.ROOT) : defaultHost;
    }

    private static Response html(int status, String page) {
        return Response.status(status).type("text/html; charset=utf-8").entity(page)
                .header("Content-Security-Policy", ConsumerPageView.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                // every visit is a scan with its own answer: never from a cache
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
