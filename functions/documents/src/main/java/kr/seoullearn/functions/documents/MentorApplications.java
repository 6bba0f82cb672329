package kr.seoullearn.functions.documents;

import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port to mentor recruitment that a reviewer's read URL needs: whether a mentor applicant's
 * document (enrolment proof, transcript) belongs to one of their applications still under review
 * (SUBMITTED, not yet selected or declined). In production, recruitment's ledger (one Query of
 * the person's partition); see {@link DocumentsBeans}.
 */
@FunctionalInterface
public interface MentorApplications {

    boolean underReview(TenantId tenant, String userId, String documentId);
}
