package io.cloudsword.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.ExportCodesRequest;
import io.cloudsword.api.verification.v1.GetCodeBatchRequest;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.graphql.VerificationCalls;
import io.cloudsword.gateway.grpc.RequestHeaders;
import io.cloudsword.gateway.security.Role;
import io.grpc.Metadata;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A batch's codes for printing, for the batch's owner (or an admin): the bearer token is checked
 * as for GraphQL. The CSV streams: codes come from ExportCodes a page at a time, each page one
 * call with its own deadline, and the next page is fetched only when the client has taken the
 * previous one, so memory holds one page whatever the batch's size.
 */
@Path("/codes/batches/{id}")
public class CodeDownloads {

    static final String CSV_HEADER = "index,serial,digital_link\r\n";

    private final VerificationCalls calls;
    private final RequestHeaders requestHeaders;
    private final int pageSize;

    public CodeDownloads(VerificationCalls calls, RequestHeaders requestHeaders,
            @ConfigProperty(name = "cloudsword.codes.export-page-size", defaultValue = "10000") int pageSize) {
        this.calls = calls;
        this.requestHeaders = requestHeaders;
        this.pageSize = pageSize;
    }

    @GET
    @Path("codes.csv")
    @Produces("text/csv")
    public RestMulti<byte[]> csv(@RestPath String id, @RestQuery Long start, @RestQuery Long count) {
        Metadata forwarded = requestHeaders.capture();
        Uni<CodeBatch> batch = Uni.createFrom().voidItem()
                .invoke(() -> checkRange(start, count, Long.MAX_VALUE)).flatMap(ignored -> ownBatch(id));
        return RestMulti.fromUniResponse(batch, b -> {
            long from = start == null ? 0 : start;
            long to = count == null ? b.getQuantity() : Math.min(b.getQuantity(), from + count);
            Multi<byte[]> rows = pages(forwarded, b.getId(), from, to).map(CodeDownloads::csvRows);
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(CSV_HEADER.getBytes(StandardCharsets.UTF_8)), rows);
        }, b -> Map.of("Content-Disposition", List.of(attachment(b, start, "csv")),
                "Cache-Control", List.of("no-store")));
    }

    @GET
    @Path("labels.svg")
    @Produces("image/svg+xml")
    public Uni<Response> svg(@RestPath String id, @RestQuery Long start, @RestQuery Long count) {
        return sheet(id, start, count).map(codes -> Response.ok(QrLabels.svg(codes), "image/svg+xml")
                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("labels.png")
    @Produces("image/png")
    public Uni<Response> png(@RestPath String id, @RestQuery Long start, @RestQuery Long count) {
        return sheet(id, start, count).map(codes -> Response.ok(QrLabels.png(codes), "image/png")
                .header("Cache-Control", "no-store").build());
    }

    @ServerExceptionMapper
    public Response refused(ApiError error) {
        return HttpErrors.of(error);
    }

    /** One sheet of up to 100 labels, codes [start, start + count). */
    private Uni<List<IssuedCode>> sheet(String id, Long start, Long count) {
        Metadata forwarded = requestHeaders.capture();
        return Uni.createFrom().voidItem()
                .invoke(() -> checkRange(start, count, QrLabels.MAX_PER_SHEET)).flatMap(ignored -> ownBatch(id))
                .flatMap(b -> {
                    long from = start == null ? 0 : start;
                    long n = count == null ? QrLabels.MAX_PER_SHEET : count;
                    return pages(forwarded, b.getId(), from, Math.min(b.getQuantity(), from + n))
                            .collect().in(ArrayList::new, List::addAll);
                });
    }

    /** The batch, when the caller owns it (admins may read any); the service checks ExportCodes again. */
    private Uni<CodeBatch> ownBatch(String id) {
        return calls.callAs((caller, s) -> {
            caller.require(Role.RIGHTS_OWNER, Role.ADMIN);
            return s.getCodeBatch(GetCodeBatchRequest.newBuilder().setId(id).build()).map(r -> {
                CodeBatch b = r.getBatch();
                if (!caller.is(Role.ADMIN) && !b.getOwnerId().equals(caller.ownerId())) {
                    throw new ApiError(ErrorCode.FORBIDDEN, "id", "NOT_OWNER",
                            "Only the batch's rights owner may download its codes");
                }
                return b;
            });
        });
    }

    /**
     * Codes [from, to) a page at a time, in index order. A page comes back short or empty while
     * the batch still runs (only issued codes export): the stream ends at the first empty page.
     * Every page carries the caller's token and client key, captured while the request was current.
     */
    Multi<List<IssuedCode>> pages(Metadata forwarded, String batchId, long from, long to) {
        AtomicLong next = new AtomicLong(from);
        return Multi.createBy().repeating().uni(() -> next, n -> page(forwarded, batchId, n, to)).until(List::isEmpty);
    }

    private Uni<List<IssuedCode>> page(Metadata forwarded, String batchId, AtomicLong next, long to) {
        long from = next.get();
        long max = Math.min(pageSize, to - from);
        if (max <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return GrpcClientUtils.attachHeaders(calls.stub(), forwarded).exportCodes(ExportCodesRequest.newBuilder().setBatchId(batchId).setStartIndex(from)
                .setMaxCodes(max).build())
                .collect().in(ArrayList<IssuedCode>::new, (list, r) -> list.addAll(r.getCodesList()))
                .map(codes -> {
                    // a page that does not move forward would repeat for ever: end there instead
                    if (codes.isEmpty() || codes.get(codes.size() - 1).getIndex() < from) {
                        return List.<IssuedCode>of();
                    }
                    next.set(codes.get(codes.size() - 1).getIndex() + 1);
                    return (List<IssuedCode>) codes;
                })
                .onFailure().transform(GrpcFailures::toApiError);
    }

    static byte[] csvRows(List<IssuedCode> codes) {
        StringBuilder csv = new StringBuilder(codes.size() * 80);
        for (IssuedCode code : codes) {
            csv.append(code.getIndex()).append(',').append(csvField(code.getSerial())).append(',')
                    .append(csvField(code.getDigitalLink())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** start >= 0 and 1 <= count <= max, refused before any call. */
    private static void checkRange(Long start, Long count, long max) {
        if (start != null && start < 0) {
            throw new ApiError(ErrorCode.INVALID_ARGUMENT, "start", "VALUE_OUT_OF_RANGE", "start must be 0 or more");
        }
        if (count != null && (count < 1 || count > max)) {
            throw new ApiError(ErrorCode.INVALID_ARGUMENT, "count", "VALUE_OUT_OF_RANGE", max == Long.MAX_VALUE
                    ? "count must be 1 or more"
                    : "count must be 1.." + max + " labels per sheet; ask for the next sheet with start");
        }
    }

    private static String attachment(CodeBatch batch, Long start, String extension) {
        String name = "codes-" + batch.getId().replaceAll("[^A-Za-z0-9-]", "")
                + (start == null || start == 0 ? "" : "-from-" + start) + "." + extension;
        return "attachment; filename=\"" + name + "\"";
    }
}
