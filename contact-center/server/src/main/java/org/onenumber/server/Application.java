package org.onenumber.server;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Starts OneNumber. Before Micronaut starts it makes sure the data directory exists and holds the
 * secret that signs login tokens (created on first start, kept across restarts, never logged).
 */
@OpenAPIDefinition(info = @Info(title = "OneNumber", version = "0.1",
    description = "Omnichannel public contact-center server for a one-number city service"))
// The JWT from POST /login, for operations to name in @SecurityRequirement(name = "bearer"): micronaut-openapi
// does not derive requirements from @Secured (OpenApiCompletenessTest lists the operations still without one).
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

  static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

  private Application() {}

  public static void main(String[] args) throws IOException {
    Path dataDir = Path.of(System.getProperty("onenumber.data-dir",
        System.getenv().getOrDefault("ONENUMBER_DATA_DIR", "./data")));
    Files.createDirectories(dataDir);
    System.setProperty("onenumber.data-dir", dataDir.toString());
    if (System.getProperty(JWT_SECRET) == null && System.getenv("ONENUMBER_JWT_SECRET") == null) {
      if (production()) {
        System.err.println("production: set ONENUMBER_JWT_SECRET (at least 32 characters); no secret is generated");
        System.exit(2);
      }
      System.setProperty(JWT_SECRET, jwtSecret(dataDir.resolve("jwt-secret")));
    }
    Micronaut.build(args).mainClass(Application.class).banner(false).start();
  }

  private static boolean production() {
    String environments = System.getProperty("micronaut.environments",
        System.getenv().getOrDefault("MICRONAUT_ENVIRONMENTS", ""));
    return java.util.Arrays.asList(environments.split("\\s*,\\s*")).contains("production");
  }

  private static String jwtSecret(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getEncoder().encodeToString(bytes);
    Files.writeString(file, secret);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the file stays with default permissions
    }
    return secret;
  }
}
