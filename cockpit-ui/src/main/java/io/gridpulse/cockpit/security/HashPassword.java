package io.gridpulse.cockpit.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code ./gridpulse hash-password}: the hash of a password for a {@code GP_COCKPIT_USERS} entry (the first
 * administrator of an installation), asked twice without echo on a terminal, or read from one line of standard input.
 * It must meet the same rule as a password chosen in the cockpit.
 */
public final class HashPassword {
    private HashPassword() {}

    public static void main(String[] args) throws IOException {
        String password;
        var console = System.console();
        if (console != null && console.isTerminal()) {
            password = new String(console.readPassword("password: "));
            var again = new String(console.readPassword("again:    "));
            if (!password.equals(again)) {
                System.err.println("the two passwords differ");
                System.exit(2);
            }
        } else {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            password = in.readLine();
        }
        var weak = Passwords.weaknesses(password, null);
        if (!weak.isEmpty()) {
            System.err.println("too weak: at least " + Passwords.MIN_LENGTH
                    + " characters, with three of lower case, upper case, digits and other signs");
            System.exit(2);
        }
        System.out.println(Passwords.hash(password));
    }
}
