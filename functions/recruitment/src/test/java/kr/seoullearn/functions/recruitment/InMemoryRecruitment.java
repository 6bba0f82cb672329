package kr.seoullearn.functions.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/** In-memory recruitment records and mentors, for the service's unit tests (one tenant; conditions checked in Java). */
final class InMemoryRecruitment implements RecruitmentLedger, MentorOnboarding {
    final List<RecruitmentRules> rules = new ArrayList<>();
    final Map<String, Round> rounds = new HashMap<>();
    final Map<String, MentorApplication> applications = new HashMap<>();
    final Map<String, Renewal> renewals = new HashMap<>();
    final Map<String, MentorTerm> mentors = new HashMap<>();

    final Map<String, kr.seoullearn.recruitment.domain.Nomination> nominations = new java.util.concurrent.ConcurrentHashMap<>();
    final List<kr.seoullearn.notifications.domain.Notice> invitations = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Map<String, String>> nominationImports = new java.util.concurrent.CopyOnWriteArrayList<>();

    // ---- RecruitmentLedger

    @Override
    public synchronized boolean nominate(kr.seoullearn.recruitment.domain.Nomination n, kr.seoullearn.notifications.domain.Notice invitation) {
        if (nominations.putIfAbsent(n.roundId() + "/" + n.emailKey(), n) != null) {
            return false;
        }
        invitations.add(invitation);
        return true;
    }

    @Override
    public Optional<kr.seoullearn.recruitment.domain.Nomination> nomination(TenantId tenant, String roundId, String emailKey, Instant now) {
        return Optional.ofNullable(nominations.get(roundId + "/" + emailKey)).filter(n -> n.expiresAt().isAfter(now));
    }

    @Override
    public synchronized boolean linkNomination(TenantId tenant, String roundId, String emailKey, String code, String userId, Instant now) {
        var n = nomination(tenant, roundId, emailKey, now).orElse(null);
        if (n == null || !n.code().equals(code) || (n.appliedBy() != null && !n.appliedBy().equals(userId))) {
            return false;
        }
        nominations.put(roundId + "/" + emailKey, new kr.seoullearn.recruitment.domain.Nomination(n.tenant(), n.roundId(), n.emailKey(),
                n.name(), n.email(), n.university(), n.subjects(), n.language(), n.code(), n.nominatedBy(), n.nominatedAt(),
                n.expiresAt(), userId));
        return true;
    }

    @Override
    public void recordNominationImport(TenantId tenant, String importId, String roundId, Map<String, String> counts, String by,
                                       Instant at) {
        nominationImports.add(counts);
    }

    @Override
    public Optional<RecruitmentRules> rules(TenantId tenant, LocalDate date) {
        return rules.stream().filter(r -> r.tenant().equals(tenant) && r.inForceOn(date)).findFirst();
    }

    @Override
    public void saveRules(RecruitmentRules r) {
        rules.add(r);
    }

    @Override
    public void createRound(Round round) {
        rounds.putIfAbsent(round.id(), round);
    }

    private final java.util.Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<StoredRound> createRoundOnce(Round round, String fingerprint) {
        Round old = rounds.putIfAbsent(round.id(), round);
        if (old == null) {
            fingerprints.put(round.id(), fingerprint);
            return Optional.empty();
        }
        return Optional.of(new StoredRound(old, fingerprints.getOrDefault(round.id(), "")));
    }

    @Override
    public Optional<Round> round(TenantId tenant, String roundId) {
        return Optional.ofNullable(rounds.get(roundId));
    }

    @Override
    public List<Round> rounds(TenantId tenant) {
        return List.copyOf(rounds.values());
    }

    @Override
    public void submit(MentorApplication a, kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance acceptance) {
        if (applications.putIfAbsent(a.roundId() + "/" + a.userId(), a) != null) {
            throw new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_EXISTS);
        }
    }

    @Override
    public Optional<MentorApplication> application(TenantId tenant, String roundId, String userId) {
        return Optional.ofNullable(applications.get(roundId + "/" + userId));
    }

    @Override
    public List<MentorApplication> applicationsOf(TenantId tenant, String userId) {
        return applications.values().stream().filter(a -> a.userId().equals(userId)).toList();
    }

    @Override
    public List<MentorApplication> applications(TenantId tenant, String roundId) {
        return applications.values().stream().filter(a -> a.roundId().equals(roundId)).toList();
    }

    @Override
    public Optional<String[]> document(TenantId tenant, String userId, String documentId) {
        return Optional.empty();
    }

    @Override
    public MentorApplication score(MentorApplication a, Map<String, Integer> scores, String by, long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MentorApplication select(MentorApplication a, Mentor mentor, LocalDate termStarts, String by, Instant at) {
        Round round = rounds.get(a.roundId());
        if (round == null || round.full()) {
            throw new ProblemException(RecruitmentRefusal.ROUND_FULL);
        }
        MentorApplication current = applications.get(a.roundId() + "/" + a.userId());
        if (current.status() != MentorApplication.Status.SUBMITTED) {
            throw new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_DECIDED);
        }
        rounds.put(round.id(), new Round(round.tenant(), round.id(), round.name(), round.opensOn(), round.closesOn(), round.target(),
                round.selected() + 1, round.criteria(), round.createdBy(), round.createdAt()));
        MentorApplication selected = new MentorApplication(a.tenant(), a.roundId(), a.userId(), a.username(), a.name(), a.university(),
                a.programme(), a.year(), a.schoolType(), a.enrolmentState(), a.birthDate(), a.lastGrade(), a.subjects(), a.levels(),
                a.languages(), a.availability(), a.commitmentSemesters(), a.mode(), a.statement(), a.formerLearner(),
                a.educationMajor(), a.enrolmentDocumentId(), a.transcriptDocumentId(), MentorApplication.Status.SELECTED, a.scores(),
                a.scoredBy(), by, at, null, a.submittedAt(), a.version() + 1);
        applications.put(a.roundId() + "/" + a.userId(), selected);
        mentors.put(mentor.userId(), new MentorTerm(mentor.userId(), mentor.name(), mentor.termEnds(), mentor.readUntil()));
        return selected;
    }

    @Override
    public MentorApplication reject(MentorApplication a, String reason, String by, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Renewal requestRenewal(TenantId tenant, String mentorId, LocalDate termEnds, Instant at) {
        Renewal r = new Renewal(tenant, mentorId, termEnds, Renewal.PENDING, at, null, null);
        if (renewals.putIfAbsent(mentorId + "/" + termEnds, r) != null) {
            throw new ProblemException(RecruitmentRefusal.RENEWAL_NOT_OPEN);
        }
        return r;
    }

    @Override
    public Optional<Renewal> renewal(TenantId tenant, String mentorId, LocalDate termEnds) {
        return Optional.ofNullable(renewals.get(mentorId + "/" + termEnds));
    }

    @Override
    public List<Renewal> pendingRenewals(TenantId tenant) {
        return renewals.values().stream().filter(r -> Renewal.PENDING.equals(r.status())).toList();
    }

    @Override
    public Renewal decideRenewal(Renewal r, boolean approve, LocalDate newTermEnds, LocalDate newReadUntil, String by, Instant at) {
        Renewal decided = new Renewal(r.tenant(), r.mentorId(), r.termEnds(), approve ? Renewal.APPROVED : Renewal.DECLINED,
                r.requestedAt(), by, at);
        renewals.put(r.mentorId() + "/" + r.termEnds(), decided);
        if (approve) {
            MentorTerm m = mentors.get(r.mentorId());
            mentors.put(r.mentorId(), new MentorTerm(m.mentorId(), m.name(), newTermEnds, newReadUntil));
        }
        return decided;
    }

    // ---- MentorOnboarding (its transaction writes are the DynamoDB adapter's; here the ledger above keeps the mentors)

    @Override
    public Optional<MentorTerm> term(TenantId tenant, String mentorId) {
        return Optional.ofNullable(mentors.get(mentorId));
    }

    @Override
    public void onboard(Transaction tx, Mentor mentor, LocalDate termStarts) {
        throw new UnsupportedOperationException("in memory, selection writes the mentor itself");
    }

    @Override
    public void extendTerm(Transaction tx, TenantId tenant, String mentorId, LocalDate termEnds, LocalDate newTermEnds,
                           LocalDate newReadUntil, Refusal ifMoved) {
        throw new UnsupportedOperationException("in memory, deciding a renewal moves the term itself");
    }
}
