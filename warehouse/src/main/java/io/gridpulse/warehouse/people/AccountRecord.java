package io.gridpulse.warehouse.people;

import java.time.Instant;
import java.util.Objects;

/**
 * One cockpit account as it is kept: who, with which role over which area, the password's hash, and the last change.
 *
 * @param role               the role's configuration name ({@code leader}, {@code watcher} ...)
 * @param scope              the area code the user answers for
 * @param department         the department code, or empty
 * @param passwordHash       {@code pbkdf2$iterations$salt$hash}
 * @param disabled           whether the account may no longer sign in (it is kept, for the audit trail)
 * @param mustChangePassword whether the next sign-in must choose a new password (a new account, a reset)
 * @param changedBy          who made the last change ({@code bootstrap} for the environment's first users)
 */
public record AccountRecord(String name, String role, String scope, String department, String passwordHash,
                            boolean disabled, boolean mustChangePassword, String changedBy, Instant changedAt) {
    public AccountRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        department = department == null ? "" : department;
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
