package org.guichet.transparency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public transparency page and its open data ({@code guichet.transparency.*}). Off until
 * the administration decides to publish.
 *
 * @param enabled      publish {@code /transparence}, {@code /transparency} and the open data files;
 *                     otherwise they answer 404
 * @param minimumCount a figure over fewer citizens' requests than this is withheld, so that no
 *                     citizen can be singled out
 * @param months       how many months, up to the current one, the page shows
 * @param licence      licence of the open data, stated in every file
 * @param licenceUrl   where the licence's text is
 */
@ConfigurationProperties("guichet.transparency")
public record TransparencyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("10") int minimumCount,
        @DefaultValue("12") int months,
        @DefaultValue("Licence Ouverte 2.0") String licence,
        @DefaultValue("https://www.etalab.gouv.fr/licence-ouverte-open-licence") String licenceUrl) {

    public TransparencyProperties {
        if (minimumCount < 1) {
            throw new IllegalArgumentException("guichet.transparency.minimum-count must be at least 1, not "
                    + minimumCount);
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("guichet.transparency.months must be between 1 and 120, not " + months);
        }
    }
}
