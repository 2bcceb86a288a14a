package org.onenumber.core.reform;

/** Why complaints of an issue arise, as the city's reform model sorts them. */
public enum Cause { LAW, PROCESS, PRACTICE, SYSTEM }
