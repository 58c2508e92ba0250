package org.guichet.gateway.notice;

import static org.guichet.gateway.notice.ClauseGrammar.clause;
import static org.guichet.gateway.notice.ClauseGrammar.opening;

import java.util.Map;

import org.guichet.gateway.language.Language;

/** French notices: « Merci de ne pas répondre à ce courriel », « Toute réponse restera sans suite »… */
final class FrenchClauses {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("msg", "(?:message|mail|e-?mail|courriel|courrier(?: electronique)?|mel|notification|avis|envoi|sms|alerte"
                    + "|communication|correspondance|information|rappel|confirmation)"),
            Map.entry("msgs", "(?:messages?|reponses?|courriels?|e-?mails?|mails?|courriers?|demandes?|correspondances?)"),
            Map.entry("addr", "(?:adresse(?: (?:e-?mail|mail|electronique|de messagerie|courriel|d'envoi|d'expedition|de l'expediteur|d'origine))?"
                    + "|boite(?: (?:aux lettres(?: electronique)?|mail|e-?mail|de messagerie|de reception|d'envoi))?|messagerie|expediteur|emetteur)"),
            Map.entry("adj", "(?: (?:automatique|automatise|d'information|de notification|electronique|genere automatiquement"
                    + "|envoye automatiquement|d'alerte|de confirmation|de rappel|d'envoi|d'expedition|ci-dessus|que vous (?:venez de )?recevez"
                    + "|que vous avez recue?|recue?|present))*"),
            Map.entry("this", "(?:ce|cet|cette|ce present|le present|la presente|le|la|l' ?)"),
            Map.entry("obj", "(?:(?:a|au|a la|a l' ?) ?(?:(?:ce|cet|cette|ce present|present|presente) )?(?:%msg%|%addr%)%adj%"
                    + "|par (?:retour(?: de (?:%msg%|courrier))?|%msg%|le biais de (?:ce|cette) %msg%|ce (?:biais|canal|moyen))"
                    + "|en retour|directement|a l'expediteur|(?:via|depuis|sur|a|par) cette (?:%addr%|adresse)|via ce %msg%|a nos services)"),
            Map.entry("objs", "(?: %obj%){0,3}"),
            Map.entry("trail", "(?: (?:directement|s'il vous plait|svp|s\\.v\\.p|merci|surtout|donc|en aucun cas|sous aucun pretexte))*"),
            Map.entry("polite", "(?:merci|nous vous remercions|je vous remercie|on vous remercie|nous vous prions|je vous prie|nous vous demandons"
                    + "|on vous demande|il vous est demande|il est demande|priere|veuillez|nous vous invitons a|vous etes prie(?:e|es|s)?"
                    + "|nous vous saurions gre|nous vous serions reconnaissants|vous etes invite(?:e|es|s)?|nous vous conseillons|il est conseille)"),
            Map.entry("verb", "(?:(?:y |nous |lui )?(?:repondre|reagir|donner suite|apporter de reponse|faire (?:de )?reponse|renvoyer (?:de |un )?%msg%"
                    + "|ecrire|envoyer (?:de |un )?(?:%msg%|reponse))"
                    + "|utiliser (?:la fonction|le bouton|l'option|la touche|la commande|la fonctionnalite) ?(?:repondre|reponse)"
                    + "|cliquer sur (?:repondre|le bouton repondre))(?: de votre (?:messagerie|logiciel de messagerie|boite(?: mail| aux lettres)?|client de messagerie))?"),
            Map.entry("imperative", "(?:(?:ne|n') ?(?:y |nous |lui )?(?:repondez|reagissez|ecrivez|renvoyez|envoyez|faites|donnez|cliquez|utilisez)"
                    + "|n'y repondez|n'y reagissez|n'utilisez|n'envoyez|n'ecrivez)"),
            Map.entry("never", "(?:pas|jamais|surtout pas|plus|en aucun cas pas)"),
            Map.entry("part", "(?:lue?s?|traitee?s?|consultee?s?|prises? en (?:compte|consideration|charge)|recue?s?|examinee?s?|ouvertes?"
                    + "|acheminee?s?|transmises?|delivree?s?|distribuee?s?|suivie?s?|relevee?s?|surveillee?s?|exploitee?s?|honoree?s?"
                    + "|recevables?|vue?s?|repondu(?:e|es|s)?|gere(?:e|es|s)?|lue?s? ni traitee?s?|lue?s? ou traitee?s?)"),
            Map.entry("by", "(?: par (?:nos services|nos agents|un agent|personne|le service|nos equipes|nos conseillers|un conseiller|un humain|quiconque))?"),
            Map.entry("subject", "(?:(?:votre|toute|aucune|les|vos|toutes les|d'eventuelles|les eventuelles|chaque|la|une|tout|aucun|la moindre)"
                    + " (?:eventuelle |eventuel )?(?:reponses?|messages?|courriels?|e-?mails?|mails?|retours?)"
                    + "(?: (?:envoyee?s?|adressee?s?|faite?s?|transmise?s?|parvenue?s?|apportee?s?|que vous (?:enverrez|adresserez|feriez|pourriez faire|pourriez envoyer)))?"
                    + "(?: (?:a|au|aux|par|via|sur|en) (?:(?:ce|cet|cette|la|l'|le present|la presente|ce present) ?)?(?:%msg%|%addr%|biais|canal|moyen|retour)%adj%)?)"),
            Map.entry("auto", "(?:automatique(?:ment)?|automatise(?:e|es|s)?|genere automatiquement|envoye automatiquement)"),
            Map.entry("made", "(?:envoye|genere|emis|expedie|adresse|cree|transmis|produit|redige|edite|declenche|diffuse|etabli|realise)(?:e|es|s)?"),
            Map.entry("agent", "(?: (?:par|depuis|via|a partir d'|d') ?(?:un|une|notre|le|la|nos|l' ?|votre) ?(?:systeme|serveur|service|plateforme|application"
                    + "|robot|automate|logiciel|outil|programme|procedure|traitement|teleservice|site|espace|gestionnaire|module)(?: [a-z0-9'-]+){0,4})?"));

    private FrenchClauses() {
    }

    static ClauseGrammar grammar() {
        return new ClauseGrammar(Language.FRENCH,
                clause(WORDS,
                        "(?:%polite% (?:de |d' ?)?(?:bien vouloir )?)?(?:ne|n') ?%never% %verb%%objs%%trail%",
                        "(?:(?:s'il vous plait|svp|merci) )?%imperative% %never%(?: la fonction repondre)?%objs%%trail%(?: s'il vous plait| svp)?",
                        "(?:(?:il est|c'est|il serait|il est donc) )?(?:inutile|superflu|vain) (?:de |d' ?)(?:y )?(?:repondre|nous repondre|reagir)%objs%",
                        "(?:il |cela )?n'est (?:pas|donc pas) (?:utile|necessaire|possible|prevu|permis) (?:de |d' ?)(?:y )?(?:repondre|nous repondre|reagir)%objs%",
                        "(?:il )?ne (?:vous )?(?:sera|est) pas possible (?:de |d' ?)(?:y )?(?:repondre|reagir)%objs%",
                        "(?:il )?(?:est|sera|vous sera|vous est) impossible (?:de |d' ?)(?:y )?(?:repondre|reagir)%objs%",
                        "(?:vous |on )?ne (?:pouvez|pourrez|devez|sauriez|pouvez donc|pourriez) (?:pas|en aucun cas) (?:y )?(?:repondre|reagir|nous repondre)%objs%",
                        "(?:vous n'avez pas besoin|vous n'avez nul besoin|pas besoin|nul besoin|aucun besoin) (?:de |d' ?)(?:y )?repondre%objs%",
                        "(?:%subject%|repondre%objs%) (?:n'est|ne sera|n'est donc) pas (?:possible|permis|prevu|autorise|necessaire|attendu)",
                        "aucune reponse (?:n'est|ne sera) (?:possible|acceptee|attendue|necessaire|requise)%objs%",
                        "(?:reponse|reponses) (?:impossible|non (?:autorisee|possible|acceptee)s?)",
                        "(?:pas de|aucune) reponse(?: %obj%)?(?: svp| s'il vous plait| merci)?",
                        "(?:ce|cet|cette|le present|la presente) (?:%msg%|%addr%)%adj% ne (?:peut|pourra|doit) pas (?:faire l'objet d'une reponse|recevoir de reponse|etre (?:utilisee?|repondu) pour (?:repondre|nous ecrire))"),
                clause(WORDS,
                        "%subject% (?:ne|n') ?(?:sera|seront|est|sont|pourra|pourront|peut|peuvent|saurait|sauraient|pourrait|pourraient|va|vont)"
                                + "(?: (?:pas|ni|plus|jamais|aucunement|en aucun cas|malheureusement pas|donc pas))? (?:etre )?%part%(?: (?:ni|et|ou) %part%)?%by%",
                        "%subject% (?:restera|resteront|demeurera|demeureront|sera|seront|reste|restent|demeure|demeurent) (?:donc |malheureusement )?"
                                + "(?:sans (?:suite|reponse|effet|traitement|lecture)|lettre morte|ignoree?s?|perdue?s?)",
                        "%subject% (?:sera|seront|est|sont) (?:automatiquement )?(?:ignoree?s?|perdue?s?|supprimee?s?|detruite?s?|rejetee?s?|refusee?s?|effacee?s?)"
                                + "(?: (?:sans (?:etre lue?s?|lecture)|automatiquement))?",
                        "%subject% (?:n'aboutira|n'aboutiront|n'arrivera|n'arriveront|ne (?:nous )?(?:parviendra|parviendront|parvient|parviennent)) (?:pas|jamais)(?: a (?:destination|nos services|un agent|personne|nos equipes))?",
                        "%subject% ne (?:recevra|recevront|donnera|donneront|fera|feront) (?:pas de|aucune|l'objet d'aucune) (?:reponse|suite)",
                        "personne ne (?:(?:le|la|les|vous|y|l') ?)?(?:lira|lit|consulte|consultera|traitera|traite|repondra|repond|releve|relevera|surveille|recevra|recoit|verra|voit|prendra connaissance)"
                                + "(?: (?:de )?(?:votre|vos|ce|cette|les|cet) (?:reponses?|messages?|courriels?|mails?|boite|adresse|e-?mails?))?(?: (?:a cette adresse|ici|dans cette boite))?",
                        "aucune (?:reponse|suite) ne (?:sera|peut etre|pourra etre|saurait etre|est) (?:apportee|donnee|faite|envoyee|reservee)(?: (?:aux|a vos|a|a votre) (?:messages?|courriels?|e-?mails?|reponses?|demandes?)(?: (?:envoye|adresse|transmis)e?s? (?:a|sur|via|par) (?:cette adresse|ce courriel|ce message|ce biais|ce canal))?)?",
                        "(?:aucun|aucune) (?:agent|conseiller|conseillere|operateur|collaborateur|interlocuteur|humain|personne|service) ne (?:(?:le|la|les|vous|y|l') ?)?(?:lira|lit|consulte|consultera|traitera|repondra|recevra|prendra connaissance)(?: (?:de )?(?:votre|vos) (?:reponses?|messages?))?",
                        "(?:(?:cette|l'|notre|la|votre) ?)?%addr%%adj% (?:n'est|ne sera|n'est plus|n'est jamais|n'est donc pas|ne peut (?:pas )?etre|est non|n'est malheureusement pas) (?:pas )?"
                                + "(?:consultee|surveillee|lue|relevee|traitee|geree|ouverte|active|suivie|exploitee|destinee a recevoir (?:de |des )?%msgs%|prevue pour recevoir (?:de |des )?%msgs%|en mesure de recevoir (?:de |des )?%msgs%)",
                        "(?:(?:(?:cette|l'|notre|la) ?)?%addr%%adj% )?(?:n'accepte|ne recoit|ne traite|ne gere|ne lit|ne prend) (?:pas|aucun|aucune|plus) (?:de |les |d' ?|en charge (?:les |de )?)?(?:%msgs%|retour|reponse)",
                        "(?:(?:(?:cette|l'|notre|la) ?)?%addr%%adj% )?ne (?:peut|permet|pourra|sait|permettra) (?:pas|plus) (?:de )?(?:recevoir|traiter|lire|accepter|prendre en compte) (?:de |des |les |aucun |aucune |d' ?|vos )?(?:%msgs%|reponse)",
                        "(?:(?:cette|l'|notre|la) ?)?%addr%%adj% (?:est|sert) (?:une adresse |un expediteur )?(?:utilisee |reservee |dediee |destinee |prevue |configuree |employee )?(?:uniquement |seulement |exclusivement |purement )?"
                                + "(?:(?:a|pour) l'(?:envoi|emission|expedition)|d'envoi|d'expedition|de diffusion|a (?:la diffusion|l'expedition|envoyer)|pour (?:l'envoi|envoyer|diffuser)|technique|automatique)"
                                + "(?: (?:de|des|d') ?(?:%msgs%|notifications|informations|messages automatiques|alertes|envois))?(?: (?:automatiques|uniquement|seulement|exclusivement))*",
                        "(?:ceci est|il s'agit d'|c'est|nous utilisons) ?une (?:adresse|boite)(?: (?:e-?mail|mail|electronique))? (?:non (?:surveillee|consultee|relevee|lue)|d'envoi(?: uniquement| seulement)?|d'expedition(?: uniquement| seulement)?|automatique|technique|de non-reponse|(?:no-?reply|noreply|ne pas repondre))",
                        "(?:ce|cet|cette|le present|la presente|il|elle) (?:%msg% )?(?:vous )?(?:a ete|est|vous a ete|vous est) %made% (?:automatiquement )?(?:par|depuis|a partir d'|d'|via) ?une (?:adresse|boite)(?: (?:e-?mail|mail|electronique))?"
                                + " (?:qui ne (?:peut|permet|pourra|sait) (?:pas )?(?:de )?recevoir (?:de |les |aucun |aucune |d' ?)?%msgs%|ne permettant pas (?:de )?recevoir (?:de |les |d' ?)?%msgs%"
                                + "|(?:non|qui n'est pas) (?:surveillee|consultee|relevee|lue)|(?:d'envoi|d'expedition|technique|automatique|de notification)(?: (?:uniquement|seulement))?"
                                + "|(?:qui n'accepte|n'acceptant) (?:pas|aucun|aucune) (?:de |les )?%msgs%)",
                        "nous ne (?:pourrons|pouvons|serons|sommes|saurions|pourrions|lisons|traitons|consultons|repondons) (?:pas|plus|malheureusement pas|donc pas) (?:en mesure (?:de |d' ?))?"
                                + "(?:repondre|donner suite|traiter|lire|prendre en compte|recevoir|consulter)?(?: (?:a|aux|a vos|vos|les|a votre|votre|a la|la|les eventuelles)? ?(?:reponses?|messages?|courriels?|e-?mails?|mails?|demandes?))?"
                                + "(?: (?:envoye|adresse|recu|transmis|fait)e?s? (?:a|par|via|sur|en) (?:cette adresse|ce biais|ce canal|ce moyen|ce message|ce courriel|ce mail|retour(?: de (?:courriel|mail))?))?(?: %obj%)?",
                        "(?:adresse|boite(?: aux lettres)?|messagerie|boite mail) (?:non (?:surveillee|consultee|relevee|lue)|d'envoi uniquement)",
                        "(?:les )?reponses (?:ne sont pas lues|non (?:lues|traitees|surveillees|consultees))"),
                clause(WORDS,
                        "(?:ceci est|c'est|il s'agit d'|voici|ce %msg% est|ce courrier est|cet e-?mail est|cette notification est|ce mail est) ?(?:un|une) %msg%"
                                + "(?: (?:d'information|de notification|de confirmation|d'alerte|de rappel|electronique|de service))?(?: %auto%| %made% %auto%| %auto% %made%)%agent%",
                        "(?:ceci est|c'est|il s'agit d'|voici) ?(?:un|une) (?:envoi|notification|message|courriel|mail|alerte|reponse|accuse de reception) (?:%auto%|%made% %auto%)%agent%",
                        "(?:ce|cet|cette|ce present|le present|la presente|il|elle|celui-ci|celle-ci|ceci)(?: %msg%(?: (?:d'information|de notification|de confirmation|d'alerte|de rappel|electronique))?)? (?:vous )?"
                                + "(?:est|a ete|vous a ete|vous est|est ici|a donc ete|est donc|vous parvient|est edite|vous est transmis) (?:(?:%made% )?%auto%(?: %made%)?|de (?:maniere|facon) automatique)%agent%",
                        "(?:ce|cet|cette|le present|la presente) %msg% (?:vous )?(?:est|a ete) %made% (?:par|depuis|via) (?:un|une|notre|le|la) (?:systeme|robot|automate|serveur|logiciel|automatisme|traitement automatise)(?: [a-z0-9'-]+){0,3}",
                        "(?:%msg%|envoi|notification|alerte|reponse)(?: (?:d'information|de notification|de confirmation|d'alerte))? (?:%auto%|%made% %auto%)(?: (?:de notification|d'information|de confirmation))?%agent%",
                        "(?:ce|cet|cette) %msg% (?:est )?%auto%%agent%",
                        "(?:ce|cet|cette) %msg% (?:est|a ete) %made% (?:par|depuis) (?:un|une) (?:adresse|systeme|serveur|robot) (?:automatique|technique|d'envoi)"),
                opening("(?:merci(?: (?:d'avance|de votre comprehension|pour votre comprehension|beaucoup|par avance))?|nous vous remercions (?:de|pour) votre comprehension"
                        + "|(?:s'il vous plait|svp|s\\.v\\.p)|cordialement|bien cordialement|bonne journee)$"),
                opening("(?:attention|important|rappel|remarque|nb|n\\.b|note|a noter|avertissement|information|info|pour information|ps|p\\.s|precision|avis|mention|en outre|par ailleurs)$"),
                opening("si|sauf|lorsque|lorsqu'|quand|avant|apres|des que|en cas|pour toute|pour tout|pour vos|pour nous|pour (?:une|un) (?:question|demande)|meme si|a moins|sinon|tant que|a partir"),
                opening("mais|sauf|excepte|hormis|sinon|a moins|toutefois|cependant|neanmoins|pourtant|en revanche|seulement si|uniquement si|si|avant|apres|tant que|jusqu"),
                ClauseGrammar.conjunctions("car|puisque|parce que|parce qu'|en effet|c'est pourquoi|etant donne que|vu que|donc|aussi",
                        "et", "cette|cet|ce|la|les|l'|il|elle|vos|votre|toute|aucune|aucun|nous|personne|ne|n'|ni|sera|seront"),
                java.util.regex.Pattern.compile("(?!)"));
    }
}
