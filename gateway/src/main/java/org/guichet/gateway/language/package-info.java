/**
 * The languages Guichet writes to citizens in ({@link org.guichet.gateway.language.Language}),
 * shared by the notice rewriting and the acknowledgements, and the language a citizen wrote in
 * ({@link org.guichet.gateway.language.ReplyLanguageDetector}), which picks the language of the
 * acknowledgement.
 */
package org.guichet.gateway.language;
