package org.onenumber.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.NotFoundException;

/** The served AsyncAPI documents are the files in the source tree, byte for byte; nothing else is served. */
class AsyncApiControllerTest {

  private final AsyncApiController controller = new AsyncApiController();

  @Test
  void servesEachDocumentExactlyAsItIsInTheSourceTree() throws IOException {
    for (String name : AsyncApiController.DOCUMENTS) {
      HttpResponse<byte[]> response = controller.document(name);
      assertEquals("application/yaml", response.getContentType().orElseThrow().toString());
      assertArrayEquals(Files.readAllBytes(Path.of("src/main/resources/asyncapi", name + ".yml")),
          response.body(), name);
    }
  }

  @Test
  void anUnknownDocumentIsNotFound() {
    assertThrows(NotFoundException.class, () -> controller.document("../application"));
  }
}
