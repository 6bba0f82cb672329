package kr.seoullearn.registration.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.RegistrationStatus;

/** What a submission or a decision adds to the figures (docs/adr/0015): counts by category, level, district. */
final class ApplicationFigures {
    private ApplicationFigures() {}

    /** A submission: counted by each category claimed; straight to APPROVED when the records decided. */
    static FigureDelta submitted(Application a, boolean approvedByRecords) {
        FigureDelta delta = FigureDelta.of(Figure.APPLICATIONS_SUBMITTED, 1);
        categories(a).forEach(category -> delta.add(Figure.APPLICATIONS_SUBMITTED, 1, category));
        if (approvedByRecords) {
            approved(delta, a);
        }
        return delta;
    }

    static FigureDelta decided(Application a, Application.Decision decision) {
        FigureDelta delta = new FigureDelta();
        if ("APPROVED".equals(decision.outcome())) {
            approved(delta, a);
        } else {
            delta.add(Figure.APPLICATIONS_REJECTED, 1);
            categories(a).forEach(category -> delta.add(Figure.APPLICATIONS_REJECTED, 1, category));
        }
        if (a.submittedAt() != null) {
            delta.add(Figure.DECISIONS, 1);
            delta.add(Figure.DECISION_SECONDS, Math.max(0, Duration.between(a.submittedAt(), decision.decidedAt()).toSeconds()));
        }
        return delta;
    }

    /** The de-identified extract's row of an application's change. */
    static FigureRow row(Application a, Instant at, RegistrationStatus status) {
        return FigureRow.of(a.tenant(), at, a.userId(), "APPLICATION", status.name())
                .level(a.schoolLevel() == null ? null : a.schoolLevel().name())
                .district(a.district())
                .categories(a.categories());
    }

    /** A new learner: by category, school level and district. */
    private static void approved(FigureDelta delta, Application a) {
        delta.add(Figure.APPLICATIONS_APPROVED, 1);
        categories(a).forEach(category -> delta.add(Figure.APPLICATIONS_APPROVED, 1, category));
        delta.add(Figure.LEARNERS_BY_LEVEL, 1, a.schoolLevel() == null ? null : a.schoolLevel().name());
        delta.add(Figure.LEARNERS_BY_DISTRICT, 1, a.district());
    }

    private static List<String> categories(Application a) {
        return a.categories() == null ? List.of() : a.categories();
    }
}
