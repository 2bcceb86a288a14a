package org.onenumber.core.knowledge;

/** How many matching answers have {@code value} in a facet (department or category). */
public record FacetCount(String value, long count) {}
