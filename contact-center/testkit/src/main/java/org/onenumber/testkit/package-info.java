/**
 * Test equipment for every module: a {@link ManualClock}, hand-written fakes of every core port
 * ({@code Fake*}, {@link RecordingEventPublisher}), test-data builders ({@link TestData}) and
 * contract suites ({@code *Contract}) that the fakes and the real adapters both pass, and peers
 * that replay real captures: Asterisk's side of FastAGI, a reader thread per call ({@link
 * FastAgiCaller}) or every call on one selector thread ({@link FastAgiCalls}, the bench's and the
 * simulator's callers).
 * No mocking library: a fake is a small honest implementation.
 */
package org.onenumber.testkit;
