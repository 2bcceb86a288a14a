/**
 * Notification campaigns: a supervisor's SMS to a filtered {@link org.onenumber.core.campaign.Audience}
 * (the enrolled seniors of a district; the citizens with an open case in a category), previewed as a
 * count and the text only, sent from its scheduled time at a throughput limit, STOP honoured, with a
 * delivery report. {@link org.onenumber.core.campaign.Campaigns} holds the rules; every recipient is a
 * durable row claimed before its message goes out, so a restart neither skips nor doubles anyone.
 */
package org.onenumber.core.campaign;
