package kr.seoullearn.shared.profile;

/** PRODUCT.md: DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED (may resubmit). */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED
}
