/**
 * Twilio Voice, the second carrier behind the {@code CallControl} port: signed voice webhooks
 * answered with TwiML (built with the SDK's {@code com.twilio.twiml} classes), and live calls
 * updated through the Calls REST API.
 *
 * <h2>How the webhooks chain</h2>
 *
 * All paths are under {@code /webhooks/twilio/voice} ({@link org.onenumber.telephony.twilio.VoiceUrls});
 * every request is signed by Twilio and checked with the SDK's {@code RequestValidator}
 * ({@link org.onenumber.telephony.twilio.TwilioVoiceSignatures}).
 *
 * <ol>
 *   <li>The number's voice URL ({@code POST /webhooks/twilio/voice}) answers with the language menu:
 *       a {@code <Gather>} (1 ko, 2 en, 3 zh, 4 ja, 5 vi, 6 mn, 7 sign-language video link; see
 *       {@link org.onenumber.telephony.twilio.VoiceMenu}) followed by a {@code <Redirect>} to the same
 *       action, so silence counts as an invalid try; the third try falls back to Korean.
 *   <li>{@code /gather?step=language}: the options menu in the caller's language (1 = call me back,
 *       keeping my place), again a {@code <Gather>} and a {@code <Redirect>} to {@code /queue}.
 *       Digit 7 instead texts the video-call link (core {@code MessageGateway}) and says goodbye.
 *   <li>{@code /gather?step=options} with 1: the contact is opened, routing gets {@code RequestCallback},
 *       the call ends. Anything else (silence comes back here without digits): the self-service topic
 *       menu when the caller's language has topics ({@link org.onenumber.telephony.twilio.TwilioSelfService}:
 *       {@code /gather?step=topic}, the answer read with {@code <Say>}, {@code /gather?step=answer};
 *       a call that ends after an answer is journaled self-served from {@code /status}). Then {@code /queue}: the contact is opened ({@code OpenContact}: channel
 *       VOICE, the caller's number normalised by libphonenumber), durable before the answer, the call
 *       is registered in {@link org.onenumber.telephony.twilio.TwilioVoiceCalls}, and the caller is
 *       parked with {@code <Enqueue waitUrl=/wait action=/enqueue-action>}. When the contact cannot be
 *       opened now (the database unreachable: a retriable failure, nothing stored) — here or for the callback of the options menu — the caller hears "all our lines are
 *       busy, please call again" ({@code LINES_BUSY}) and the call ends, as on Asterisk; before, the
 *       webhook answered 503 and Twilio played its own "application error" (it does not retry a voice
 *       webhook). The menus before need no database.
 *   <li>{@code /wait} is fetched by Twilio each time its previous answer has finished playing: the
 *       place in line and estimated wait from routing's last {@code QueuePositionChanged} (in the
 *       caller's language), then one play of the hold music.
 *   <li>Routing offers the contact to an operator: {@link org.onenumber.telephony.twilio.TwilioVoiceRouting}
 *       updates the live call (Calls API, {@code Twiml=}) with a {@code <Dial action=/dial-action>}
 *       to the operator's {@code <Number>}, {@code <Client>} or {@code <Sip>}, whose {@code url=/answered}
 *       runs on the operator's leg when they pick up: routing {@code Accept}. The {@code record}
 *       attribute is set only when the citizen consented and the queue records.
 *   <li>{@code /dial-action}: no-answer, busy, failed → {@code Decline} and {@code <Enqueue>} again in
 *       the same answer (the caller hears music at once, routing keeps their place); completed → the
 *       operator hung up: {@code WrapUp} and a goodbye.
 *   <li>{@code /status} (the number's status callback): the caller's leg ended; waiting or ringing →
 *       {@code Abandon}, talking → {@code WrapUp}. Reports are idempotent: each call's phase moves by
 *       compare-and-set, so the dial action and the status callback of one hang-up act once.
 * </ol>
 *
 * <h2>Why {@code <Enqueue>} and not a {@code <Play loop>}</h2>
 *
 * Routing, not Twilio, decides who is next; the Twilio queue is only a parking place. {@code <Enqueue>}
 * gives what a plain {@code <Play loop="0">} cannot: a wait URL that Twilio fetches again after every
 * turn, so position announcements follow routing without any REST call per announcement; a call in a
 * queue leaves it cleanly when the Calls API gives it new TwiML (the {@code <Dial>}); and the
 * {@code action} reports a caller who left the queue. A {@code <Play>} loop would need a REST update
 * for every announcement and would keep playing forever if an update were lost.
 *
 * <h2>Limits</h2>
 *
 * Hold ends the operator's leg (Twilio cannot park one leg of a {@code <Dial>}); resume dials the
 * operator again. The registry of calls is kept through a {@code TwilioCallStore} (the server's table
 * {@code twilio_calls}) and read back at start, so a call Twilio kept running across a restart is
 * found again by its next webhook; a webhook for a call never carried gets empty TwiML. Likewise
 * {@code HeardAnswers} (table {@code twilio_heard_answers}) keeps which call heard a self-service
 * answer until its status callback, and {@code ConsultLegStore} (table {@code twilio_consult_legs})
 * the legs of a consult under way, which are hung up at the next start (a restart cancels a consult).
 */
package org.onenumber.telephony.twilio;
