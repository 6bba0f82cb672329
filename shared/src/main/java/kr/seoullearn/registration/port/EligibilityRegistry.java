package kr.seoullearn.registration.port;

import kr.seoullearn.registration.domain.RecordsOutcome;

import java.time.LocalDate;
import java.util.List;

/**
 * The port to administrative records (benefit status and the like). The identifying data
 * passed here is used for the lookup only: callers never store or log it.
 */
public interface EligibilityRegistry {

    Answer check(Query query);

    record Query(String applicantName, LocalDate applicantBirthDate, String householdHeadName,
                 LocalDate householdHeadBirthDate, List<String> categories, int incomeLinePercent) {
        @Override
        public String toString() {
            return "Query[redacted]"; // never printed by accident
        }
    }

    record Answer(RecordsOutcome outcome, List<String> verifiedCategories) {}
}
