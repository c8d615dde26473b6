package dev.slipway.platform.console;

import dev.slipway.platform.system.ConflictException;
import dev.slipway.platform.system.InvalidRequestException;
import dev.slipway.platform.system.NotFoundException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A button's action on a console page: it runs, then the browser is sent back to the page (post, redirect,
 * get), which shows what happened as a notice, or why it could not happen as an error.
 */
final class Actions {

    private Actions() {
    }

    /**
     * @param page   where to go back to; {@code {name}}-style variables are the request's path variables
     * @param action what to do; returns the notice to show
     */
    static String run(RedirectAttributes flash, String page, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (ConflictException | InvalidRequestException | NotFoundException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + page;
    }
}
