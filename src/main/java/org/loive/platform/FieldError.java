package org.loive.platform;

/** One rejected field of a request: its JSON path and why, never the rejected value. */
public record FieldError(String field, String message) {
}
