package dev.ascendcp.users;

import java.security.SecureRandom;

/** Strong random passwords for the first admin. */
final class GeneratedPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {}

    /** 24 characters of a 57-letter alphabet: about 140 bits. */
    static String strong() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
