/**
 * Asterisk, spoken through Asterisk-Java: the FastAGI IVR (one session per call), the AMI connection
 * (events in, actions out) and {@link org.onenumber.telephony.asterisk.AsteriskCalls}, the registry
 * both share of which channel carries which contact.
 *
 * <h2>How a call flows, and why this way</h2>
 *
 * <p>Asterisk's dialplan sends every call to the one number to the FastAGI server:
 *
 * <pre>
 * [from-callers]
 * exten =&gt; 120,1,AGI(agi://127.0.0.1:4573/ivr)
 *  same =&gt; n,Hangup()
 *
 * [onenumber-answered]            ; run on the operator's leg by Dial's U() option
 * exten =&gt; s,1,AGI(agi://127.0.0.1:4573/answered?contact=${ARG1}&amp;agent=${ARG2})
 *  same =&gt; n,Return()
 * </pre>
 *
 * <p>{@link org.onenumber.telephony.asterisk.AgiIvrServer} accepts the connection and runs a
 * {@link org.onenumber.telephony.asterisk.CallerSession} on a thread of its own for the whole call.
 * <b>The session keeps the caller's channel from the first ring to the last word and conducts the
 * call</b>; AMI only moves or ends the <i>operator's</i> leg and reports events. We chose this over
 * parking the caller and bridging with AMI {@code Redirect} because the real Asterisk 22 captures in
 * {@code shared/data/asterisk} show that (a) {@code EXEC Dial} from AGI rings, bridges and reports
 * {@code DIALSTATUS} exactly as the dialplan would (01, 03a–c); (b) the AGI socket learns of every
 * hang-up by itself ({@code 200 result=-1}, then {@code HANGUP}, capture 02) and Asterisk never
 * closes it first, so no call is lost or double-counted while AMI is briefly down; (c) there is one
 * owner of the caller's channel at any time, so no race between a Redirect and the IVR.
 *
 * <p>The cases below are numbered as in the code ({@code CallerSession}, {@code IvrMenu},
 * {@code CallConductor}, {@code AnsweredLeg}).
 *
 * <ol>
 *   <li><b>Answer</b> ({@code ANSWER}); then the welcome prompt.
 *   <li><b>Know the caller</b>: {@code agi_callerid} read as E.164 with libphonenumber (Korean
 *       region by default). A withheld number gives an anonymous identity, and no callback, no
 *       SMS and no remembered language. Worked out with the remembered language on a side pool
 *       ({@code CallerLookup}) from the session's start, while Asterisk answers and greets; a
 *       lookup still queued after the greeting is run by the session itself while reads are quick.
 *   <li><b>Language</b>: the one the number chose last time (table {@code caller_language}), else
 *       the language menu: 1 Korean, 2 English, 3 Chinese, 4 Japanese, 5 Vietnamese, 6 Mongolian.
 *       A key that is no choice or a time-out repeats the menu; after three tries the caller gets
 *       Korean. The channel's language is set so Asterisk's own {@code SAY NUMBER} speaks it.
 *   <li><b>Main menu</b>: 1 (or 0) an operator, 2 keep my place and call me back, 3 a
 *       sign-language video call. Garbage and time-outs repeat it; after three tries: an operator.
 *       <ol type="a">
 *         <li>(4b) Before an operator, the <b>self-service topic menu</b> ({@link
 *             org.onenumber.telephony.asterisk.TopicMenu}) when the city configured topics in the
 *             caller's language: "press 1 for …, 0 for an operator"; a topic plays its recorded answer
 *             ({@code onenumber/<lang>/answer-<key>}), then 0 an operator (topic {@code
 *             ivr:topic:<key>}), 9 again, 8 by SMS, or hang up: a call that ends there is journaled
 *             as a self-served contact (CREATED → CLOSED {@code self-served}), never as abandoned.
 *       </ol>
 *   <li><b>The contact</b>: {@code OpenContact} (channel VOICE, the caller's number, the language,
 *       topic {@code ivr:operator}); intake journals it and routing queues it. The call is
 *       registered in {@code AsteriskCalls} with its channel, uniqueid and linkedid.
 *       <ol type="a">
 *         <li>Callback: routing {@code RequestCallback} (the contact keeps its place), a
 *             confirmation, hang up. The callback is dialled later by the AMI side.
 *         <li>Sign language: the video-call link goes out by SMS through core's {@code
 *             MessageGateway}, a confirmation, hang up (the video call becomes its own contact).
 *             If the SMS cannot be sent the caller hears so and goes on to an operator.
 *         <li>Intake cannot take the call now (the server's call admission lane is full, the
 *             database down: a retriable failure): "all our lines are busy, please call again"
 *             ({@code lines-busy}) and hang up; intake refuses it (no queue for the language):
 *             goodbye and hang up. Never silence, never a caller parked behind the database.
 *       </ol>
 *   <li><b>Waiting</b>: music on hold ({@code EXEC StartMusicOnHold}), then the session takes
 *       {@link org.onenumber.telephony.asterisk.CallSignal}s from the call's mailbox (the server
 *       forwards every routing event about the contact). Between signals it asks {@code CHANNEL
 *       STATUS} every 500 ms, because nothing else tells an idle AGI session that the caller left
 *       (the unsolicited {@code HANGUP} line is only read with the next reply).
 *       <ol type="a">
 *         <li>{@code QueuePositionChanged}: music stops, "you are number N, about M minutes" in the
 *             caller's language, music again. The engine decides how often (per queue).
 *         <li>{@code ContactStateChanged} to OFFERED with operator X: case 7.
 *         <li>The caller hangs up: routing {@code Abandon} (the engine counts the wait).
 *         <li>A stale offer: when the session takes an OFFERED signal, a later change of the
 *             contact's state already waiting in the mailbox behind it (the offer's expiry back to
 *             QUEUED, another queue...: the session was announcing the position, or several signals
 *             queued) means routing has withdrawn it: it is not dialled (the operator's phone no
 *             longer rings for an offer routing does not hold) and the later signals follow in
 *             order. Counted as {@code onenumber.call.ring.skipped{reason=stale}}.
 *         <li>An offer for a call whose session has ended on this node ({@code OrphanOffers}: the
 *             offer crossed the caller's hang-up, or the session ended without routing hearing it):
 *             routing is told {@code Abandon} at once (reason {@code call-session-ended}), so the
 *             operator is free for the next contact without a miss counted, rather than RESERVED
 *             until the offer's timeout; a callback offer is left alone. The call is registered as
 *             soon as intake answers (its Linkedid read before), so a caller gone in between no
 *             longer leaves a contact no session carries. An offer for a contact this node never
 *             carried (another carrier's, another node's) is left to them. Counted as {@code
 *             onenumber.call.ring.skipped{reason=no-session}}.
 *       </ol>
 *   <li><b>Ringing</b>: {@code EXEC Dial <device of X>,<ring timeout>,U(onenumber-answered^contact^X)}.
 *       <ol type="a">
 *         <li>The operator answers: before the legs are bridged Asterisk runs the {@code answered}
 *             script on the operator's leg ({@code AnsweredLeg}), which records that leg's channel
 *             and tells routing {@code Accept}; if routing refuses (the offer expired) it sets
 *             {@code GOSUB_RESULT=BUSY}, so the operator's leg is dropped and the caller keeps
 *             their place (ABORT would drop the caller too). What counts is what routing journals
 *             (waited for however long it takes, through {@code routeUntilJournaled}), not whether a reply came
 *             within a {@code route}'s 10 s: a caller who hangs up while this script runs is heard
 *             of only when {@code Dial} returns, so the call is answered if routing journaled the
 *             accept (then wrapped up, case 8) and abandoned if it refused it, as the simulator
 *             counts it from the {@code Dial}'s end. We chose {@code U()} over waiting for AMI's {@code DialEnd}
 *             because it keeps the answer on the FastAGI path, which works with AMI down, and
 *             routing hears of the answer before the caller hears the operator.
 *         <li>NOANSWER, BUSY, CHANUNAVAIL (or CONGESTION): routing {@code Decline} with that reason;
 *             the caller keeps their place; music resumes at once (no silence).
 *         <li>The caller hangs up while it rings: {@code Abandon}.
 *         <li>The operator has no device: {@code Decline} at once.
 *         <li>Bridged although the {@code answered} script never ran (its FastAGI connection
 *             failed; the session pool keeps {@code IvrSettings#legReserve()} threads beyond the
 *             callers so that it is not refused): routing never connected the operator, so when
 *             {@code Dial} returns, {@code Decline} "call-not-connected" (not counted against the
 *             operator) and the caller is back in their place.
 *       </ol>
 *       <p>The ring path is timed by stage in wall time ({@code RingTimings}; the server's timer
 *       {@code onenumber.call.ring}, tag {@code stage}): {@code routed} (routing's offer → the
 *       call's mailbox), {@code mailbox} (→ the session takes it), {@code dial} (→ {@code Dial}
 *       sent: the device look-up, music stopped), {@code answer} (→ the answered leg starts: the
 *       ring, the pick-up, the leg's FastAGI connection), {@code accept} (routing's {@code
 *       Accept}), {@code total} (mailbox → Accept agreed).
 *   <li><b>Connected</b>, while {@code Dial} (or later {@code Bridge}/{@code ConfBridge}) runs. When
 *       it returns {@code -1} the caller hung up: {@code WrapUp} with outcome RESOLVED (refused,
 *       and harmless, if the operator already wrapped up). When it returns 0 the operator's leg
 *       ended: an operator control follows within a second (cases 9–13), or, if none does, the
 *       operator hung up: goodbye, hang up, {@code WrapUp}.
 *   <li><b>Hold</b> (AMI redirected the operator's leg to {@code onenumber-agent-hold}): music on
 *       hold until {@code Resume(agentChannel)}, which runs {@code EXEC Bridge <agentChannel>}.
 *   <li><b>Requeue</b> (routing moved the contact; AMI hung up the operator's leg): back to case 6
 *       with music; the next OFFERED is dialled as before.
 *   <li><b>Transfer</b> to a desk number: a prompt, then {@code EXEC Dial <destination>}; routing
 *       closes the contact as transferred, the session only carries the caller there.
 *   <li><b>Conference</b>: {@code EXEC ConfBridge <room>}, where AMI brought the operator and the
 *       third party.
 *   <li><b>Hang up</b> from the center: {@code HANGUP}, then {@code WrapUp} (connected) or {@code
 *       Abandon} (waiting).
 *   <li><b>Rejoin</b> ({@code agi://…/rejoin}, {@code RejoinedCall}): a call adopted after a restart
 *       whose caller AMI redirected back into a session at its first operator control; it starts
 *       connected, with that control's signal waiting, then goes on as cases 8–13.
 * </ol>
 *
 * <p>A <b>consult (attended) transfer</b> is case 9 on the caller's side (music while the operator
 * talks with the consulted party in a ConfBridge room, see {@code Consults}); completing it is case
 * 9a with the consulted party's leg ({@code Resume(consult leg)}: {@code Bridge} moves it out of the
 * room), or case 12 with the consult room while that leg's name is not known; cancelling it is
 * case 9a with the operator's leg. The <b>welfare check-in</b> ({@code agi://…/checkin}, {@code
 * CheckInCall}) runs on a senior's leg that AMI originated: press 1 (well) or 2 (then case 6 in the
 * welfare queue).
 *
 * <h2>Threads and failure</h2>
 *
 * <p>One platform thread per call from a bounded, named pool ({@code onenumber-agi-N}, 1,000 by
 * default; idle threads end after 30 s); virtual threads are opt-in on Java 24+ and measured slower
 * under the benchmark's load (see {@code AgiIvrServer}). A session thread may block (routing, JDBC, the
 * mailbox); library callback threads (AMI's reader) never do: they only put signals in mailboxes.
 * A session never waits for routing's journal once its caller is gone: the {@code Abandon} or
 * {@code WrapUp} of a caller who hung up (and of the center's own hang-up) is handed over with
 * {@code RouteContact.routeUntilJournaled}, which routing tries again until it is journaled, and
 * the session ends at once (Asterisk has closed the AGI socket already; in the NYC record day 2,177
 * hung-up callers each held a session thread while routing committed). The call leaves {@code
 * AsteriskCalls} then; its {@code CarriedCalls} row only once that end is journaled.
 * A malformed environment (no channel or uniqueid) ends the session without a command; a caller
 * gone mid-command ends it at the next read ({@code AgiHangupException}); either way the thread
 * returns to the pool and nothing is left in {@code AsteriskCalls}.
 *
 * <p>Prompts are sound files {@code onenumber/<language>/<key>} (see {@link
 * org.onenumber.telephony.asterisk.Prompt} and {@code telephony/asterisk/sounds/README.md}).
 *
 * <h2>The AMI side</h2>
 *
 * <p>The AMI side ({@link org.onenumber.telephony.asterisk.AsteriskAmi}): {@link
 * org.onenumber.telephony.asterisk.AmiLink} logs in, reconnects with backoff and after every login
 * reconciles the registry with {@code CoreShowChannels}; {@link
 * org.onenumber.telephony.asterisk.AmiEvents} turns events into routing commands on Asterisk-Java's
 * event thread without blocking it (map lookups, {@code RouteContact.routeLater} and {@code routeUntilJournaled} only; recording
 * decisions run on their own thread); {@link org.onenumber.telephony.asterisk.AsteriskCallControl}
 * moves or ends the operator's leg and signals the call's FastAGI session. Answers: the FastAGI
 * session reports the operator's answer ({@code Accept}) itself by default; with {@code
 * acceptOnDialEnd} (config {@code onenumber.telephony.asterisk.ami.accept-on-dial-end}) AMI reports it
 * from {@code DialEnd ANSWER} instead — turn on exactly one of the two.
 *
 * <h2>After a server restart</h2>
 *
 * <p>{@link org.onenumber.telephony.asterisk.AsteriskCalls} writes every call to {@link
 * org.onenumber.telephony.asterisk.CarriedCalls} (a table in the server); {@link
 * org.onenumber.telephony.asterisk.RestartSweep} ends the previous run's calls that cannot be up any
 * more (their FastAGI session is gone) and, at the first AMI reconcile, adopts those still bridged
 * with an operator, so routing never offers a call that no longer exists. Since a call's row stays
 * until its contact's end is journaled, a server that stops between a caller's hang-up and that
 * journal finds the call at its next start and abandons the contact then.
 */
package org.onenumber.telephony.asterisk;
