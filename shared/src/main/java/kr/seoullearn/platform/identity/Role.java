package kr.seoullearn.platform.identity;

import java.util.Optional;

/** The roles of docs/product.md, each a Cognito group of the same name in template.yaml. */
public enum Role {
    APPLICANT("applicants"),
    LEARNER("learners"),
    MENTOR("mentors"),
    REVIEWER("reviewers"),
    DISTRICT_OFFICER("district-officers"),
    ADMIN("admins");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
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
