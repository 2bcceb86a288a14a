/**
 * Service levels in the running server (issue 6): the live fold subscribed to the event bus
 * ({@link org.onenumber.server.ops.ServiceLevelFeed}), the wallboard stream pushed over
 * server-sent events ({@link org.onenumber.server.ops.WallboardHub}), Prometheus gauges, and the
 * service-levels, interval-report, survey and staffing APIs. The figures themselves are defined
 * in the {@code ops} module ({@code org.onenumber.ops.sla}); this package only wires and renders.
 * Department performance (issue 14) is here too: the live feed
 * ({@link org.onenumber.server.ops.DepartmentPerformanceFeed}) and the report API over the core's
 * {@code org.onenumber.core.performance}.
 */
package org.onenumber.server.ops;
