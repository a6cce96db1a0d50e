package io.gridpulse.cockpit.security;

import io.gridpulse.model.area.AreaCode;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in person: name, role, the area they answer for (their scope; every area inside it is
 * theirs, nothing outside) and optionally their department (民政, 医保 ...).
 *
 * @param name       the sign-in name
 * @param role       what they may do
 * @param scope      the area whose data they may see
 * @param department the department they belong to, or null
 */
public record CockpitUser(String name, Role role, AreaCode scope, String department) implements Serializable {

    public CockpitUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        if (department != null && department.isBlank()) {
            department = null;
        }
        if (department != null && !department.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException(name + "'s department must be a department code as the cases carry it"
                    + " (civil_affairs, health, medical_security ...), got \"" + department + "\"");
        }
        if (role == Role.DEPARTMENT_HEAD && department == null) {
            // without one the department filter would let the head read every case of the area
            throw new IllegalArgumentException(name + " is a department head and needs a department code");
        }
    }

    public boolean may(Permission permission) {
        return role.may(permission);
    }

    /** Whether this area is the user's scope or lies inside it. */
    public boolean canSee(AreaCode area) {
        return scope.contains(area);
    }

    /** The area when the user may see it; empty for a malformed code or one outside the scope. */
    public Optional<AreaCode> visible(String areaCode) {
        return AreaCode.parse(areaCode).filter(this::canSee);
    }

    public Optional<String> departmentName() {
        return Optional.ofNullable(department);
    }

    /**
     * The department whose alerts this user is shown when a page asks for {@code asked} (a URL's {@code ?dept=}):
     * a user with a department always gets their own, whatever was asked, so that a parameter never widens
     * nor moves their view; anyone else gets the asked department when it is one of the known departments, or null
     * (every department, and the alerts that belong to none) when nothing, something unknown or something malformed was
     * asked: a parameter must not make live queries of its own for every made-up code.
     */
    public String alertDepartment(String asked) {
        if (department != null) {
            return department;
        }
        return Departments.known(asked).orElse(null);
    }
}
