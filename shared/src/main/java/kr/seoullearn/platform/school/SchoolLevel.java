package kr.seoullearn.platform.school;

/** Where a young person is in education; programmes say which levels they serve. */
public enum SchoolLevel {
    ELEMENTARY(6), MIDDLE(3), HIGH(3), NOT_IN_SCHOOL(0), ADULT(0);

    private final int grades;

    SchoolLevel(int grades) {
        this.grades = grades;
    }

    /** Number of grades (0 when the level has none). */
    public int grades() {
        return grades;
    }
}
