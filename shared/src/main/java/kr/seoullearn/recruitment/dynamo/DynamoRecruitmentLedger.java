package kr.seoullearn.recruitment.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Recruitment in the application table (keys: {@link RecruitmentKeys}): the port, over one class per kind of record. */
final class DynamoRecruitmentLedger implements RecruitmentLedger {
    private final RulesRecords rules;
    private final RoundRecords rounds;
    private final ApplicationRecords applications;
    private final Selections selections;
    private final RenewalRecords renewals;
    private final NominationRecords nominations;

    DynamoRecruitmentLedger(DynamoDbClient dynamo, String table, MentorOnboarding onboarding,
                            kr.seoullearn.registration.port.RetentionDue retention, kr.seoullearn.privacy.port.ConsentRecords consents) {
        TransactionRunner transactions = new TransactionRunner(dynamo);
        this.rules = new RulesRecords(dynamo, table);
        this.rounds = new RoundRecords(dynamo, table);
        this.applications = new ApplicationRecords(dynamo, table, retention, consents);
        this.selections = new Selections(table, transactions, onboarding, applications, retention);
        this.renewals = new RenewalRecords(dynamo, table, transactions, onboarding);
        this.nominations = new NominationRecords(dynamo, table, transactions);
    }

    @Override
    public Optional<RecruitmentRules> rules(TenantId tenant, LocalDate date) {
        return rules.inForce(tenant, date);
    }

    @Override
    public void saveRules(RecruitmentRules r) {
        rules.save(r);
    }

    @Override
    public void createRound(Round round) {
        rounds.create(round);
    }

    @Override
    public Optional<StoredRound> createRoundOnce(Round round, String fingerprint) {
        return rounds.createOnce(round, fingerprint);
    }

    @Override
    public Optional<Round> round(TenantId tenant, String roundId) {
        return rounds.find(tenant, roundId);
    }

    @Override
    public List<Round> rounds(TenantId tenant) {
        return rounds.all(tenant);
    }

    @Override
    public void submit(MentorApplication application, kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance acceptance) {
        applications.submit(application, acceptance);
    }

    @Override
    public Optional<MentorApplication> application(TenantId tenant, String roundId, String userId) {
        return applications.find(tenant, roundId, userId);
    }

    @Override
    public List<MentorApplication> applicationsOf(TenantId tenant, String userId) {
        return applications.of(tenant, userId);
    }

    @Override
    public List<MentorApplication> applications(TenantId tenant, String roundId) {
        return applications.ofRound(tenant, roundId);
    }

    @Override
    public Optional<String[]> document(TenantId tenant, String userId, String documentId) {
        return applications.document(tenant, userId, documentId);
    }

    @Override
    public MentorApplication score(MentorApplication a, Map<String, Integer> scores, String by, long expectedVersion) {
        return applications.score(a, scores, by, expectedVersion);
    }

    @Override
    public MentorApplication select(MentorApplication a, Mentor mentor, LocalDate termStarts, String by, Instant at) {
        return selections.select(a, mentor, termStarts, by, at);
    }

    @Override
    public MentorApplication reject(MentorApplication a, String reason, String by, Instant at) {
        return applications.reject(a, reason, by, at);
    }

    @Override
    public Renewal requestRenewal(TenantId tenant, String mentorId, LocalDate termEnds, Instant at) {
        return renewals.request(tenant, mentorId, termEnds, at);
    }

    @Override
    public Optional<Renewal> renewal(TenantId tenant, String mentorId, LocalDate termEnds) {
        return renewals.find(tenant, mentorId, termEnds);
    }

    @Override
    public List<Renewal> pendingRenewals(TenantId tenant) {
        return renewals.pending(tenant);
    }

    @Override
    public Renewal decideRenewal(Renewal r, boolean approve, LocalDate newTermEnds, LocalDate newReadUntil, String by, Instant at) {
        return renewals.decide(r, approve, newTermEnds, newReadUntil, by, at);
    }

    @Override
    public boolean nominate(kr.seoullearn.recruitment.domain.Nomination nomination, kr.seoullearn.notifications.domain.Notice invitation) {
        return nominations.nominate(nomination, invitation);
    }

    @Override
    public Optional<kr.seoullearn.recruitment.domain.Nomination> nomination(TenantId tenant, String roundId, String emailKey, Instant now) {
        return nominations.find(tenant, roundId, emailKey, now);
    }

    @Override
    public boolean linkNomination(TenantId tenant, String roundId, String emailKey, String code, String userId, Instant now) {
        return nominations.link(tenant, roundId, emailKey, code, userId, now);
    }

    @Override
    public void recordNominationImport(TenantId tenant, String importId, String roundId, Map<String, String> counts, String by,
                                       Instant at) {
        nominations.recordImport(tenant, importId, roundId, counts, by, at);
    }
}
