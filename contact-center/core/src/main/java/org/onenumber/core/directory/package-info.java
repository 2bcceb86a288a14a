/**
 * The city's organisation as the contact center sees it: {@link Department}s that own cases and
 * answers, {@link Queue}s that contacts wait in, the {@link Skill}s and {@link Language}s that
 * decide who may answer. Values only; the {@code Directory} port serves them.
 */
package org.onenumber.core.directory;
