package io.cloudsword.brand.domain;

/** The outcome of an idempotent create: the record, and whether this call created it. */
public record Registered<T>(T value, boolean created) {
}
