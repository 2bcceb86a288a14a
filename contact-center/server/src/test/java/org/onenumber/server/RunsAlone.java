package org.onenumber.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test (class or method) that needs the machine's cores to itself. Failsafe runs the others two at a
 * time (two forks, the server's pom), then the ones marked with this one after another in a JVM of their own. Mark an
 * IT with it when its assertions hold the wall clock against work that needs CPU and a second test beside it could
 * make it late: a simulation clock sped up hundreds of times whose javadoc asks for a quiet machine, a failover or
 * recovery goal of seconds while child server JVMs start and take load (kill -9, a database outage), a latency bound
 * of a second or so. An IT that waits (for a browser, a socket, a child JVM's start) with generous timeouts, or that
 * was made for a busy shared machine, needs nothing.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
public @interface RunsAlone {

  /** The JUnit tag Failsafe's executions include and exclude. */
  String TAG = "alone";
}
