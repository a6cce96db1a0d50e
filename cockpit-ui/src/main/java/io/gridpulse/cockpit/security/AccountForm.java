package io.gridpulse.cockpit.security;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account as an administrator fills it in, before it is checked: the same rules for a new account and a change.
 * Null stands for a field left empty.
 *
 * @param department a department code ({@code civil_affairs} ...), or null
 */
public record AccountForm(String name, String role, String scope, String department) {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    /** One problem with the form: the field, and the translation key of why ({@code users.problem.*}). */
    public record Problem(String field, String key) {
    }

    /** What checking gives: the user, or every problem of the form. */
    public record Checked(CockpitUser user, List<Problem> problems) {
        public boolean ok() {
            return user != null;
        }
    }

    /** Whether a sign-in name is well formed: letters (Chinese too), digits, '.', '_', '-', up to 64. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Checks the form for an administrator.
     *
     * @param admin    who fills it in: an account may only be given an area inside theirs
     * @param region   the region the area must be in
     * @param taken    names already used (for a new account; empty for a change)
     */
    public Checked check(CockpitUser admin, Region region, Set<String> taken) {
        var problems = new ArrayList<Problem>();
        var trimmedName = name == null ? "" : name.strip();
        if (!isName(trimmedName)) {
            problems.add(new Problem("name", "users.problem.name"));
        } else if (taken.stream().anyMatch(t -> t.equalsIgnoreCase(trimmedName))) {
            problems.add(new Problem("name", "users.problem.name-taken"));
        }
        var chosenRole = role == null ? java.util.Optional.<Role>empty() : Role.ofWireName(role);
        if (chosenRole.isEmpty()) {
            problems.add(new Problem("role", "users.problem.role"));
        }
        var area = AreaCode.parse(scope == null ? "" : scope.strip());
        if (area.isEmpty() || region.area(area.get()).isEmpty()) {
            problems.add(new Problem("scope", "users.problem.scope"));
        } else if (!admin.canSee(area.get())) {
            problems.add(new Problem("scope", "users.problem.scope-outside"));
        }
        var dept = department == null || department.isBlank() ? null : department.strip();
        if (dept != null && Departments.parse(dept).isEmpty()) {
            problems.add(new Problem("department", "users.problem.department"));
        } else if (dept == null && chosenRole.orElse(null) == Role.DEPARTMENT_HEAD) {
            problems.add(new Problem("department", "users.problem.department-needed"));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new CockpitUser(trimmedName, chosenRole.get(), area.get(), dept), List.of());
    }
}
