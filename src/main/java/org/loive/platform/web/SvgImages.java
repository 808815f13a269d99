package org.loive.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SVG drawn on the server and shown as an image (process diagrams, report charts): served with a policy that lets
 * it run nothing, whatever it contains, and never cached.
 */
public final class SvgImages {

	/** No script, no fetch; the inline styles the drawings carry. */
	public static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	private SvgImages() {
	}

	public static ResponseEntity<String> ok(String svg) {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(svg);
	}

	/** No such drawing, under the same policy. */
	public static ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
	}
}
