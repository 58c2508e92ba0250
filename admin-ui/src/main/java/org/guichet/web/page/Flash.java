package org.guichet.web.page;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The sentence a page shows after a form (post, redirect, get): a notice or an error, in the
 * reader's language, from the message bundles.
 */
@Component
public class Flash {

    private final MessageSource messages;

    Flash(MessageSource messages) {
        this.messages = messages;
    }

    public void notice(RedirectAttributes redirect, HttpServletRequest request, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", text(request, key, arguments));
    }

    public void error(RedirectAttributes redirect, HttpServletRequest request, String key, Object... arguments) {
        redirect.addFlashAttribute("error", text(request, key, arguments));
    }

    /** A bundle's text; without arguments it is taken as written, since MessageFormat would eat its apostrophes. */
    public String text(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, RequestContextUtils.getLocale(request));
    }
}
