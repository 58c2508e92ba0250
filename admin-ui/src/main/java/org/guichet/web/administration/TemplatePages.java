package org.guichet.web.administration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.administration.LetterTemplate;
import org.guichet.administration.LetterTemplates;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/templates}: the acknowledgements' templates as the node read them at start, the
 * shipped ones and those a file of the template folder replaces, for every service and for one.
 * They are files, edited where the nodes read them (see docs/acknowledgement.md); the page only shows them.
 */
@Controller
@ConditionalOnRole(Role.WEB)
class TemplatePages {

    private final LetterTemplates templates;

    TemplatePages(LetterTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/admin/templates")
    String templates(Model model) {
        Map<String, List<LetterTemplate>> byService = templates.list().stream()
                .collect(Collectors.groupingBy(LetterTemplate::service, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("byService", byService);
        return "admin-templates";
    }
}
