package org.guichet.gateway.notice;

import static org.guichet.gateway.notice.ClauseGrammar.clause;
import static org.guichet.gateway.notice.ClauseGrammar.opening;

import java.util.Map;

import org.guichet.gateway.language.Language;

/** Dutch notices: "Gelieve niet te antwoorden op deze e-mail", "Dit e-mailadres wordt niet gelezen"… */
final class DutchClauses {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("msg", "(?:e-?mail(?:bericht)?|bericht|mail(?:tje|bericht)?|notificatie|melding|mededeling|brief|sms|boodschap|herinnering|bevestiging)"),
            Map.entry("addr", "(?:e-?mailadres|mailadres|e-?mail adres|adres|e-?mailbox|mailbox|postvak(?: in)?|afzender(?:sadres)?|inbox|e-?mailaccount|account|nummer)"),
            Map.entry("adj", "(?:automatische |automatisch (?:gegenereerde|verzonden|verstuurde|aangemaakte) |informatieve |elektronische |no-?reply |uitgaande )?"),
            Map.entry("dobj", "(?:(?:deze|dit|het|de|die|onderstaande|bovenstaande) %adj%(?:%msg%|%addr%))"),
            Map.entry("obj", "(?:(?:op|naar|aan|via|vanaf) %dobj%|hierop|daarop|erop|hier op|daar op|aan de afzender|via (?:deze|dit) (?:weg|kanaal)|per (?:kerende|omgaande) (?:post|mail)"
                    + "|rechtstreeks|direct|hier|via e-?mail|per e-?mail)"),
            Map.entry("objs", "(?: %obj%){0,3}"),
            Map.entry("please", "(?: (?:a\\.?u\\.?b\\.?|aub|alstublieft|alsjeblieft|svp|s\\.v\\.p\\.?|dus|bedankt|dank u|dus ook))*"),
            Map.entry("polite", "(?:gelieve|wij vragen u|we vragen u|wij vragen je|we vragen je|wij verzoeken u|we verzoeken u|u wordt verzocht|u wordt gevraagd|je wordt gevraagd"
                    + "|graag|vriendelijk verzoek(?: om)?|wij willen u vragen|we willen je vragen|mogen wij u vragen|wij verzoeken u vriendelijk|wij vragen u vriendelijk"
                    + "|wij raden u aan|we raden je aan|het verzoek is)"),
            Map.entry("verbinf", "(?:(?:te )?(?:antwoorden|beantwoorden|reageren|terug te schrijven|terugschrijven)|een (?:antwoord|reactie) te (?:sturen|versturen|zenden))"),
            Map.entry("neg", "(?:niet|nooit|geenszins)"),
            Map.entry("part", "(?:gelezen|behandeld|gecontroleerd|bekeken|beantwoord|opgevolgd|bewaakt|verwerkt|geraadpleegd|beheerd|bemand|bemensd|ontvangen|in behandeling genomen"
                    + "|doorgestuurd|afgeleverd|geopend|geraadpleegd|gelezen of beantwoord|gelezen noch beantwoord|gelezen of behandeld|nagekeken|gevolgd|verwerkt)"),
            Map.entry("subject", "(?:(?:(?:uw|je|alle|eventuele|de|elk|elke|een|ieder|iedere|geen) )?(?:antwoorden|antwoord|reacties|reactie|berichten|e-?mails|mails|replies|vragen)"
                    + "(?: (?:gestuurd|verzonden|verstuurd))?(?: %obj%)?|(?:dit|deze|het|ons) %adj%(?:%addr%)(?: van de afzender)?)"),
            Map.entry("made", "(?:gegenereerd|verzonden|verstuurd|aangemaakt|gestuurd|opgesteld|gemaakt|samengesteld|uitgestuurd|gecreeerd)"),
            Map.entry("agent", "(?: (?:door|via|vanuit|uit) (?:een|ons|het|onze|de) ?(?:automatisch |geautomatiseerd )?(?:systeem|computersysteem|server|platform|applicatie|toepassing|computer|programma|dienst)(?: [a-z0-9'-]+){0,3})?"));

    private DutchClauses() {
    }

    static ClauseGrammar grammar() {
        return new ClauseGrammar(Language.DUTCH,
                clause(WORDS,
                        "(?:%polite% )?(?:(?:u|je|om) )?(?:%dobj% |%obj% |er |hier )?%neg% (?:rechtstreeks |direct |meer )?(?:%obj% |%dobj% )?(?:op |erop |hierop )?%verbinf%%objs%%please%",
                        "(?:a\\.?u\\.?b\\.? |aub |alstublieft |graag )?(?:antwoord|reageer|beantwoord|antwoordt|reageert|stuur|schrijf|reply)%please%(?: %dobj%| %obj%)?%please% %neg%(?: %obj%| terug)*%please%",
                        "(?:u|je|jij|men) (?:kunt|kan|mag|moet|hoeft|hoef|kunnen|dient) (?:%dobj% |%obj% )?(?:niet|geen|nooit) (?:meer )?(?:%obj% |%dobj% )?(?:op |erop |hierop )?%verbinf%%objs%%please%",
                        "%obj% (?:kunt|kan|mag|moet|hoeft|dient) (?:u|je) (?:niet|geen|nooit) (?:te )?(?:antwoorden|reageren|beantwoorden)",
                        "(?:het is )?(?:niet mogelijk|onmogelijk|niet de bedoeling|niet nodig|overbodig|zinloos|nutteloos|niet toegestaan) (?:om )?(?:%obj% |%dobj% )?%verbinf%%objs%",
                        "(?:antwoorden|reageren|een antwoord|een reactie|beantwoorden|terugschrijven)%objs% (?:is|zijn|heeft) (?:niet mogelijk|onmogelijk|niet de bedoeling|niet nodig|geen zin|zinloos|niet toegestaan)",
                        "%dobj% (?:kan|kunt|mag|kunnen) (?:niet|nooit) (?:worden beantwoord|beantwoord worden|gebruikt worden om te antwoorden)",
                        "(?:%obj%|er) (?:kan|mag|wordt|kan er|mag er) (?:niet|nooit) (?:worden geantwoord|geantwoord worden|worden gereageerd|gereageerd worden|geantwoord|gereageerd)",
                        "(?:stuur|verstuur|zend|verzend) (?:geen|nooit een) (?:antwoord|reactie|e-?mail|bericht|mail)(?:%objs%)",
                        "(?:gebruik|druk) (?:niet|nooit) (?:op )?(?:de )?(?:knop |functie |toets )?(?:antwoorden|beantwoorden|reply)(?: knop| functie)?%objs%",
                        "(?:niet|nooit) (?:antwoorden|beantwoorden|reageren)%please%|geen antwoord (?:mogelijk|sturen)%please%|no-?reply"),
                clause(WORDS,
                        "%subject% (?:wordt|worden|zal|zullen|kan|kunnen|is|zijn|wordt dus|worden dus) (?:helaas )?(?:niet|nooit|geenszins|dus niet|helaas niet) (?:meer )?(?:worden |te worden )?%part%(?: (?:of|en|noch) %part%)?(?: worden)?(?: (?:door (?:ons|onze medewerkers|een medewerker|iemand|onze diensten|ons team)))?",
                        "%subject% (?:komt|komen|belandt|belanden|gaat|gaan) (?:niet|nooit) (?:aan|bij ons (?:aan|terecht)|bij een medewerker (?:aan|terecht)|terecht|verder)",
                        "%subject% (?:wordt|worden) (?:automatisch )?(?:verwijderd|genegeerd|vernietigd|geweigerd)(?: zonder (?:te worden gelezen|gelezen te worden))?",
                        "%subject% (?:blijft|blijven|worden|wordt) (?:onbeantwoord|ongelezen|zonder gevolg|zonder antwoord|niet behandeld)",
                        "niemand (?:leest|zal|bekijkt|beantwoordt|behandelt|controleert|ontvangt|leest dus|kijkt)(?: (?:uw|je|dit|deze|het|de|naar) [a-z-]+)?(?: (?:lezen|bekijken|beantwoorden|behandelen|na))?",
                        "(?:(?:dit|deze|het|ons) %adj%(?:%addr%) )?(?:kan|kunnen|is niet in staat om) (?:geen|niet) (?:berichten|e-?mails|mails|antwoorden|reacties|post) (?:ontvangen|verwerken|aannemen|te ontvangen|te verwerken)",
                        "(?:dit|deze|het|ons) %adj%(?:%addr%) (?:wordt|is|dient) (?:enkel|alleen|uitsluitend|slechts|louter) (?:gebruikt |bedoeld |bestemd |ingesteld )?(?:voor|om|als) (?:het )?(?:verzenden|versturen|uitsturen|verzending|verzendadres|te verzenden|te versturen)"
                                + "(?: van (?:berichten|e-?mails|mails|meldingen|notificaties|informatie|automatische berichten))?(?: te (?:verzenden|versturen))?",
                        "(?:dit|deze|het) (?:%msg%) (?:werd|is|wordt) (?:automatisch )?(?:%made%) (?:vanaf|van|via|door|uit) (?:een|ons|het) (?:no-?reply|noreply|niet-bewaakt|onbewaakt|niet bewaakt|niet-gecontroleerd|uitgaand|verzend|niet gecontroleerd)[a-z-]* ?(?:e-?mail)?(?:adres|mailbox|account|e-?mailadres)?"
                                + "(?: (?:dat|die|waarop) (?:geen|niet) (?:berichten|antwoorden|e-?mails|reacties|mails)? ?(?:kan|kunnen|worden) (?:ontvangen|verwerken|gelezen))?",
                        "(?:wij|we) (?:kunnen|zullen|gaan|lezen|beantwoorden|behandelen) (?:niet|geen)(?: (?:reageren|antwoorden) op)? (?:antwoorden|reacties|berichten|e-?mails|mails)(?: %obj%)?(?: (?:lezen|beantwoorden|behandelen))?",
                        "(?:wij|we) (?:kunnen|zullen) (?:uw|je|deze|eventuele) (?:antwoord|antwoorden|reactie|reacties|bericht|berichten|e-?mail|e-?mails)(?: %obj%)? (?:niet|nooit) (?:lezen|behandelen|beantwoorden|ontvangen|verwerken)",
                        "(?:dit is een )?(?:no-?reply|noreply|niet-bewaakt|onbewaakt|niet bewaakt|verzend|uitgaand)[- ]?(?:adres|e-?mailadres|mailbox|postvak|e-?mail)"),
                clause(WORDS,
                        "(?:dit|het|deze) (?:is|was) een (?:automatisch(?:e)? (?:%made%e? )?|automatisch %made%e |geautomatiseerd(?:e)? )(?:%msg%)%agent%",
                        "(?:dit|deze|het|de) (?:%msg%)(?: (?:van|met) [a-z0-9'-]+)? (?:werd|is|wordt|werd u|is u|wordt u) (?:automatisch|geautomatiseerd|machinaal|elektronisch automatisch)(?: (?:%made%|toegestuurd|bezorgd))?%agent%(?: (?:%made%|toegestuurd))?",
                        "(?:dit|deze|het) (?:%msg%) (?:werd|is|wordt) (?:%made%) (?:door|via|vanuit) (?:een|ons|het) (?:automatisch |geautomatiseerd )?(?:systeem|computersysteem|computer|programma)(?: [a-z0-9'-]+){0,3}",
                        "(?:automatisch (?:%made%)e? |automatische |geautomatiseerde )(?:%msg%)%agent%",
                        "(?:dit is een )?automatisch bericht"),
                opening("(?:bedankt|dank u(?: wel)?|dank je(?: wel)?|alvast bedankt|bedankt voor uw begrip|dank voor uw begrip|wij danken u voor uw begrip|a\\.?u\\.?b\\.?|aub|alstublieft|svp|s\\.v\\.p\\.?|met vriendelijke groet(?:en)?)$"),
                opening("(?:opgelet|let op|belangrijk|opmerking|nb|n\\.b|ps|p\\.s|info|attentie|waarschuwing|mededeling|herinnering|ter info|ter informatie)$"),
                opening("als|indien|tenzij|wanneer|zodra|voor (?:vragen|meer|al uw|alle|verdere)|bij vragen|heeft u (?:vragen|een vraag)|hebt u|mocht u|voordat|nadat|behalve|ook al|zolang"),
                opening("maar|behalve|tenzij|echter|doch|alleen als|enkel als|als|indien|voordat|nadat|zolang|tot"),
                ClauseGrammar.conjunctions("want|omdat|aangezien|daar|dus|daarom|vermits", "en",
                        "dit|deze|het|uw|je|wij|we|niemand|antwoorden|reacties|kan|kunt|wordt|worden|is|u"),
                java.util.regex.Pattern.compile("(?:.* )?(?:niet mogelijk|onmogelijk|wij vragen u|we vragen u|wij verzoeken u|gelieve|het verzoek is)"));
    }
}
