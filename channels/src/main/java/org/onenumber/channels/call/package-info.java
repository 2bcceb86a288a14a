/**
 * Browser calls (WebRTC): sign-language video and voice from the citizen's call page to an
 * operator's console, signalled over one WebSocket ({@code /ws/call}, served by the server) and
 * routed as any other contact. This package holds the protocol; the server only moves frames and
 * identities in and out, and feeds routing's events in.
 *
 * <h2>Frames (JSON text)</h2>
 *
 * <p>Every frame with its schema and the order rules is in the AsyncAPI document
 * {@code contact-center/server/src/main/resources/asyncapi/call.yml} (served at
 * {@code /asyncapi/call.yml}).
 *
 * <pre>
 * citizen → server                                       server → citizen
 * {"type":"start","mode":"sign"|"voice",                 {"type":"session","contactId":"…","token":"…","mode":"sign"}
 *  "language":"ko","caller":"…"}                          {"type":"waiting","contactId":"…"}
 * {"type":"resume","token":"…"}                          {"type":"queue","contactId":"…","position":2,"ewtSeconds":40}
 * {"type":"text","contactId":"…","body":"…"}             {"type":"agent","contactId":"…","name":"문지호"}
 * {"type":"answer","contactId":"…","sdp":"v=0…"}         {"type":"offer","contactId":"…","sdp":"v=0…"}
 * {"type":"candidate","contactId":"…","candidate":"…",   {"type":"candidate",…}   {"type":"text","from":"operator",…}
 *  "sdpMid":"0","sdpMLineIndex":0}                       {"type":"peer-left",…}   {"type":"ended","contactId":"…"}
 * {"type":"hangup","contactId":"…"}
 *
 * operator → server (signed in)                          server → operator
 * {"type":"join","contactId":"…"}                        {"type":"joined","contactId":"…","mode":"sign","texts":[…]}
 * {"type":"offer",…} {"type":"candidate",…}              {"type":"ready","contactId":"…"}  (the citizen is there: offer)
 * {"type":"text",…} {"type":"hangup","contactId":"…"}    {"type":"answer",…} {"type":"candidate",…} {"type":"text",…}
 *                                                        {"type":"peer-left",…} {"type":"peer-back",…} {"type":"ended",…}
 * either → server: {"type":"ping"} → {"type":"pong"};    any refusal: {"type":"error","error":"…","message":"…"}
 * </pre>
 *
 * <p>Three-way relay ({@link org.onenumber.channels.call.CallGuests}): the host operator sends
 * {@code {"type":"invite","contactId":"…","agent":"op-035"}}, {@code "queue":"sign-language-video"}
 * (routing's free operator of that queue), {@code "department":"water"} (its staff on the
 * department portal) or {@code "link":true} (answered {@code invited}); the invited operator, or one
 * staff member of the invited department, {@code join}s, a hearing party sends
 * {@code {"type":"guest","token":"…"}}; the guest {@code leave}s. With three parties, offer, answer
 * and candidate carry {@code "to"} (citizen, operator, guest) and are relayed with {@code "from"};
 * {@code ready} names the {@code party} to offer to; {@code peer-joined}/{@code peer-left} name the party.
 *
 * <p>The operator makes the offer: on {@code ready} (the citizen is connected, first time or
 * after resuming) the console creates an offer (with an ICE restart when renegotiating) and the
 * citizen's page answers. Frames are relayed only between the two parties of one contact
 * ({@link org.onenumber.channels.call.CallSignalling}); the server never reads the media.
 *
 * <p>In a cluster (issue 11) the frames are the same on every node: a call lives on its home (the node
 * where the citizen started or last rebuilt it), and a frame naming its {@code contactId} from a socket
 * on another node is handled by the home ({@link org.onenumber.channels.call.CallsElsewhere}), which
 * answers that socket across the bus. The {@code session} token ({@link
 * org.onenumber.channels.call.CallTokens}) is checked on any node: a citizen whose home died
 * {@code resume}s on another, which rebuilds the call from the journal; the operator's socket hears
 * {@code peer-back} and {@code ready} there and renegotiates. When the home dies (SIGKILL, or cut off from
 * the cluster) while a party's socket is on another node, that node hears the cluster drop it ({@link
 * org.onenumber.channels.call.CallsElsewhere#onHomeLost}), rebuilds the call from the journal and the token
 * the home told it, and becomes its home; its parties get
 *
 * <pre>
 * server → citizen, operator, guest: {"type":"rehomed","contactId":"…"}   (the call is held by this connection's node now)
 * </pre>
 *
 * and the operator then {@code ready} (the citizen's socket is there too) or {@code peer-left} ({@code party}
 * citizen, until the citizen resumes on any node: {@code peer-back}, {@code ready}; the citizen's grace period
 * runs). The guest (a socket the old home had seated as the guest) is seated again and the host hears {@code
 * ready} ({@code party} guest); a guest alone on its node waits and follows the call to the node that
 * rebuilds it ({@code rehomed}, {@code ready}). The node with the citizen's socket rebuilds at once; a node with
 * only operators' sockets waits two seconds and rebuilds only if no other node answers as the home by then.
 *
 * <p>A home frozen (or cut off) longer than the cluster's heartbeat limit, whose calls the others took over
 * meanwhile, must not go on with them when it wakes: every node that starts or rebuilds a call claims it
 * ({@link org.onenumber.channels.call.CallClaims}, in the shared database), and a home reads its claim again
 * before it sends a frame or hands a journal step for a call once a second has passed since it last did
 * ({@link org.onenumber.channels.call.CallFence}; at once when the cluster's membership changes). A call
 * whose claim another node holds is given up with no journal step, and its sockets here hear
 *
 * <pre>
 * server → citizen, operator, guest: {"type":"rehomed","contactId":"…","reconnect":true}   (open a new socket)
 * </pre>
 *
 * on which the page and the console close that socket and open another: its {@code resume} or {@code join}
 * reaches the live home from any node. The steps a home hands routing (the hang-ups, the return to the line)
 * carry its claim ({@link org.onenumber.channels.call.CallRouting}): routing writes them only while the claim
 * still holds, checked in the transaction that writes them, so a freeze between the home's check and the write
 * journals nothing and the home gives the call up the same way. A frame sent after a check that went stale
 * during a freeze is not fenced: it reaches only parties of the same call and changes nothing durable, and the
 * home's next act for the call reads the claim again and gives the call up. The guest's console (or a staff member's call page) {@code join}s again
 * too: the live home rebuilt the call from the journal, and seats the guest the journal has still in the call
 * (joined since the contact was last connected, not left: {@link
 * org.onenumber.channels.call.CallPartyJournal#stillIn}) with no invitation and no journal step ({@code joined},
 * {@code ready}; the host hears {@code ready} with {@code party} guest); anyone else is {@code forbidden}. The
 * link's hearing party is not told apart from anyone else and is invited again; an expected guest who never
 * comes back has left when the call ends or another guest is seated (journalled then).
 */
package org.onenumber.channels.call;
