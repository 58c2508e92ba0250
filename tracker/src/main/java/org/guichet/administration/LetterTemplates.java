package org.guichet.administration;

import java.util.List;

/** The letters' templates as the node read them at start, for the administration page. */
@FunctionalInterface
public interface LetterTemplates {

    /** Every template every service uses, then each service's own, by file name. */
    List<LetterTemplate> list();
}
