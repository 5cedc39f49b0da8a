package dev.ascendcp.users;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ADMIN page {@code /users}: users, and the current user's API tokens. */
@Controller
@RequestMapping("/users")
class UsersPageController {

    private static final String VIEW = "users/list";

    private final UserService users;
    private final TokenService tokens;

    UsersPageController(UserService users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model, Authentication authentication) {
        return page(model, authentication, new UserRequest("", "", Role.VIEWER), Map.of());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") UserRequest form,
            BindingResult binding,
            Model model,
            Authentication authentication,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(
                    error.getField(), error.isBindingFailure() ? "has an invalid value" : error.getDefaultMessage());
        }
        if (errors.isEmpty()) {
            try {
                users.create(form);
                redirect.addFlashAttribute("flash", "Created user " + form.username() + ".");
                return "redirect:/users";
            } catch (InvalidPasswordException e) {
                errors.put("password", e.reason());
            } catch (UserConflictException e) {
                errors.put("username", String.valueOf(e.getBody().getDetail()));
            }
        }
        return page(model, authentication, new UserRequest(form.username(), "", form.role()), errors);
    }

    @PostMapping("/{username}/delete")
    String delete(@PathVariable String username, Authentication authentication, RedirectAttributes redirect) {
        try {
            users.delete(username, authentication.getName());
            redirect.addFlashAttribute("flash", "Deleted user " + username + ".");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("flash", e.getBody().getDetail());
        }
        return "redirect:/users";
    }

    /** Shows the new token in the answer itself, once; it is never stored in the session. */
    @PostMapping("/tokens")
    String createToken(
            @ModelAttribute("tokenName") String name,
            Model model,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("flash", "A token needs a name of 1 to 100 characters.");
            return "redirect:/users";
        }
        try {
            model.addAttribute("newToken", tokens.create(authentication.getName(), new TokenRequest(name)));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("flash", e.getBody().getDetail());
            return "redirect:/users";
        }
        return page(model, authentication, new UserRequest("", "", Role.VIEWER), Map.of());
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
        try {
            tokens.revoke(authentication.getName(), id);
            redirect.addFlashAttribute("flash", "Revoked the token.");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("flash", e.getBody().getDetail());
        }
        return "redirect:/users";
    }

    private String page(Model model, Authentication authentication, UserRequest form, Map<String, String> errors) {
        model.addAttribute("users", users.list(PageRequest.of(0, 500)).getContent());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("me", authentication.getName());
        try {
            model.addAttribute(
                    "tokens",
                    tokens.list(authentication.getName(), PageRequest.of(0, 200))
                            .getContent());
        } catch (UserNotFoundException e) {
            model.addAttribute("tokens", java.util.List.of()); // e.g. a user configured outside the database
        }
        return VIEW;
    }
}
