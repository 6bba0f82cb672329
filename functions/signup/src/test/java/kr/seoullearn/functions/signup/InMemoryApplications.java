package kr.seoullearn.functions.signup;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore;

/**
 * The applicant's side of the application port, in memory, with the adapter's conditions: the
 * version read, an editable status, and a programme's quota (RegistrationHandlerIT runs the real one).
 */
final class InMemoryApplications implements ApplicationStore {
    final Map<String, Application> applications = new HashMap<>();
    final Map<String, Integer> admitted = new HashMap<>();

    void put(Application a) {
        applications.put(a.tenant().value() + "/" + a.userId(), a);
    }

    @Override
    public Optional<Application> find(TenantId tenant, String userId) {
        return Optional.ofNullable(applications.get(tenant.value() + "/" + userId));
    }

    @Override
    public Optional<Dossier> dossier(TenantId tenant, String userId) {
        return find(tenant, userId).map(a -> new Dossier(a, List.of()));
    }

    @Override
    public Application saveProfile(Application updated, long expectedVersion) {
        Application now = editableAt(updated, expectedVersion);
        put(with(updated, now.status(), now.version() + 1, updated.recordsCheck(), null, null, null, null));
        return find(updated.tenant(), updated.userId()).orElseThrow();
    }

    @Override
    public Application recordCheck(Application current, Application.RecordsCheck check, long expectedVersion) {
        Application now = editableAt(current, expectedVersion);
        put(with(now, now.status(), now.version() + 1, check, null, null, null, null));
        return find(current.tenant(), current.userId()).orElseThrow();
    }

    @Override
    public Application submit(Application current, long expectedVersion, EligibilityProgramme programme,
                              List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now) {
        Application read = editableAt(current, expectedVersion);
        if (programme.hasQuota() && admitted.getOrDefault(programme.id(), 0) >= programme.quota()) {
            throw new ProblemException(RegistrationRefusal.PROGRAMME_FULL);
        }
        admitted.merge(programme.id(), 1, Integer::sum);
        put(with(read, approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED, read.version() + 1,
                read.recordsCheck(), programme.id(), requiredDocuments, now,
                approvedByRecords ? new Application.Decision("APPROVED", null, "records-check", now) : null));
        return find(current.tenant(), current.userId()).orElseThrow();
    }

    @Override
    public int queuedBetween(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        throw new UnsupportedOperationException("not the applicant's");
    }

    @Override
    public QueuePage queue(TenantId tenant, String after, int limit) {
        throw new UnsupportedOperationException("not the applicant's");
    }

    @Override
    public Application decide(Application current, long expectedVersion, Application.Decision decision) {
        throw new UnsupportedOperationException("not the applicant's");
    }

    @Override
    public void renewDocumentVersion(TenantId tenant, String userId, String documentId, String s3VersionId) {
        throw new UnsupportedOperationException("not the applicant's");
    }

    private Application editableAt(Application a, long expectedVersion) {
        Application now = find(a.tenant(), a.userId()).orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (!now.editable()) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
        }
        if (now.version() != expectedVersion) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()));
        }
        return now;
    }

    private static Application with(Application a, RegistrationStatus status, long version, Application.RecordsCheck check,
                                    String programmeId, List<DocumentKind> required, Instant submittedAt,
                                    Application.Decision decision) {
        return new Application(a.tenant(), a.userId(), a.username(), status, version, a.name(), a.birthDate(), a.schoolLevel(),
                a.grade(), a.district(), a.language(), a.categories(), a.guardian(), check,
                programmeId != null ? programmeId : a.programmeId(), required != null ? required : a.requiredDocuments(),
                a.createdAt(), submittedAt != null ? submittedAt : a.submittedAt(), decision != null ? decision : a.decision());
    }
}
