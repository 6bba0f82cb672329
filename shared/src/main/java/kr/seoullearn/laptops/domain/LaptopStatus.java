package kr.seoullearn.laptops.domain;

/**
 * docs/product.md: REQUESTED → APPROVED → READY_FOR_PICKUP → LOANED → RETURNED, or REJECTED /
 * CANCELLED. REQUESTED is a place in the district's queue; APPROVED and READY_FOR_PICKUP hold
 * a reserved unit; LOANED is a unit in the learner's hands.
 */
public enum LaptopStatus {
    REQUESTED, APPROVED, READY_FOR_PICKUP, LOANED, RETURNED, REJECTED, CANCELLED;

    /** Active: counts as the learner's one request or loan. */
    public boolean active() {
        return this != RETURNED && this != REJECTED && this != CANCELLED;
    }

    /** Holds a unit taken from the district's stock but not handed over yet. */
    public boolean reserves() {
        return this == APPROVED || this == READY_FOR_PICKUP;
    }
}
