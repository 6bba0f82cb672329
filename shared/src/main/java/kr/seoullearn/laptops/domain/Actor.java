package kr.seoullearn.laptops.domain;

/**
 * Who made a change, as the audit trail records it: the account id (a Cognito sub, never a
 * name) and the capacity they acted in; {@link #SYSTEM} for approvals the queue made.
 */
public record Actor(String userId, Kind kind) {
    public enum Kind { LEARNER, OFFICER, ADMIN, SYSTEM }

    public static final Actor SYSTEM = new Actor("system", Kind.SYSTEM);
}
