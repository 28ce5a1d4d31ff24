package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.time.LocalDate;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.common.v1.CalendarDate;

/** Instants travel as ISO-8601 DateTime, legal dates (an office's date, not an instant) as ISO yyyy-MM-dd. */
final class Times {
    private Times() {
    }

    static Instant of(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** For {@code optional Timestamp} fields: absent reads as null. */
    static Instant ofOptional(boolean present, Timestamp t) {
        return present ? of(t) : null;
    }

    static Timestamp toProto(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    /** An unset CalendarDate (all zero) reads as null. */
    static LocalDate date(CalendarDate d) {
        return d.getYear() == 0 ? null : LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    static CalendarDate toProto(LocalDate d) {
        return CalendarDate.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth())
                .build();
    }
}
