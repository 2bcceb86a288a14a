package org.onenumber.telephony.asterisk;

import java.time.InstantSource;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;

/**
 * The AMI side of the Asterisk adapter, assembled: the {@link AmiLink}, its event translation
 * ({@link AmiEvents}), the reconcile after every login, callbacks, recording and the {@link
 * AsteriskCallControl}. {@link #start()} connects in the background; the rest of the server runs
 * whether Asterisk is there or not ({@link #status()}).
 */
public final class AsteriskAmi implements AutoCloseable {

  private final AmiLink link;
  private final AmiEvents events;
  private final CallReconciler reconciler;
  private final CallRecorder recorder;
  private final AsteriskCallControl control;
  private final AsteriskCallMonitoring monitoring;

  public AsteriskAmi(AmiSettings settings, AsteriskCalls calls, AgentDevices devices, RouteContact routing,
      CallRecordings recordings, InstantSource clock) {
    this(settings, calls, devices, routing, recordings, clock, null);
  }

  /** With {@code sweep} (or null): the calls of the server's previous run are settled at the first reconcile. */
  public AsteriskAmi(AmiSettings settings, AsteriskCalls calls, AgentDevices devices, RouteContact routing,
      CallRecordings recordings, InstantSource clock, RestartSweep sweep) {
    this(new AmiLink(settings, clock), calls, devices, routing, recordings, clock, sweep);
  }

  AsteriskAmi(AmiLink link, AsteriskCalls calls, AgentDevices devices, RouteContact routing,
      CallRecordings recordings, InstantSource clock, RestartSweep sweep) {
    this.link = link;
    CallbackDials callbacks = new CallbackDials(link, devices, routing);
    Consults consults = new Consults(link);
    this.recorder = new CallRecorder(link, recordings, clock);
    this.events = new AmiEvents(calls, devices, routing, callbacks, consults, recorder, link.settings().acceptOnDialEnd());
    this.reconciler = new CallReconciler(calls, routing, callbacks, sweep);
    this.control = new AsteriskCallControl(link, calls, callbacks, consults);
    this.monitoring = new AsteriskCallMonitoring(link, calls);
    link.addListener(events);
    link.onConnect(reconciler);
    calls.watchHangupsWith(() -> link.status().up());
  }

  /**
   * {@code listener} hears, on the AMI reader thread (it must only hand over), of every call placed
   * by {@link AsteriskCallControl#originate} (a welfare check-in or a happy-call) that Asterisk could
   * not connect: the contact and the {@code OriginateResponse} reason (3 no answer, 5 busy, 0 and
   * others failed or unreachable, as in captures 04b–04d).
   */
  public AsteriskAmi onOriginateFailed(java.util.function.BiConsumer<ContactId, String> listener) {
    events.onNotPlaced(listener);
    return this;
  }

  public AsteriskAmi start() {
    link.start();
    return this;
  }

  public AmiStatus status() {
    return link.status();
  }

  /** The AMI connection, for tests that send what another AMI client (a supervisor's tool) would. */
  AmiLink link() {
    return link;
  }

  public AsteriskCallControl callControl() {
    return control;
  }

  /** Supervisors on live calls (ChanSpy). */
  public AsteriskCallMonitoring callMonitoring() {
    return monitoring;
  }

  public AmiEvents events() {
    return events;
  }

  /** What the last reconcile found ("live=2 ended=0 legsCleared=0 untracked=0"), or "none yet". */
  public String lastReconcile() {
    CallReconciler.Outcome o = reconciler.last();
    return o == null ? "none yet"
        : "live=" + o.live() + " ended=" + o.ended() + " legsCleared=" + o.legsCleared() + " untracked=" + o.untracked();
  }

  @Override
  public void close() {
    link.close();
    recorder.close();
  }
}
