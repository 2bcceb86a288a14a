/**
 * Notification campaigns in the server: {@link CampaignFactory} wires the core's
 * {@link org.onenumber.core.campaign.Campaigns} to the database and the SMS gateway,
 * {@link CampaignSweep} sends a round every second (the throughput limit is per round), and
 * {@link CampaignController} is the supervisors' API. Status callbacks reach the report through the
 * Twilio status webhook.
 */
package org.onenumber.server.campaign;
