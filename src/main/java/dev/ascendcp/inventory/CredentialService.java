package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import dev.ascendcp.ssh.PrivateKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and deletes SSH credentials; secrets are encrypted before they reach the database. */
@Service
class CredentialService {

    private final CredentialRepository credentials;
    private final NodeRepository nodes;
    private final SecretCipher cipher;
    private final RequestValidator validator;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    CredentialService(
            CredentialRepository credentials,
            NodeRepository nodes,
            SecretCipher cipher,
            RequestValidator validator,
            AuditLog audit) {
        this.credentials = credentials;
        this.nodes = nodes;
        this.cipher = cipher;
        this.validator = validator;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Page<CredentialResponse> list(Pageable pageable) {
        return credentials.findAll(pageable).map(CredentialResponse::of);
    }

    @Transactional(readOnly = true)
    CredentialResponse get(UUID id) {
        return CredentialResponse.of(find(id));
    }

    @Transactional
    CredentialResponse create(CredentialRequest request) {
        validator.check(request);
        checkKindMatchesSecrets(request);
        if (credentials.existsByName(request.name())) {
            throw InventoryException.conflict("duplicate-name", "name", "is already used by another credential");
        }
        Credential credential;
        if (request.kind() == CredentialKind.PRIVATE_KEY) {
            String key = String.valueOf(request.privateKey());
            char[] passphrase =
                    empty(request.passphrase()) ? null : request.passphrase().toCharArray();
            PrivateKeys.KeyInfo info = inspect(key, passphrase);
            credential = new Credential(
                    request.name(), request.username(), request.kind(), cipher.encrypt(key), Instant.now(clock));
            String storedPassphrase = info.encrypted() ? cipher.encrypt(String.valueOf(request.passphrase())) : null;
            credential.describeKey(info.algorithm(), info.fingerprint(), storedPassphrase);
        } else {
            credential = new Credential(
                    request.name(),
                    request.username(),
                    request.kind(),
                    cipher.encrypt(String.valueOf(request.password())),
                    Instant.now(clock));
        }
        credentials.save(credential);
        audit.record(
                "credential.create",
                "credential:" + credential.getName(),
                "kind=" + credential.getKind() + " username=" + credential.getUsername()
                        + (credential.getPublicKeyFingerprint() == null
                                ? ""
                                : " key=" + credential.getPublicKeyFingerprint()));
        return CredentialResponse.of(credential);
    }

    @Transactional
    void delete(UUID id) {
        Credential credential = find(id);
        List<String> users = nodes.namesUsingCredential(id);
        if (!users.isEmpty()) {
            throw InventoryException.conflict(
                    "credential-in-use",
                    "id",
                    "is used by node(s) " + String.join(", ", users.subList(0, Math.min(10, users.size())))
                            + (users.size() > 10 ? " and " + (users.size() - 10) + " more" : ""));
        }
        credentials.delete(credential);
        audit.record("credential.delete", "credential:" + credential.getName(), null);
    }

    Credential find(UUID id) {
        return credentials.findById(id).orElseThrow(() -> InventoryException.notFound("credential", id));
    }

    private static PrivateKeys.KeyInfo inspect(String key, char @Nullable [] passphrase) {
        try {
            return PrivateKeys.inspect(key, passphrase);
        } catch (PrivateKeys.InvalidPrivateKeyException e) {
            throw InventoryException.invalid(
                    List.of(new FieldProblem(e.problem().field(), e.problem().message())));
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static void checkKindMatchesSecrets(CredentialRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.kind() == CredentialKind.PRIVATE_KEY) {
            if (empty(request.privateKey())) {
                problems.add(new FieldProblem("privateKey", "is required for kind PRIVATE_KEY"));
            }
            if (!empty(request.password())) {
                problems.add(new FieldProblem("password", "must be empty for kind PRIVATE_KEY"));
            }
        } else {
            if (empty(request.password())) {
                problems.add(new FieldProblem("password", "is required for kind PASSWORD"));
            }
            if (!empty(request.privateKey()) || !empty(request.passphrase())) {
                problems.add(new FieldProblem(
                        empty(request.privateKey()) ? "passphrase" : "privateKey", "must be empty for kind PASSWORD"));
            }
        }
        if (!problems.isEmpty()) {
            throw InventoryException.unprocessable("credential-kind", problems);
        }
    }

    private static boolean empty(@Nullable String value) {
        return value == null || value.isEmpty();
    }
}
