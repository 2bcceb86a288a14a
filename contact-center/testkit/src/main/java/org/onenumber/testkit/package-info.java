/**
 * Test equipment for every module: a {@link ManualClock}, hand-written fakes of every core port
 * ({@code Fake*}, {@link RecordingEventPublisher}), test-data builders ({@link TestData}) and
 * contract suites ({@code *Contract}) that the fakes and the real adapters both pass.
 * No mocking library: a fake is a small honest implementation.
 */
package org.onenumber.testkit;
