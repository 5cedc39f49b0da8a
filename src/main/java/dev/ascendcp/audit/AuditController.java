package dev.ascendcp.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who did what, when (ADMIN)")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            summary = "List the audit trail, newest first",
            description = "Logins (successful and failed), user and token changes, inventory changes, jobs and "
                    + "host-key trusts.")
    PagedModel<AuditEvent> list(
            @Parameter(description = "Only this actor (a user name, or 'system')", example = "admin")
                    @RequestParam(required = false)
                    @Nullable
                    String actor,
            @Parameter(
                            description = "Only actions starting with this, e.g. 'login' or 'user.created'",
                            example = "login")
                    @RequestParam(required = false)
                    @Nullable
                    String action,
            @ParameterObject @PageableDefault(size = 50) Pageable pageable) {
        return new PagedModel<>(audit.list(actor, action, pageable));
    }
}
