package kr.seoullearn.platform.identity;

import java.util.Optional;

/** The roles of docs/product.md, each a Cognito group of the same name in template.yaml. */
public enum Role {
    APPLICANT("applicants"),
    LEARNER("learners"),
    MENTOR("mentors"),
    REVIEWER("reviewers"),
    DISTRICT_OFFICER("district-officers"),
    ADMIN("admins"),
    /** Runs the catalogue every tenant shares (providers and courses); staff of the operating body. */
    CATALOGUE_OPERATOR("catalogue-operators");

    /** The staff roles: they open certificates or run stock and catalogue, so sign in with a second factor. */
    public static final java.util.Set<Role> STAFF = java.util.EnumSet.of(REVIEWER, DISTRICT_OFFICER, ADMIN, CATALOGUE_OPERATOR);

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public boolean isStaff() {
        return STAFF.contains(this);
    }

    public static Optional<Role> fromGroup(String group) {
        for (Role role : values()) {
            if (role.group.equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
