package kr.seoullearn.functions.review;

import java.time.Instant;
import java.util.ArrayList;
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
 * The review's side of the application port, in memory: the queue, dossiers and decisions with
 * the same version and status conditions as the adapter (ReviewHandlerIT runs the real one).
 */
final class InMemoryApplications implements ApplicationStore {
    final Map<String, Application> applications = new HashMap<>();
    final Map<String, List<DocumentSummary>> documents = new HashMap<>();
    final List<String> renewed = new ArrayList<>();

    private static String key(TenantId tenant, String userId) {
        return tenant.value() + "/" + userId;
    }

    void put(Application a, DocumentSummary... docs) {
        applications.put(key(a.tenant(), a.userId()), a);
        documents.put(key(a.tenant(), a.userId()), new ArrayList<>(List.of(docs)));
    }

    @Override
    public Optional<Application> find(TenantId tenant, String userId) {
        return Optional.ofNullable(applications.get(key(tenant, userId)));
    }

    @Override
    public Optional<Dossier> dossier(TenantId tenant, String userId) {
        return find(tenant, userId).map(a -> new Dossier(a, List.copyOf(documents.getOrDefault(key(tenant, userId), List.of()))));
    }

    @Override
    public Application saveProfile(Application updated, long expectedVersion) {
        throw new UnsupportedOperationException("not the review's");
    }

    @Override
    public Application recordCheck(Application current, Application.RecordsCheck check, long expectedVersion) {
        throw new UnsupportedOperationException("not the review's");
    }

    @Override
    public Application submit(Application current, long expectedVersion, EligibilityProgramme programme,
                              List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now) {
        throw new UnsupportedOperationException("not the review's");
    }

    @Override
    public int queuedBetween(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        return (int) applications.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.status() == RegistrationStatus.SUBMITTED)
                .filter(a -> !a.submittedAt().isBefore(from) && !a.submittedAt().isAfter(to)).count();
    }

    @Override
    public QueuePage queue(TenantId tenant, String after, int limit) {
        List<Application> waiting = applications.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.status() == RegistrationStatus.SUBMITTED)
                .sorted((x, y) -> x.submittedAt().compareTo(y.submittedAt())).limit(limit).toList();
        return new QueuePage(waiting, null);
    }

    @Override
    public QueuePage list(TenantId tenant, QueueFilter filter, String after, int limit) {
        if (filter.list() != ReviewList.QUEUE) {
            return new QueuePage(List.of(), null);
        }
        return queue(tenant, after, limit);
    }

    @Override
    public Application decide(Application a, long expectedVersion, Application.Decision decision) {
        Application now = find(a.tenant(), a.userId()).orElseThrow();
        boolean waiting = now.status() == RegistrationStatus.SUBMITTED || now.status() == RegistrationStatus.UNDER_REVIEW;
        if (!waiting) {
            throw new ProblemException(RegistrationRefusal.DECISION_NOT_ALLOWED);
        }
        if (now.version() != expectedVersion) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()));
        }
        Application decided = new Application(now.tenant(), now.userId(), now.username(),
                "APPROVED".equals(decision.outcome()) ? RegistrationStatus.APPROVED : RegistrationStatus.REJECTED,
                now.version() + 1, now.name(), now.birthDate(), now.schoolLevel(), now.grade(), now.district(), now.language(),
                now.categories(), now.guardian(), now.recordsCheck(), now.programmeId(), now.requiredDocuments(),
                now.createdAt(), now.submittedAt(), decision);
        applications.put(key(a.tenant(), a.userId()), decided);
        return decided;
    }

    @Override
    public void renewDocumentVersion(TenantId tenant, String userId, String documentId, String s3VersionId) {
        renewed.add(documentId + "@" + s3VersionId);
    }
}
