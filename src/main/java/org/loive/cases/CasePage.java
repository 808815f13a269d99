package org.loive.cases;

import java.util.List;

/** One page of the caller's province's cases. */
record CasePage(List<CaseSummary> items, int page, int size, long total) {
}
