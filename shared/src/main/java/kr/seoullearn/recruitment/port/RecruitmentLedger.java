package kr.seoullearn.recruitment.port;

import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port to recruitment's records (docs/data-model.md, "Mentor recruitment"). Every change that
 * guards an invariant is one conditional write or one transaction; refusals come back as
 * {@link kr.seoullearn.platform.http.ProblemException}s and write nothing.
 */
public interface RecruitmentLedger {

    /** The rules in force on a (Seoul) date: one Query, newest first. */
    Optional<RecruitmentRules> rules(TenantId tenant, LocalDate date);

    void saveRules(RecruitmentRules rules);

    /** Creates a round (never replaces one). */
    void createRound(Round round);

    /** A round as stored with the fingerprint of the request that created it (none for rounds created without a key). */
    record StoredRound(Round round, String fingerprint) {}

    /**
     * Creates a round under the id an Idempotency-Key made, keeping the request's fingerprint, in
     * one conditional write. When a round of that id exists (the key was used before) nothing is
     * written and that round is returned with its fingerprint; empty when it was created now.
     */
    Optional<StoredRound> createRoundOnce(Round round, String fingerprint);

    Optional<Round> round(TenantId tenant, String roundId);

    /** The tenant's rounds, newest first (one Query of the index). */
    List<Round> rounds(TenantId tenant);

    /**
     * Files an application (one per person and round) and records the applicant's acceptance of
     * the privacy notice in the same transaction (docs/adr/0037): both or neither.
     */
    void submit(MentorApplication application, kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance acceptance);

    Optional<MentorApplication> application(TenantId tenant, String roundId, String userId);

    /** A person's applications in every round (one Query of their partition). */
    List<MentorApplication> applicationsOf(TenantId tenant, String userId);

    /** A round's applications, in the order they arrived (one Query of the index). */
    List<MentorApplication> applications(TenantId tenant, String roundId);

    /** A document's kind and status if the person has it: {@code ["TRANSCRIPT", "VERIFIED"]}. */
    Optional<String[]> document(TenantId tenant, String userId, String documentId);

    /** Records a reviewer's scores if nobody changed the application since {@code expectedVersion}. */
    MentorApplication score(MentorApplication application, Map<String, Integer> scores, String by, long expectedVersion);

    /**
     * Selects an applicant in one transaction: the round's {@code selected < target} (and +1),
     * the application SUBMITTED (now SELECTED, with who and when), the mentor profile written.
     */
    MentorApplication select(MentorApplication application, Mentor mentor, LocalDate termStarts, String by, Instant at);

    /** Declines a SUBMITTED application with a reason. */
    MentorApplication reject(MentorApplication application, String reason, String by, Instant at);

    // terms
    /** Asks for another term; one request per term. */
    Renewal requestRenewal(TenantId tenant, String mentorId, LocalDate termEnds, Instant at);

    Optional<Renewal> renewal(TenantId tenant, String mentorId, LocalDate termEnds);

    /** Pending renewals of the tenant, oldest first. */
    List<Renewal> pendingRenewals(TenantId tenant);

    /**
     * Decides a pending renewal; approving moves the mentor's term end and read access in the
     * same transaction, on condition that the term is still the one renewed.
     */
    Renewal decideRenewal(Renewal renewal, boolean approve, LocalDate newTermEnds, LocalDate newReadUntil, String by, Instant at);

    // nominations (docs/adr/0042)
    /**
     * Writes the nomination and its invitation's outbox item in one transaction unless the round
     * has a nomination of that address: true when written now, false when it was there (nothing written).
     */
    boolean nominate(kr.seoullearn.recruitment.domain.Nomination nomination, kr.seoullearn.notifications.domain.Notice invitation);

    /** The round's nomination of an address (by its key), unless it expired by {@code now}. */
    Optional<kr.seoullearn.recruitment.domain.Nomination> nomination(TenantId tenant, String roundId, String emailKey, Instant now);

    /** Marks the nomination as taken up by {@code userId} if {@code code} is its secret and it has not expired. */
    boolean linkNomination(TenantId tenant, String roundId, String emailKey, String code, String userId, Instant now);

    /** The audit entry of one nominations file: counts only. */
    void recordNominationImport(TenantId tenant, String importId, String roundId, Map<String, String> counts, String by, Instant at);
}
