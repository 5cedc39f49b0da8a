package dev.ascendcp.inventory;

import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages for credentials. Secret inputs are write-only: a page never shows or re-fills them. */
@Controller
class CredentialPages {

    private static final String[] SECRETS = {"privateKey", "passphrase", "password"};

    private final CredentialService credentials;

    CredentialPages(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/credentials")
    String list(Model model) {
        model.addAttribute("credentials", credentials.list(PageRequest.of(0, 500, Sort.by("name"))));
        return "credentials/list";
    }

    @GetMapping("/credentials/new")
    String newCredential(Model model) {
        model.addAttribute("form", Map.of("kind", "PRIVATE_KEY"));
        model.addAttribute("errors", Map.of());
        return "credentials/form";
    }

    @PostMapping("/credentials")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(params);
        String kind = values.text("kind");
        try {
            CredentialResponse created = credentials.create(new CredentialRequest(
                    values.text("name"),
                    values.text("username"),
                    "PASSWORD".equals(kind) ? CredentialKind.PASSWORD : CredentialKind.PRIVATE_KEY,
                    params.getFirst("privateKey") == null
                                    || params.getFirst("privateKey").isBlank()
                            ? null
                            : params.getFirst("privateKey"),
                    emptyToNull(params.getFirst("passphrase")),
                    emptyToNull(params.getFirst("password"))));
            redirect.addFlashAttribute("flash", "Credential " + created.name() + " created.");
            return "redirect:/credentials";
        } catch (InventoryException e) {
            model.addAttribute("form", values.echo(SECRETS));
            model.addAttribute("errors", FormValues.errors(e.errors()));
            return "credentials/form";
        }
    }

    @PostMapping("/credentials/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            String name = credentials.get(id).name();
            credentials.delete(id);
            redirect.addFlashAttribute("flash", "Credential " + name + " deleted.");
        } catch (InventoryException e) {
            redirect.addFlashAttribute("flash", "Not deleted: " + NodePages.message(e));
        }
        return "redirect:/credentials";
    }

    private static @org.jspecify.annotations.Nullable String emptyToNull(
            @org.jspecify.annotations.Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
