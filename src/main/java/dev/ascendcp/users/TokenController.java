package dev.ascendcp.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for automation; a token acts as its creator")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(
            summary = "Create an API token",
            description = "The answer is the only time the token is shown; use it as 'Authorization: Bearer <token>'.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = "{\"name\":\"ci-pipeline\"}"))))
    @ApiResponse(responseCode = "201", description = "Created; the token is in the body, once")
    @ApiResponse(responseCode = "409", description = "You already have a token of that name")
    ResponseEntity<CreatedTokenResponse> create(
            @Valid @RequestBody TokenRequest request, Authentication authentication) {
        CreatedTokenResponse created = tokens.create(authentication.getName(), request);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping
    @Operation(summary = "List your API tokens", description = "Newest first, without their secrets.")
    PagedModel<TokenResponse> list(
            @ParameterObject @PageableDefault(size = 50) Pageable pageable, Authentication authentication) {
        return new PagedModel<>(tokens.list(authentication.getName(), pageable));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your API tokens")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "You have no token of that id")
    void revoke(@PathVariable UUID id, Authentication authentication) {
        tokens.revoke(authentication.getName(), id);
    }
}
