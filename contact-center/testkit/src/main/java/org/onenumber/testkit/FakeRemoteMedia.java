package org.onenumber.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.onenumber.core.port.out.RemoteMedia;

/**
 * Remote media from a map: each link answers its bytes, or throws what {@link #answer} set (a
 * refusal, an outage). Unknown links are refused. Records every fetch. Thread-safe.
 */
public final class FakeRemoteMedia implements RemoteMedia {

  private final Map<URI, Supplier<byte[]>> answers = new HashMap<>();
  private final List<URI> fetched = new ArrayList<>();

  /** {@code url} answers what {@code answer} returns or throws, every time. */
  public synchronized FakeRemoteMedia answer(URI url, Supplier<byte[]> answer) {
    answers.put(url, answer);
    return this;
  }

  @Override
  public byte[] fetch(URI url, String source) {
    Supplier<byte[]> answer;
    synchronized (this) {
      fetched.add(url);
      answer = answers.get(url);
    }
    if (answer == null) {
      throw new org.onenumber.core.casework.media.MediaRefusedException("no such link in the fake");
    }
    return answer.get();
  }

  public synchronized List<URI> fetched() {
    return List.copyOf(fetched);
  }
}
