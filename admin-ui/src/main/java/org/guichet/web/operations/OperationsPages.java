package org.guichet.web.operations;

import org.guichet.dns.MailDomains;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.queue.QueueOperations;
import org.guichet.submitter.Submitter;
import org.guichet.submitter.Submitters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /operations}: the queue's depth by state, and the way to the other operations pages. */
@Controller
@ConditionalOnRole(Role.WEB)
record OperationsPages(QueueOperations queue, Submitters submitters, MailDomains domains) {

    @GetMapping("/operations")
    String overview(Model model) {
        var all = submitters.list();
        model.addAttribute("depth", queue.depth());
        model.addAttribute("submitters", all.size());
        model.addAttribute("enabledSubmitters", all.stream().filter(Submitter::enabled).count());
        model.addAttribute("domains", domains.domains());
        return "operations/overview";
    }
}
