package io.irready.sim;

import java.util.List;

/** Offset pagination as AWS does it from the caller's view: an opaque token, a page size. */
record Pages<T>(List<T> items, String nextToken) {
    static <T> Pages<T> of(List<T> all, String token, int pageSize) {
        int from = token == null || token.isBlank() ? 0 : Integer.parseInt(token.replace("page-", ""));
        int to = Math.min(all.size(), from + pageSize);
        return new Pages<>(all.subList(Math.min(from, all.size()), to), to < all.size() ? "page-" + to : null);
    }
}
