package kr.seoullearn.laptops.domain;

/**
 * How far an overdue loan has been escalated, by the days since its due date (Asia/Seoul):
 * first a reminder to the borrower, after a week a task on the district officer's list, after a
 * month the tenant's admins see it too. Each stage keeps the earlier ones going.
 */
public enum OverdueStage {
    /** 1–6 days overdue: the borrower is reminded. */
    REMINDER,
    /** 7–29 days: the district officer follows it up. */
    OFFICER,
    /** 30 days and more: on the admins' list. */
    ADMIN;

    public static final int OFFICER_AFTER_DAYS = 7;
    public static final int ADMIN_AFTER_DAYS = 30;

    /** The stage of a loan {@code daysOverdue} days past its due date (at least 1). */
    public static OverdueStage of(long daysOverdue) {
        if (daysOverdue < 1) {
            throw new IllegalArgumentException("not overdue");
        }
        return daysOverdue >= ADMIN_AFTER_DAYS ? ADMIN : daysOverdue >= OFFICER_AFTER_DAYS ? OFFICER : REMINDER;
    }
}
