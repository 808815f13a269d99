package org.loive.platform;

import java.io.IOException;

/** The request body went past the API's limit while being read. */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("request body larger than " + limit + " bytes");
	}
}
