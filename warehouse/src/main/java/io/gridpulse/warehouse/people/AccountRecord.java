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
 * @param totpSealed         the second factor's TOTP secret, sealed; empty when none is set up
 * @param totpStep           the time step of the last code accepted, 0 before the first
 * @param changedBy          who made the last change ({@code bootstrap} for the environment's first users)
 */
public record AccountRecord(String name, String role, String scope, String department, String passwordHash,
                            boolean disabled, boolean mustChangePassword, String totpSealed, long totpStep, String changedBy,
                            Instant changedAt) {
    public AccountRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        department = department == null ? "" : department;
        Objects.requireNonNull(passwordHash, "passwordHash");
        totpSealed = totpSealed == null ? "" : totpSealed;
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The same account with another password hash and must-change flag, changed by someone at a time. */
    public AccountRecord withPassword(String hash, boolean mustChange, String by, Instant at) {
        return new AccountRecord(name, role, scope, department, hash, disabled, mustChange, totpSealed, totpStep, by, at);
    }

    /** The same account with another role, scope and department. */
    public AccountRecord withGrant(String newRole, String newScope, String newDepartment, String by, Instant at) {
        return new AccountRecord(name, newRole, newScope, newDepartment, passwordHash, disabled, mustChangePassword, totpSealed,
                totpStep, by, at);
    }

    /** The same account, disabled or enabled. */
    public AccountRecord withDisabled(boolean isDisabled, String by, Instant at) {
        return new AccountRecord(name, role, scope, department, passwordHash, isDisabled, mustChangePassword, totpSealed, totpStep,
                by, at);
    }

    /** The same account with another second factor (empty: none) and last accepted step. */
    public AccountRecord withSecondFactor(String sealed, long step, String by, Instant at) {
        return new AccountRecord(name, role, scope, department, passwordHash, disabled, mustChangePassword, sealed, step, by, at);
    }
}
