package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallMonitoring;

/**
 * Every carrier's {@link CallMonitoring} behind one door, and where a supervisor's phone rings:
 * {@code onenumber.telephony.supervisor-device} with {@code {login}} replaced by the supervisor's
 * login (default {@code PJSIP/{login}}, an endpoint of the sample {@code pjsip.conf}). The device
 * comes from configuration only, so nobody can make the city's PBX dial a number they typed.
 * A call no carrier can monitor (Twilio Voice, a call adopted after a restart) is refused with
 * {@link NoCallException} (409).
 */
@Singleton
public final class CallMonitors {

  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final List<CallMonitoring> carriers;
  private final String deviceTemplate;

  CallMonitors(List<CallMonitoring> carriers,
      @Value("${onenumber.telephony.supervisor-device:}") String deviceTemplate) {
    this.carriers = List.copyOf(carriers);
    this.deviceTemplate = deviceTemplate.isBlank() ? "PJSIP/{login}" : deviceTemplate.strip();
  }

  /** Rings {@code login}'s phone onto {@code contact}'s call in {@code mode}. */
  public void monitor(ContactId contact, String login, CallMonitoring.Mode mode) {
    String device = device(login);
    if (carriers.stream().noneMatch(c -> c.monitor(contact, device, mode))) {
      throw new NoCallException(contact);
    }
  }

  /** Takes {@code login}'s phone off {@code contact}'s call, on every carrier. */
  public void stop(ContactId contact, String login) {
    String device = device(login);
    carriers.forEach(c -> c.stop(contact, device));
  }

  private String device(String login) {
    if (!LOGIN.matcher(login).matches()) {
      throw new IllegalArgumentException("a login that cannot name a device");
    }
    return deviceTemplate.replace("{login}", login);
  }
}
