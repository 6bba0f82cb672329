package kr.seoullearn.functions.reminders;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.domain.RegistrationRules;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.MessageTemplates;
import kr.seoullearn.registration.domain.DocumentKind;

/**
 * Documents still missing 3 days after a draft was started ({@code <sub>@draft}: still a draft,
 * and the programme in force asks documents of its categories) or after documents were asked
 * for at a submission ({@code <sub>@<submittedAt>}: that submission still waits for review).
 * The message lists the missing documents in the recipient's language.
 */
final class DocumentsMissingSource implements ReminderSource {
    private final ApplicationStore applications;
    private final ProgrammeCatalogue programmes;

    DocumentsMissingSource(ApplicationStore applications, ProgrammeCatalogue programmes) {
        this.applications = applications;
        this.programmes = programmes;
    }

    @Override
    public Optional<Map<String, Object>> content(DueReminder r, Language language) {
        var dossier = applications.dossier(r.tenant(), r.recipientId()).orElse(null);
        if (dossier == null) {
            return Optional.empty();
        }
        var a = dossier.application();
        String occurrence = r.params().getOrDefault("occurrence", "");
        List<DocumentKind> missing;
        if (occurrence.equals("draft")) {
            if (a.status() != RegistrationStatus.DRAFT) {
                return Optional.empty(); // submitted since: that submission has its own reminder
            }
            var programme = programmes.inForce(r.tenant(), LocalDate.ofInstant(r.dueAt(), MessageTemplates.SEOUL)).orElse(null);
            missing = programme == null ? List.of() : dossier.missing(RegistrationRules.requiredDocuments(a, programme));
        } else {
            boolean waiting = a.status() == RegistrationStatus.SUBMITTED || a.status() == RegistrationStatus.UNDER_REVIEW;
            if (!waiting || a.submittedAt() == null || !a.submittedAt().toString().equals(occurrence)) {
                return Optional.empty(); // decided, or submitted again since
            }
            missing = dossier.missingDocuments();
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder list = new StringBuilder();
        for (DocumentKind kind : missing) {
            list.append(list.isEmpty() ? "" : "\n").append("- ").append(MessageTemplates.text(language, "document." + kind.name()));
        }
        return Optional.of(Map.of("documents", list.toString()));
    }
}
