package io.cloudsword.gateway.graphql;

import io.cloudsword.api.common.v1.PageRequest;

final class Paging {
    private Paging() {
    }

    /** first absent = the service's default (50); the service refuses sizes outside 1..500 (INVALID_PAGE_SIZE). */
    static PageRequest of(Integer first, String after) {
        return PageRequest.newBuilder().setFirst(first == null ? 0 : first).setAfter(after == null ? "" : after)
                .build();
    }
}
