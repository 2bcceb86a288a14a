/**
 * Inbound ports: the use cases the core offers, one interface per verb ({@link OpenContact}, ...).
 * Commands are records validated in their constructors.
 */
package org.onenumber.core.port.in;
