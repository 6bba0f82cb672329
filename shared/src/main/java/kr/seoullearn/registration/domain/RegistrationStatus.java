package kr.seoullearn.registration.domain;

/** PRODUCT.md: DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED (may resubmit). */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED
}
