/**
 * An {@link Agent} is an operator who answers contacts: their skills with levels, the languages
 * they answer in (sign language included), how many contacts of each kind they can hold at once
 * ({@link ChannelCapacity}) and their {@link AgentState}.
 */
package org.onenumber.core.agent;
