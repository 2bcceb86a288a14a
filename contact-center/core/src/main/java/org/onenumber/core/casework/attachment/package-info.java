/**
 * Photos and other evidence attached to a {@link org.onenumber.core.casework.Case}: a citizen's
 * photo from the {@code /report/} web form today, Open311 media and MMS pictures later.
 *
 * <p>How an attachment is accepted, in order ({@link AttachToCase}):
 *
 * <ol>
 *   <li>its size is checked against {@link AttachmentRules#maxBytes()} (too large: {@link
 *       AttachmentTooLargeException}, nothing stored);
 *   <li>its type is <em>sniffed from the first bytes</em> ({@link AttachmentType#sniff}); what the
 *       sender claims (file name, {@code Content-Type}) is never trusted, and anything but a JPEG,
 *       PNG, GIF or WebP picture is refused;
 *   <li>the case must exist and hold fewer than {@link AttachmentRules#maxPerCase()} attachments;
 *   <li>the bytes and their {@link CaseAttachment} description are stored together through the
 *       {@link org.onenumber.core.port.out.CaseAttachments} port.
 * </ol>
 *
 * Who may read an attachment is the server's decision (the case's department, supervisors, and the
 * citizen through the tracking proof); every read is audited there.
 */
package org.onenumber.core.casework.attachment;
