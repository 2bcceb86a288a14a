package org.onenumber.telephony.asterisk;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.response.ManagerError;
import org.onenumber.core.contact.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records answered calls with MixMonitor (capture 06) where {@link CallRecordings#allowed} says so.
 * The file name is only known from the {@code VarSet MIXMONITOR_FILENAME} event that follows
 * ({@code MixMonitorStart/Stop} carry no file name); the stop (MixMonitorStop or the caller's
 * hangup) gives the duration. Decisions and storage run on one thread {@code ami-recording} with a
 * bounded queue (full: the recording is skipped and logged), never on the event thread.
 */
final class CallRecorder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);
  static final String FILE_VARIABLE = "MIXMONITOR_FILENAME";

  private final AmiLink link;
  private final CallRecordings recordings;
  private final InstantSource clock;
  private final Map<String, ContactId> recording = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(1_000), new NamedThreads("ami-recording"));

  CallRecorder(AmiLink link, CallRecordings recordings, InstantSource clock) {
    this.link = link;
    this.recordings = recordings;
    this.clock = clock;
  }

  /** The caller and the operator are connected: start MixMonitor on the caller's channel if allowed. */
  void answered(AsteriskCalls.Call call) {
    run(() -> {
      if (!recordings.allowed(call.contact())) {
        return;
      }
      recording.put(call.callerChannel(), call.contact());
      MixMonitorAction mix = new MixMonitorAction();
      mix.setChannel(call.callerChannel());
      mix.setFile("onenumber-" + call.contact().value() + ".wav");
      mix.setOptions("b");
      link.send(mix, r -> {
        if (r instanceof ManagerError) {
          recording.remove(call.callerChannel());
          LOG.warn("MixMonitor refused for {}: {}", call.contact(), r.getMessage());
        }
      });
    });
  }

  void variable(String channel, String name, String value) {
    ContactId contact = channel == null ? null : recording.get(channel);
    if (contact != null && FILE_VARIABLE.equals(name) && value != null) {
      var at = clock.instant();
      run(() -> recordings.started(contact, value, at));
    }
  }

  /** MixMonitorStop or the channel's hangup. */
  void stopped(String channel) {
    ContactId contact = channel == null ? null : recording.remove(channel);
    if (contact != null) {
      var at = clock.instant();
      run(() -> recordings.stopped(contact, at));
    }
  }

  private void run(Runnable task) {
    try {
      worker.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("recording bookkeeping failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("recording queue full: a recording step was skipped");
    }
  }

  @Override
  public void close() {
    worker.shutdown();
  }
}
