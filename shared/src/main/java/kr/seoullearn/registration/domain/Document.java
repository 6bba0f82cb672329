package kr.seoullearn.registration.domain;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One verification document of an applicant: what was declared when the upload URL was issued,
 * where the file is ({@code s3Key}, a random key under the applicant's prefix — never the file
 * name), and what the check of the arrived file found. The file name is not kept: it can hold
 * personal data.
 *
 * @param size       bytes that arrived (null until finalised)
 * @param s3VersionId the object version that was checked (null until finalised, or in an
 *                   unversioned bucket): reviewers read exactly that version, not a later
 *                   PUT through a still-valid upload URL
 * @param reason     the problem code when REJECTED
 * @param expiresAt  TTL: the upload's 7 days until checked; once VERIFIED the undecided backstop, then 30 days after the decision (docs/adr/0038)
 */
public record Document(
        TenantId tenant,
        String userId,
        String documentId,
        DocumentKind kind,
        DocumentContentType contentType,
        long declaredSize,
        Long size,
        String s3Key,
        String s3VersionId,
        DocumentStatus status,
        String reason,
        Instant createdAt,
        Instant finalisedAt,
        Instant expiresAt) {

    /** This document after a check of what arrived. */
    public Document settled(DocumentStatus newStatus, Long arrivedSize, String versionId, String newReason, Instant at,
                            Instant newExpiresAt) {
        return new Document(tenant, userId, documentId, kind, contentType, declaredSize, arrivedSize, s3Key, versionId,
                newStatus, newReason, createdAt, at, newExpiresAt);
    }
}
