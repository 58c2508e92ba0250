/**
 * Attachments of citizens' messages: found in every MIME part that is a file, a forwarded
 * message or an image the text shows by {@code cid:}
 * ({@link org.guichet.gateway.attachment.AttachedFiles}); given a safe name
 * ({@link org.guichet.gateway.attachment.FileName}); typed by their bytes, never by their name
 * ({@link org.guichet.gateway.attachment.MagicNumbers}); stored within the limits and types of
 * {@code guichet.attachments.*}, executables and scripts always refused
 * ({@link org.guichet.gateway.attachment.AttachmentPolicy}); recorded on the case by
 * {@link org.guichet.casework.Attachments}, refused ones too, without their bytes. The mailet
 * {@link org.guichet.gateway.attachment.StoreAttachments} runs it in the inbound processor.
 */
package org.guichet.gateway.attachment;
