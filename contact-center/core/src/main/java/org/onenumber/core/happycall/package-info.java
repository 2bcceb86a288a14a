/**
 * Happy-call: the satisfaction survey a citizen receives by SMS some time after a contact was
 * resolved ("was your problem solved? reply 1-5"). {@link org.onenumber.core.happycall.HappyCalls}
 * schedules one per resolved contact, sends it when due outside quiet hours, at most one per
 * citizen per gap, and turns the reply into a survey answer (and a follow-up task when the score
 * is low). Durable through {@link org.onenumber.core.port.out.HappyCallStore}.
 */
package org.onenumber.core.happycall;
