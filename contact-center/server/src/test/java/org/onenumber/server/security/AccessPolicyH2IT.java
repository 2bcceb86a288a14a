package org.onenumber.server.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The access matrix on the embedded database. */
@MicronautTest
class AccessPolicyH2IT extends AccessPolicyTestBase {}
