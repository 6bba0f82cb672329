package kr.seoullearn.registration.domain;

/** docs/product.md: DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED (may resubmit). */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED
}
