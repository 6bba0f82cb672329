package kr.seoullearn.functions.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/** What every recruitment job reads the same way: today in Seoul, a round, an application, the rules in force. */
abstract class RecruitmentJob {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    final RecruitmentLedger ledger;
    final Clock clock;

    RecruitmentJob(RecruitmentLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    final LocalDate today() {
        return LocalDate.now(clock.withZone(BookingRules.SEOUL));
    }

    final Round round(TenantId tenant, String roundId) {
        if (roundId == null || !ID.matcher(roundId).matches()) {
            throw new ProblemException(RecruitmentRefusal.ROUND_NOT_FOUND);
        }
        return ledger.round(tenant, roundId).orElseThrow(() -> new ProblemException(RecruitmentRefusal.ROUND_NOT_FOUND));
    }

    final MentorApplication application(TenantId tenant, String roundId, String userId) {
        if (userId == null || !ID.matcher(userId).matches()) {
            throw new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_NOT_FOUND);
        }
        return ledger.application(tenant, roundId, userId).orElseThrow(() -> new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_NOT_FOUND));
    }

    final RecruitmentRules rulesInForce(TenantId tenant) {
        return rulesOn(tenant, today()).orElseThrow(() -> new ProblemException(RecruitmentRefusal.NO_RECRUITMENT_RULES));
    }

    final Optional<RecruitmentRules> rulesOn(TenantId tenant, LocalDate date) {
        return ledger.rules(tenant, date);
    }
}
