package org.loive.workflow;

import java.util.List;

/** One page of the inbox. */
record TaskPage(List<TaskView> items, int page, int size, long total) {
}
