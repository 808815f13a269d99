package org.loive.platform;

import java.time.ZoneId;

/** Where the mechanism runs: dates people read, years of references, working days. */
public final class Vietnam {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private Vietnam() {
	}
}
