package org.onenumber.server.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response.
 *
 * @param error a short stable code such as {@code invalid_input}, {@code not_found}, {@code bad_request}
 * @param message what went wrong, for a person
 */
@Serdeable
public record ApiError(String error, String message) {}
