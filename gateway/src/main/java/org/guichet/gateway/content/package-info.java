/**
 * Content extraction for citizens' messages: the best text of a raw MIME message
 * ({@link org.guichet.gateway.content.ReplyBodyReader}), the part the citizen actually wrote
 * ({@link org.guichet.gateway.content.VisibleReplyText}), and HTML made safe to show an agent
 * ({@link org.guichet.gateway.content.HtmlSanitiser}). {@link org.guichet.gateway.content.ReplyContentReader}
 * puts them together. Accuracy on public reply fixtures is measured by {@code bench/reply-text}.
 */
package org.guichet.gateway.content;
