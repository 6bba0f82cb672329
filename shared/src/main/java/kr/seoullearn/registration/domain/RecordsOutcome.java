package kr.seoullearn.registration.domain;

/** What the eligibility registry answers. */
public enum RecordsOutcome {
    /** The records show the applicant is eligible: no documents needed for that category. */
    VERIFIED,
    /** The applicant is not in the records: documents decide. */
    NOT_FOUND,
    /** The records exist but cannot decide (e.g. above the income line, out of date): documents decide. */
    NEEDS_DOCUMENTS
}
