/**
 * Open311 GeoReport v2: the protocol half of the city's public service-request API, without a server.
 *
 * <p>Reading a request: the server hands the form parameters of {@code POST requests.{format}} to
 * {@link org.onenumber.channels.open311.ServiceRequestSubmission#parse}, which checks them against the
 * service catalogue ({@link org.onenumber.channels.open311.GeoReportService}) and either returns a
 * validated submission or throws {@link org.onenumber.channels.open311.GeoReportError} with the HTTP
 * status and the spec's error code. {@link org.onenumber.channels.open311.RequestQuery} does the same
 * for the filters of {@code GET requests} (ids, service codes, a date window of at most 90 days,
 * status).
 *
 * <p>Writing a response: {@link org.onenumber.channels.open311.GeoReportDocuments} builds each
 * document once as a small tree ({@link org.onenumber.channels.open311.Node}) and
 * {@link org.onenumber.channels.open311.Open311Format} renders it as XML or as JSON by the Spark
 * convention the specification names (a list element becomes a JSON array, its items objects).
 *
 * <p>Everything here is pure and thread-safe; the server does identities, storage and wiring.
 */
package org.onenumber.channels.open311;
