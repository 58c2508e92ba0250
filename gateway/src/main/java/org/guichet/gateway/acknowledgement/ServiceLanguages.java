package org.guichet.gateway.acknowledgement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.guichet.gateway.language.Language;

/**
 * The languages a service writes its acknowledgements in, and the language of the letter to a
 * person who wrote in one of them or in another.
 *
 * <p>A person is answered in the language they used when the service writes it: Belgian
 * services deal with a private person in the language that person used (lois sur l'emploi des
 * langues en matière administrative, coordonnées le 18 juillet 1966, article 41 §1 for central
 * services, article 19 for Brussels' local ones). For a language the service does not write,
 * or a reply too short to tell, the letter is in {@code defaultLanguage}; without one, in every
 * language of the service, in their order, as French services' acknowledgements have always
 * been written (French, then English).
 *
 * @param languages       in the order of a letter written in several; never empty
 * @param defaultLanguage the letter's language when the person's is not one of {@code languages};
 *                        empty for all of them
 */
record ServiceLanguages(List<Language> languages, Optional<Language> defaultLanguage) {

    /** What a service writes when nothing is set: French, then English, both when in doubt. */
    static final ServiceLanguages DEFAULT = new ServiceLanguages(List.of(Language.FRENCH, Language.ENGLISH),
            Optional.empty());

    ServiceLanguages {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a service writes in one language at least");
        }
        if (defaultLanguage.isPresent() && !languages.contains(defaultLanguage.get())) {
            throw new IllegalArgumentException("the default language " + defaultLanguage.get().code()
                    + " is not one of the service's languages " + codes(languages));
        }
    }

    /**
     * Reads settings: language codes ({@code fr}, {@code en}, {@code nl}, {@code de}) and the
     * default one; {@code where} names the settings in the messages of a wrong value.
     */
    static ServiceLanguages of(List<String> codes, String defaultCode, String where) {
        List<Language> languages = new ArrayList<>();
        for (String code : codes) {
            Language language = known(code, where + ".languages");
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(where + ".languages must name one language at least, e.g. fr,en");
        }
        Optional<Language> fallback = defaultCode == null || defaultCode.isBlank() ? Optional.empty()
                : Optional.of(known(defaultCode, where + ".default-language"));
        if (fallback.isPresent() && !languages.contains(fallback.get())) {
            throw new IllegalArgumentException(where + ".default-language is " + fallback.get().code()
                    + ", which is not one of " + where + ".languages " + codes(languages));
        }
        return new ServiceLanguages(languages, fallback);
    }

    /** The languages of the letter to a person who wrote in {@code written}, if it could be told. */
    List<Language> letterFor(Optional<Language> written) {
        if (written.isPresent() && languages.contains(written.get())) {
            return List.of(written.get());
        }
        return defaultLanguage.map(List::of).orElse(languages);
    }

    private static Language known(String code, String setting) {
        return Language.of(code).orElseThrow(() -> new IllegalArgumentException(setting + ": unknown language '"
                + code + "'; expected fr, en, nl or de"));
    }

    private static List<String> codes(List<Language> languages) {
        return languages.stream().map(Language::code).toList();
    }
}
