package dev.ascendcp.inventory;

/** How a credential authenticates: an SSH private key (optionally with a passphrase) or a password. */
public enum CredentialKind {
    PRIVATE_KEY,
    PASSWORD
}
