package dev.ascendcp.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
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
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Who may log in, and with which role (ADMIN)")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    @Operation(
            summary = "Create a user",
            description = "The password (12-72 characters) is stored hashed and never returned.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            value = "{\"username\":\"alice\","
                                                                    + "\"password\":\"correct-horse-battery\","
                                                                    + "\"role\":\"OPERATOR\"}"))))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "A user of that name exists")
    ResponseEntity<UserResponse> create(@Valid @RequestBody UserRequest request) {
        UserResponse created = users.create(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "List users", description = "Ordered by user name.")
    PagedModel<UserResponse> list(@ParameterObject @PageableDefault(size = 50) Pageable pageable) {
        return new PagedModel<>(users.list(pageable));
    }

    @GetMapping("/{username}")
    @Operation(summary = "Get one user")
    @ApiResponse(responseCode = "404", description = "No such user")
    UserResponse get(@PathVariable String username) {
        return users.get(username);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user", description = "Also revokes the user's API tokens.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such user")
    @ApiResponse(responseCode = "409", description = "The last ADMIN, or yourself")
    void delete(@PathVariable String username, Authentication authentication) {
        users.delete(username, authentication.getName());
    }
}
