package io.cloudsword.brand.grpc;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import com.google.protobuf.FieldMask;

import io.cloudsword.api.common.v1.CalendarDate;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.DomainExceptionMapper;
import io.cloudsword.kit.paging.Page;

/** Shared translations of the common contract types (dates, pages, masks, per-item errors). */
final class Wire {

    private Wire() {
    }

    /** A batch item that failed: the same code and detail the single call would have failed with. */
    static ItemError itemError(DomainException e) {
        return ItemError.newBuilder()
                .setCode(DomainExceptionMapper.code(e.kind()).value())
                .setDetail(ErrorDetail.newBuilder().setReason(e.reason()).setField(e.field())
                        .setMessage(e.getMessage() == null ? "" : e.getMessage()))
                .build();
    }

    /** @return the date, or null when the field is absent; INVALID_DATE when it does not exist */
    static LocalDate date(String field, boolean present, CalendarDate date) {
        if (!present) {
            return null;
        }
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            throw DomainException.invalid(field, "INVALID_DATE", field + " " + date.getYear() + "-" + date.getMonth()
                    + "-" + date.getDay() + " is not a calendar date");
        }
    }

    static CalendarDate toProto(LocalDate date) {
        return CalendarDate.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth()).build();
    }

    static Page page(PageRequest request, String query, int keys) {
        return Page.of(request.getFirst(), request.getAfter(), query, keys);
    }

    static PageInfo pageInfo(String endCursor, boolean hasNextPage) {
        return PageInfo.newBuilder().setEndCursor(endCursor == null ? "" : endCursor).setHasNextPage(hasNextPage).build();
    }

    /** The mask's paths, each checked against what the method lets a caller change. */
    static Set<String> mask(FieldMask mask, Set<String> updatable) {
        if (mask.getPathsCount() == 0) {
            throw DomainException.invalid("update_mask", "INVALID_UPDATE_MASK",
                    "update_mask must name the fields to change, any of " + updatable);
        }
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0; i < mask.getPathsCount(); i++) {
            String path = mask.getPaths(i);
            if (!updatable.contains(path)) {
                throw DomainException.invalid("update_mask.paths[" + i + "]", "INVALID_UPDATE_MASK",
                        "'" + path + "' cannot be updated; updatable: " + updatable);
            }
            paths.add(path);
        }
        return paths;
    }
}
