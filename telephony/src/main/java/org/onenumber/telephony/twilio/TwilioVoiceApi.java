package org.onenumber.telephony.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.CallUpdater;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Sip;
import com.twilio.type.Twiml;
import java.net.URI;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;

/**
 * Twilio's Calls API through the SDK: update a live call with new TwiML ({@code POST
 * /2010-04-01/Accounts/{sid}/Calls/{CallSid}.json}, {@code Twiml=...}), end it ({@code
 * Status=completed}), and place a call ({@code POST .../Calls.json}). Blocking: callers run it on
 * the adapter's executor, never on an event loop. Thread-safe. Twilio's 4xx (a call already over:
 * 21220) become {@link PermanentException}; 5xx and network failures {@link RetriableException}.
 */
public final class TwilioVoiceApi {

  private final String accountSid;
  private final TwilioRestClient client;

  public TwilioVoiceApi(String accountSid, String authToken, URI apiBase) {
    this.accountSid = accountSid;
    this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(new TwilioVoiceHttp(apiBase)).build();
  }

  /** Replaces what the live call {@code callSid} is doing with {@code twiml}. */
  public void update(String callSid, String twiml) {
    run(() -> new CallUpdater(accountSid, callSid).setTwiml(new Twiml(twiml)).update(client));
  }

  /** Hangs up the live call {@code callSid}. */
  public void end(String callSid) {
    run(() -> new CallUpdater(accountSid, callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client));
  }

  /** Places a call to {@code to} (a number, {@code client:name} or {@code sip:} URI) running {@code twiml}; its sid. */
  public String place(String to, String from, String twiml, String statusCallback) {
    CallCreator creator = new CallCreator(accountSid, endpoint(to), new PhoneNumber(from), new Twiml(twiml));
    if (statusCallback != null) {
      creator.setStatusCallback(URI.create(statusCallback));
    }
    return run(() -> creator.create(client)).getSid();
  }

  private static Endpoint endpoint(String to) {
    if (to.startsWith("client:")) {
      return new Client(to);
    }
    return to.startsWith("sip:") ? new Sip(to) : new PhoneNumber(to);
  }

  private static Call run(java.util.function.Supplier<Call> request) {
    try {
      return request.get();
    } catch (ApiException e) {
      if (e.getStatusCode() != null && e.getStatusCode() >= 500) {
        throw new RetriableException("Twilio Voice error " + e.getCode() + ": " + e.getMessage(), e);
      }
      throw new PermanentException("twilio_" + e.getCode(), e.getMessage(), e);
    }
  }
}
