package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onenumber.testkit.AsteriskCaptures;

/** {@link AgiConnection} over a real loopback socket, fed the captured environment block (00) in odd pieces. */
class AgiConnectionTest {

  @Test
  void readsTheCapturedEnvironmentLineByLineWhateverPiecesItArrivesInAndWritesACommandInOneGo() throws Exception {
    StringBuilder block = new StringBuilder();
    AsteriskCaptures.environment().forEach((k, v) -> block.append(k).append(": ").append(v).append('\n'));
    String longLine = "agi_arg_1: " + "한".repeat(400); // longer than the buffer, not ASCII
    block.append(longLine).append('\n').append('\n').append("200 result=1\n");
    byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        AgiConnectionCloser agi = new AgiConnectionCloser(new AgiConnection(server.accept(), 0, null))) {
      OutputStream toServer = asterisk.getOutputStream();
      for (int i = 0; i < bytes.length; i += 7) { // odd pieces: lines and characters split across reads
        toServer.write(bytes, i, Math.min(7, bytes.length - i));
        toServer.flush();
      }
      for (String expected : AsteriskCaptures.environment().entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue()).toList()) {
        assertEquals(expected, agi.connection().readLine());
      }
      assertEquals(longLine, agi.connection().readLine());
      assertEquals("", agi.connection().readLine(), "the empty line that ends the environment");
      assertEquals("200 result=1", agi.connection().readLine());

      agi.connection().write("EXEC \"Dial\" \"PJSIP/op-001,15\"");
      agi.connection().write("\n");
      agi.connection().flush();
      InputStream fromServer = asterisk.getInputStream();
      byte[] command = fromServer.readNBytes("EXEC \"Dial\" \"PJSIP/op-001,15\"\n".length());
      assertEquals("EXEC \"Dial\" \"PJSIP/op-001,15\"\n", new String(command, StandardCharsets.UTF_8));

      asterisk.shutdownOutput(); // Asterisk hangs up the FastAGI connection
      assertThrows(IOException.class, () -> agi.connection().readLine());
    }
  }

  @Test
  void tellsTheTurnaroundOfEachCommandFromTheLineReadBeforeItToItsWrite() throws Exception {
    java.util.List<long[]> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        AgiConnectionCloser agi = new AgiConnectionCloser(new AgiConnection(server.accept(), 0,
            (command, nanos) -> told.add(new long[] {command, nanos})))) {
      asterisk.getOutputStream().write("200 result=0\n200 result=1\n".getBytes(StandardCharsets.UTF_8));
      agi.connection().readLine();
      agi.connection().write("ANSWER\n");
      agi.connection().flush();
      agi.connection().readLine();
      Thread.sleep(20); // the server's own time before its next command
      agi.connection().write("STREAM FILE \"onenumber/ko/welcome\" \"\"\n");
      agi.connection().flush();
    }
    assertEquals(2, told.size());
    assertEquals(1, told.get(0)[0]);
    assertEquals(2, told.get(1)[0]);
    assertTrue(told.get(1)[1] >= 20_000_000L, "the 20 ms between the reply read and the command: " + told.get(1)[1]);
    assertTrue(told.get(0)[1] < told.get(1)[1], "the first command went out at once");
  }

  /** Closes the connection at the end of the test. */
  private record AgiConnectionCloser(AgiConnection connection) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      connection.close();
    }
  }
}
