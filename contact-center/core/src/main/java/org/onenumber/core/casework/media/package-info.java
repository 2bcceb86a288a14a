/**
 * Pictures a citizen links to from a channel — MMS media, an Open311 {@code media_url} — become
 * case attachments without the channel waiting: the channel stores a {@link
 * org.onenumber.core.casework.media.MediaFetchJob} before it acknowledges ({@link
 * org.onenumber.core.casework.media.MmsPictures}, the Open311 desk), and {@link
 * org.onenumber.core.casework.media.FetchCaseMedia} fetches due jobs through the {@link
 * org.onenumber.core.port.out.RemoteMedia} port (the channels adapter guards the addresses), then
 * attaches them through {@link org.onenumber.core.casework.attachment.AttachToCase}, which sniffs the
 * type. Failures are retried or kept on the job with their reason; they never reach the citizen's
 * channel.
 */
package org.onenumber.core.casework.media;
