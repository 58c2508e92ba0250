package org.guichet.gateway.notice;

import java.util.List;

/**
 * A text after its notices were replaced.
 *
 * @param text    the new text
 * @param notices the notices replaced (or removed when they repeated the one just before)
 */
record TextRewrite(String text, List<NoticeMatch> notices) {
}
