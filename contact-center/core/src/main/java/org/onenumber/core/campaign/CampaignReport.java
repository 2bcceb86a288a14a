package org.onenumber.core.campaign;

/**
 * A campaign's delivery report: recipients in all, still pending, sent (handed to the carrier,
 * no final status yet), delivered, failed (refused, undelivered, or unknown after a crash while
 * sending) and skipped (said STOP).
 */
public record CampaignReport(int recipients, int pending, int sent, int delivered, int failed, int skipped) {}
