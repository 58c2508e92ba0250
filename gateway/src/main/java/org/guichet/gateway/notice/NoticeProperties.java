package org.guichet.gateway.notice;

import java.util.Map;

import org.guichet.gateway.language.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sentences that replace "do not reply" notices, per language of the notice.
 *
 * @param commitment        commitment written into French notices, read by the shipped pipeline.xml
 *                          as {@code ${guichet.notice.commitment:}}, e.g. « sous 5 jours ouvrés »
 * @param commitmentEnglish the same commitment in English, for notices written in English
 * @param languages         per language code ({@code fr}, {@code en}, {@code nl}, {@code de}): the
 *                          replacement sentence ({@code {commitment}} placeholder) and the commitment
 *                          written into it; a language left out gets the shipped sentence
 */
@ConfigurationProperties("guichet.notice")
public record NoticeProperties(String commitment, String commitmentEnglish, Map<String, Wording> languages) {

    public NoticeProperties {
        languages = languages == null ? Map.of() : Map.copyOf(languages);
        for (String code : languages.keySet()) {
            if (Language.of(code).isEmpty()) {
                throw new IllegalArgumentException("guichet.notice.languages." + code + ": unknown language; expected fr, en, nl or de");
            }
        }
    }

    /**
     * One language's wording.
     *
     * @param replacement the sentence, with {@code {commitment}} where the commitment goes
     * @param commitment  the commitment in that language, e.g. « binnen 5 werkdagen »
     */
    public record Wording(String replacement, String commitment) {
    }
}
