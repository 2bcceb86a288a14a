package org.onenumber.server.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import org.onenumber.server.persistence.Jdbc;

/**
 * In the {@code production} environment the server refuses to start while the demo city could
 * be loaded or any account still has the demo password: a city must never go live with {@code
 * demo1234}. (The login-token secret must come from {@code ONENUMBER_JWT_SECRET} there; {@code
 * Application} checks that before Micronaut starts.)
 */
@Context
@Requires(env = "production")
final class ProductionGuard {

  ProductionGuard(Jdbc jdbc, Accounts accounts, @Value("${onenumber.seed.enabled:false}") boolean seed,
      @Value("${onenumber.seed.demo-password:demo1234}") String demoPassword) {
    if (seed) {
      throw new ConfigurationException("onenumber.seed.enabled must be false in production");
    }
    for (String login : jdbc.query("select login from account", row -> row.getString(1))) {
      if (accounts.verify(login, demoPassword).isPresent()) {
        throw new ConfigurationException("account " + login + " still has the demo password; change it before"
            + " starting in production");
      }
    }
  }
}
