package org.guichet.gateway.notice;

import static org.guichet.gateway.notice.ClauseGrammar.clause;
import static org.guichet.gateway.notice.ClauseGrammar.opening;

import java.util.Map;

import org.guichet.gateway.language.Language;

/** German notices: "Bitte antworten Sie nicht auf diese E-Mail", "Dieses Postfach wird nicht überwacht"… */
final class GermanClauses {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("msg", "(?:e-?mail(?:-nachricht)?|nachricht|mail|benachrichtigung|mitteilung|sendung|schreiben|info-?mail|erinnerung|bestatigung|meldung)"),
            Map.entry("addr", "(?:e-?mail-?adresse|adresse|absenderadresse|absender|postfach|mailadresse|e-?mail-?postfach|mailbox|e-?mail-?konto|konto|nummer|versandadresse)"),
            Map.entry("adj", "(?:automatisch (?:erstellte|generierte|versendete|versandte|erzeugte)n? |automatischen? |automatisierten? |vorliegenden? |elektronischen? )?"),
            Map.entry("dobj", "(?:(?:diese|dieses|diesen|dieser|die|den|das|der|vorliegende|obige|unten stehende)[a-z]? %adj%(?:%msg%|%addr%))"),
            Map.entry("obj", "(?:(?:auf|an|uber|von|via) %dobj%|darauf|hierauf|drauf|an den absender|an uns|direkt|per e-?mail|per mail|uber diesen weg|auf diesem weg|hier)"),
            Map.entry("objs", "(?: %obj%){0,3}"),
            Map.entry("please", "(?: (?:bitte|danke|vielen dank|direkt|also))*"),
            Map.entry("polite", "(?:bitte|wir bitten sie|wir bitten|wir mochten sie bitten|sie werden gebeten|es wird gebeten|wir ersuchen sie|bitten wir sie|ich bitte sie|wir bitten sie hoflich|bitte beachten sie)"),
            Map.entry("verb", "(?:antworten|beantworten|reagieren|zuruckschreiben|zu antworten|zu beantworten|zu reagieren|zuruckzuschreiben|eine antwort (?:zu )?senden|zu schreiben|schreiben)"),
            Map.entry("neg", "(?:nicht|niemals|keinesfalls|auf keinen fall|nie)"),
            Map.entry("part", "(?:gelesen|bearbeitet|uberwacht|beantwortet|abgerufen|gepruft|verarbeitet|berucksichtigt|zugestellt|empfangen|weitergeleitet|zur kenntnis genommen|betreut"
                    + "|eingesehen|kontrolliert|angenommen|ausgewertet|registriert|entgegengenommen)"),
            Map.entry("subject", "(?:(?:(?:ihre|eine|jede|alle|etwaige|eventuelle|die|keine|ihr) )?(?:antworten|antwort|ruckantworten|ruckantwort|nachrichten|e-?mails|mails|zuschriften|ruckfragen|anfragen|ruckmeldungen|reaktionen)"
                    + "(?: %obj%)?|(?:diese|dieses|die|das|unser|unsere|der)[a-z]? %adj%(?:%addr%))"),
            Map.entry("made", "(?:erstellt|generiert|erzeugt|versendet|versandt|verschickt|gesendet|verfasst|ubermittelt|zugestellt|ausgelost)"),
            Map.entry("agent", "(?: (?:von|durch|uber|aus) (?:unserem|einem|unser|das|dem|unseren) ?(?:automatischen |automatisierten )?[a-z-]*(?:system|server|plattform|programm|dienst|portal|anwendung)(?: [a-z0-9'-]+){0,2})?"));

    private GermanClauses() {
    }

    static ClauseGrammar grammar() {
        return new ClauseGrammar(Language.GERMAN,
                clause(WORDS,
                        "(?:%polite% )?(?:antworten|beantworten|reagieren|schreiben) sie (?:bitte |uns |daher |also )*(?:%dobj% |%obj% )?%neg%(?: %obj%| darauf| direkt| zuruck)*%please%",
                        "(?:%polite% )?(?:%dobj% |%obj% )?%neg% (?:%obj% |%dobj% |direkt )?(?:zu )?%verb%%objs%%please%",
                        "(?:sie )?(?:konnen|durfen|mussen|brauchen|sollten) (?:sie )?(?:%dobj% |%obj% )?(?:leider )?(?:nicht|keine|nie) (?:%obj% |%dobj% )?(?:zu )?%verb%",
                        "(?:%obj%|%dobj%) (?:konnen|durfen|brauchen|mussen|sollten) sie (?:leider )?(?:nicht|keine|nie) (?:zu )?(?:antworten|reagieren|beantworten)",
                        "(?:%dobj%|es|sie) (?:kann|konnen|darf|durfen) (?:leider )?(?:nicht|keinesfalls) (?:beantwortet|zuruckgeschrieben) werden",
                        "(?:%obj%|%dobj%|hierauf|darauf) (?:kann|darf|wird|konnen) (?:leider )?(?:nicht|keinesfalls|nie) (?:geantwortet|reagiert|zuruckgeschrieben) werden",
                        "(?:eine |die |jede |ihre )?(?:antwort|ruckantwort|beantwortung|reaktion|antworten)%objs% (?:ist|sind|wird) (?:leider )?(?:nicht (?:moglich|vorgesehen|erforderlich|notig|erwunscht|zulassig)|unmoglich|ausgeschlossen|zwecklos|nicht moglich)",
                        "(?:es ist )?(?:leider )?(?:nicht moglich|unmoglich|nicht erforderlich|nicht notig|nicht vorgesehen|zwecklos|nicht sinnvoll)(?: %obj%| %dobj%)*(?: zu)? (?:antworten|reagieren|beantworten)(?: %obj%)?",
                        "(?:%polite% )?(?:verwenden|nutzen|benutzen|klicken|drucken) sie (?:bitte )?(?:nicht|keinesfalls|nie) (?:auf )?(?:die )?(?:antwort(?:en)?-?funktion|funktion antworten|antworten-?(?:funktion|schaltflache|taste|button)|antworten)%objs%",
                        "(?:%polite% )?(?:senden|schicken) sie (?:uns )?(?:bitte )?keine (?:antwort|e-?mails?|nachrichten|ruckantwort|mails?)%objs%",
                        "(?:bitte )?(?:nicht|keine) (?:antworten|beantworten|antwort|ruckantwort)(?: moglich)?%please%|antwort(?:en)? nicht moglich|no-?reply"),
                clause(WORDS,
                        "%subject% (?:wird|werden|kann|konnen|ist|sind|wird daher|werden daher|wird leider|werden leider) (?:leider |daher |also )?(?:nicht|nie|niemals|keinesfalls) (?:mehr )?%part%(?: (?:und|oder|noch) %part%)?(?: werden)?(?: von (?:uns|unseren mitarbeitern|einem mitarbeiter|niemandem))?",
                        "%subject% (?:wird|werden) (?:automatisch )?(?:geloscht|verworfen|ignoriert|abgewiesen)(?: ohne gelesen zu werden)?",
                        "%subject% (?:bleiben|bleibt|werden|wird) (?:unbeantwortet|ungelesen|unbearbeitet|unberucksichtigt)",
                        "%subject% (?:erreichen|erreicht|kommen|kommt|gelangen|gelangt|gehen|geht) (?:uns |bei uns |niemanden )?(?:nicht|nie|leider nicht)(?: an| bei uns an| verloren| zu uns)?",
                        "%subject% (?:gehen|geht) verloren",
                        "niemand (?:liest|wird|bearbeitet|beantwortet|pruft|sieht|uberwacht)(?: (?:ihre|diese|dieses|die) [a-z-]+)?(?: (?:lesen|bearbeiten|beantworten))?",
                        "(?:(?:diese|dieses|die|das|unser|unsere)[a-z]? %adj%(?:%addr%) )?(?:kann|konnen|ist nicht in der lage) (?:leider )?(?:keine|nicht) (?:e-?mails|nachrichten|antworten|mails|zuschriften|post) (?:zu )?(?:empfangen|entgegennehmen|annehmen|verarbeiten)",
                        "(?:diese|dieses|die|das|unser|unsere|der)[a-z]? %adj%(?:%addr%) (?:dient|ist|wird|wurde) (?:nur|ausschliesslich|ausschließlich|lediglich|allein|einzig) (?:zum|fur den|dem|fur das|fur|als) (?:versand|versenden|verschicken|senden|ausgang|versandadresse)"
                                + "(?: von [a-z- ]+)?(?: (?:bestimmt|genutzt|verwendet|eingerichtet|vorgesehen))?",
                        "(?:diese|dieses) (?:%msg%) (?:wurde|wird|ist) (?:automatisch )?(?:von|uber|aus) einer? (?:reinen )?(?:versandadresse|no-?reply-?adresse|nicht uberwachten (?:adresse|e-?mail-?adresse|postfach|mailbox)|absenderadresse, die keine [a-z-]+ empfangen kann)(?: aus)? (?:%made%)?",
                        "wir (?:konnen|werden) (?:antworten|nachrichten|e-?mails|ihre antwort|ihre nachricht|zuschriften|ihre e-?mail|ruckfragen)(?: %obj%)? (?:leider )?(?:nicht|keine) (?:lesen|bearbeiten|beantworten|berucksichtigen|empfangen|entgegennehmen)",
                        "(?:dies ist |das ist |es handelt sich um )?(?:eine )?(?:reine )?(?:versandadresse|no-?reply-?adresse|nicht uberwachte (?:e-?mail-?)?adresse|nicht uberwachtes postfach|unbeaufsichtigtes postfach|nicht betreute (?:e-?mail-?)?adresse)"),
                clause(WORDS,
                        "(?:dies|das|es|hier|diese|dieses) (?:ist|war) (?:eine?|ein) (?:automatisch (?:%made%e|erzeugte) |automatische |automatisierte |maschinell (?:%made%e|erzeugte) |systemgenerierte |vom system (?:%made%e|erzeugte) )(?:%msg%)%agent%",
                        "(?:diese|dieses|die|das)[a-z]? (?:%msg%) (?:wurde|wird|ist) (?:ihnen )?(?:automatisch|maschinell|automatisiert|systemseitig|elektronisch)(?: %agent%)? (?:%made%|erstellt)(?: und (?:ist|wird) (?:daher )?(?:ohne unterschrift gultig|nicht unterschrieben))?",
                        "(?:diese|dieses|die|das)[a-z]? (?:%msg%) (?:wurde|wird) (?:ihnen )?(?:automatisch )?(?:von|durch|uber) (?:unserem|einem|dem|unser) [a-z-]*(?:system|server|plattform|programm|portal)(?: [a-z0-9'-]+){0,2} (?:automatisch )?(?:%made%)",
                        "(?:automatisch (?:%made%e|erzeugte)|automatische|automatisierte|systemgenerierte|maschinell (?:%made%e|erzeugte)) (?:%msg%)%agent%",
                        "(?:diese|dieses|die)[a-z]? (?:%msg%) (?:ist|wurde) (?:maschinell|automatisch) (?:%made%) und (?:ist )?(?:daher )?ohne unterschrift gultig"),
                opening("(?:danke|vielen dank|besten dank|herzlichen dank|danke fur ihr verstandnis|vielen dank fur ihr verstandnis|wir danken fur ihr verstandnis|wir bitten um ihr verstandnis|wir bitten um verstandnis"
                        + "|wir bitten sie|bitte|mit freundlichen grußen|mit freundlichen grussen|freundliche grusse)$"),
                opening("(?:achtung|wichtig|hinweis|bitte beachten sie|beachten sie|bitte beachten|ps|p\\.s|info|anmerkung|wichtiger hinweis|zur information|nb|n\\.b)$"),
                opening("wenn|falls|sofern|bevor|nachdem|bis|bei fragen|bei ruckfragen|fur (?:ruckfragen|fragen|weitere|alle|anliegen)|sollten sie|ausser|außer|auch wenn|solange|haben sie fragen"),
                opening("aber|sondern|ausser|außer|jedoch|doch|nur wenn|wenn|falls|bevor|nachdem|bis|solange"),
                ClauseGrammar.conjunctions("da|weil|denn|daher|deshalb|deswegen|darum|zumal", "und",
                        "diese|dieses|die|das|es|ihre|wir|niemand|antworten|nachrichten|kann|wird|werden|ist"),
                java.util.regex.Pattern.compile("(?:.* )?(?:nicht moglich|unmoglich|nicht vorgesehen|nicht erforderlich|nicht notig|nicht erwunscht|wir bitten sie|bitten wir sie|es wird gebeten|wir mochten sie bitten|sie werden gebeten|ich bitte sie|wir ersuchen sie)"));
    }
}
