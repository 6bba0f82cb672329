package kr.seoullearn.registration.domain;

/**
 * A document's life: the upload URL is issued (AWAITING_UPLOAD); "finalise" checks what arrived
 * and either accepts it (VERIFIED, or SCANNING while the malware scan has not answered in AWS)
 * or refuses it with a problem code (REJECTED, the object deleted).
 */
public enum DocumentStatus {
    AWAITING_UPLOAD, SCANNING, VERIFIED, REJECTED
}
