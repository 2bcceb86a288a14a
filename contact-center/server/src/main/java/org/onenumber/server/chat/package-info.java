/**
 * The citizen web chat: a WebSocket protocol ({@link ChatEndpoint}) with resume tokens, message
 * ids, acknowledgements and re-sending, so that no message is lost or shown twice across
 * reconnects and server restarts.
 *
 * <h2>Protocol (JSON text frames)</h2>
 *
 * <p>Every frame with its JSON schema and the order rules is in the AsyncAPI document
 * {@code asyncapi/chat.yml} beside the server's resources (served at {@code /asyncapi/chat.yml});
 * {@code AsyncApiFramesTest} checks it against this package's code.
 *
 * <pre>
 * client → server                                server → client
 * {"type":"start","language":"en"}               {"type":"session","token":"…","language":"en","contactId":null}
 * {"type":"resume","token":"…"}                  {"type":"session",…} then every unacknowledged message again
 * {"type":"message","clientId":"…","body":"…"}   {"type":"ack","clientId":"…","id":"…"}   (after the commit)
 * {"type":"ack","id":"…"}                        {"type":"message","id":"…","author":"…","body":"…","at":"…"}
 * {"type":"typing"}                              {"type":"typing"}            (the operator is typing)
 * {"type":"survey","satisfaction":5,"resolved":true}   {"type":"survey-saved"}
 * {"type":"leave"}                               {"type":"ended"}   (also on resume of a session left)
 * {"type":"ping"}                                {"type":"pong"}              (at once; to check the line)
 *                                                {"type":"waiting"}   (the chat is queued for an operator)
 *                                                {"type":"queue","position":3,"ewtSeconds":95}
 *                                                {"type":"waiting"}   (in line: queued, or back after a decline or transfer)
 *                                                {"type":"agent","name":"김민지"}   {"type":"ended"}
 *                                                {"type":"error","error":"…","message":"…"}
 * </pre>
 *
 * <p>Exactly once, both ways: the client keeps each message it sent until the server's
 * {@code ack} (sent only once the message is committed) and re-sends it after a reconnect under
 * the same {@code clientId}; the server stores {@code chat:<handle>:<clientId>} as the provider
 * id, so a re-sent message is acknowledged again but stored once.
 * A socket's session is kept in memory with it
 * ({@code LiveChatSessions}: a frame reads nothing), changed only after its change committed; the
 * chat's other reads run on connections of its own ({@code ChatConnections}, {@code
 * onenumber.chat.connections}, 2), its writes in the inbound group commit: no chat frame waits for
 * the shared pool once the session is started (issue 17, session 17). The server keeps each message
 * it sent {@code QUEUED} until the client's {@code ack} (then {@code DELIVERED}) and re-sends the
 * unacknowledged ones on {@code resume}; the client drops ids it has already shown. Sessions and
 * messages are in the database, so the same holds across a server restart.
 *
 * <p>Keepalive: the server sends a WebSocket ping to every open chat socket each
 * {@code onenumber.sockets.ping-interval} (default 30 s, well inside the server's 5-minute
 * {@code micronaut.server.idle-timeout}); browsers answer pings with pongs by themselves, so a
 * citizen waiting quietly keeps the connection and the page needs no timer. A client that wants
 * to know the line is alive may send {@code ping} and expects {@code pong}.
 *
 * <p>No push is lost to a race with registration: {@code waiting} for a chat's first message is
 * published while the message is being stored, before the socket is known to belong to the new
 * contact; such frames are held (up to a minute) and sent when the socket is registered, before the
 * message's {@code ack}.
 *
 * <p>Leaving: {@code leave} ends the conversation for routing ({@link LeaveChat}): a contact still
 * waiting for an operator is abandoned, a connected one is closed as when a caller hangs up, and
 * the session is marked ended so later messages are refused and a resume is answered {@code ended}.
 * A socket that closes without {@code leave} is given {@code onenumber.chat.abandon-after} (default
 * {@code 2m}) to resume before a still-waiting contact is abandoned ({@link ChatAbandonTimer}); the
 * deadline is kept in the database, so a restarted server keeps it rather than granting a new one.
 *
 * <p>Cluster: the socket may be on any node; frames pushed for the conversation on another node (the
 * operator's name, messages, queue positions, the operator's {@code typing}, the end) reach it over the
 * cluster's bus, and a {@code leave} on a standby is handed to the owner. A node that stops routing (it lost the routing
 * lease) closes every chat socket with 1013 (try again later); the page reconnects through the load
 * balancer and resumes.
 */
package org.onenumber.server.chat;
