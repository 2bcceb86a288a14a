package org.onenumber.telephony.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;

/**
 * The absolute URLs of the voice webhooks, under {@value #PATH}, as Twilio must call them (TwiML
 * sent through the REST API cannot use relative URLs). The base is the server's public URL,
 * asked for on every use because the server learns its port only once it listens.
 */
public final class VoiceUrls {

  public static final String PATH = "/webhooks/twilio/voice";

  private final Supplier<String> base;

  public VoiceUrls(Supplier<String> base) {
    this.base = base;
  }

  public String incoming() {
    return url("");
  }

  public String languageMenu(int tries) {
    return url("/gather?step=language&tries=" + tries);
  }

  public String options(Language language) {
    return url("/gather?step=options&lang=" + language.code());
  }

  /** The self-service topic menu's action: try {@code tries}. */
  public String topics(Language language, int tries) {
    return url("/gather?step=topic&lang=" + language.code() + "&tries=" + tries);
  }

  /** What the caller pressed after topic {@code topic}'s answer; {@code silences} so far. */
  public String afterAnswer(Language language, String topic, int silences) {
    return url("/gather?step=answer&lang=" + language.code() + "&topic=" + q(topic) + "&tries=" + silences);
  }

  public String queue(Language language) {
    return url("/queue?lang=" + language.code());
  }

  public String waiting(ContactId contact) {
    return url("/wait?contact=" + q(contact.value()));
  }

  public String enqueueAction(ContactId contact) {
    return url("/enqueue-action?contact=" + q(contact.value()));
  }

  public String answered(ContactId contact, AgentId agent) {
    return url("/answered?contact=" + q(contact.value()) + "&agent=" + q(agent.value()));
  }

  public String dialAction(ContactId contact, AgentId agent) {
    return url("/dial-action?contact=" + q(contact.value()) + "&agent=" + q(agent.value()));
  }

  public String status() {
    return url("/status");
  }

  /** Status of an outbound leg this server created (callback, conference party) for {@code contact}. */
  public String outboundStatus(ContactId contact) {
    return url("/status?contact=" + q(contact.value()));
  }

  /** Status of the consulted party's leg of {@code contact}'s consult (its end refuses completing it). */
  public String consultLegStatus(ContactId contact) {
    return url("/status?contact=" + q(contact.value()) + "&leg=consult");
  }

  public String callbackAnswered(ContactId contact) {
    return url("/callback-answered?contact=" + q(contact.value()));
  }

  public String callbackAction(ContactId contact) {
    return url("/callback-action?contact=" + q(contact.value()));
  }

  /** The welfare check-in's {@code <Gather>} action: try {@code tries} of the question. */
  public String checkIn(ContactId contact, Language language, boolean slow, int tries) {
    return url("/check-in?contact=" + q(contact.value()) + "&lang=" + language.code() + "&slow=" + slow
        + "&tries=" + tries);
  }

  /** Status callback of a welfare check-in call. */
  public String checkInStatus(ContactId contact) {
    return url("/check-in-status?contact=" + q(contact.value()));
  }

  /** The happy-call survey's {@code <Gather>} action: the question asked {@code asked} times so far. */
  public String happyCall(ContactId contact, Language language, int asked) {
    return url("/happy-call?contact=" + q(contact.value()) + "&lang=" + language.code() + "&asked=" + asked);
  }

  /** Status callback of call number {@code call} of a happy-call survey (a late one of an earlier call is ignored). */
  public String happyCallStatus(ContactId contact, int call) {
    return url("/happy-call-status?contact=" + q(contact.value()) + "&call=" + call);
  }

  private String url(String tail) {
    String b = base.get();
    return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + PATH + tail;
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
