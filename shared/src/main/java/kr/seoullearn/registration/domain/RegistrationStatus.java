package kr.seoullearn.registration.domain;

/** docs/product.md: DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED (may resubmit); APPROVED → EXPIRED (may apply again). */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED,
    /** The participation ended (programme year over, age limit, left school): may apply again, docs/adr/0041. */
    EXPIRED
}
