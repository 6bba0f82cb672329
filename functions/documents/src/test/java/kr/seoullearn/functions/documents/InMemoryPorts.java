package kr.seoullearn.functions.documents;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.port.DocumentRecords;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.UploadAllowance;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;

/** In-memory stand-ins for the function's ports: unit tests without I/O (the ITs use the real adapters). */
final class InMemoryPorts {
    private InMemoryPorts() {}

    /** Nobody has a mentor application under review. */
    static final MentorApplications NO_MENTOR_APPLICATIONS = (tenant, userId, documentId) -> false;

    static final class Profiles implements ProfileRepository {
        final Map<String, Profile> byKey = new HashMap<>();

        @Override
        public Optional<Profile> find(TenantId tenant, String userId) {
            return Optional.ofNullable(byKey.get(tenant + "/" + userId));
        }

        @Override
        public boolean createIfAbsent(Profile profile) {
            return byKey.putIfAbsent(profile.tenant() + "/" + profile.userId(), profile) == null;
        }

        @Override
        public boolean createDraft(Profile draft) {
            return createIfAbsent(draft); // reminders are not this fake's business
        }
    }

    static final class Records implements DocumentRecords {
        final Map<String, Document> documents = new LinkedHashMap<>();
        /** Per person: the open upload URLs (documentId → expiry) and the bytes granted, as the real allowance keeps them. */
        final Map<String, Map<String, Instant>> open = new HashMap<>();
        final Map<String, Long> bytes = new HashMap<>();
        final List<String> audit = new ArrayList<>();
        final Profiles profiles;
        int writes;

        Records(Profiles profiles) {
            this.profiles = profiles;
        }

        private static String key(TenantId tenant, String userId, String documentId) {
            return tenant + "/" + userId + "/" + documentId;
        }

        @Override
        public void create(Document d, Instant urlExpiresAt) {
            String person = d.tenant() + "/" + d.userId();
            Map<String, Instant> mine = open.computeIfAbsent(person, p -> new HashMap<>());
            UploadAllowance allowance = new UploadAllowance(mine, bytes.getOrDefault(person, 0L));
            allowance.refusal(d.createdAt(), d.declaredSize()).ifPresent(refusal -> {
                throw new ProblemException(refusal, allowance.details(refusal, d.createdAt()));
            });
            mine.keySet().removeAll(allowance.stale(d.createdAt()));
            mine.put(d.documentId(), urlExpiresAt);
            bytes.merge(person, d.declaredSize(), Long::sum);
            writes++;
            documents.put(key(d.tenant(), d.userId(), d.documentId()), d);
        }

        /** What keyed creates stored beside the document: the request's fingerprint and the URL's expiry. */
        final Map<String, Map.Entry<String, Instant>> keyed = new HashMap<>();

        @Override
        public Optional<Stored> createOnce(Document d, Instant urlExpiresAt, String fingerprint) {
            String id = key(d.tenant(), d.userId(), d.documentId());
            Document existing = documents.get(id);
            if (existing != null) {
                var kept = keyed.getOrDefault(id, Map.entry("", Instant.EPOCH));
                return Optional.of(new Stored(existing, kept.getKey(), kept.getValue()));
            }
            create(d, urlExpiresAt);
            keyed.put(id, Map.entry(fingerprint, urlExpiresAt));
            return Optional.empty();
        }

        @Override
        public Optional<Document> find(TenantId tenant, String userId, String documentId) {
            return Optional.ofNullable(documents.get(key(tenant, userId, documentId)));
        }

        @Override
        public boolean settle(Document d, DocumentStatus from) {
            Document current = documents.get(key(d.tenant(), d.userId(), d.documentId()));
            if (current == null || current.status() != from) {
                return false;
            }
            if (from == DocumentStatus.AWAITING_UPLOAD) {
                String person = d.tenant() + "/" + d.userId();
                open.getOrDefault(person, new HashMap<>()).remove(d.documentId());
                if (RegistrationRefusal.DOCUMENT_NO_FILE.code().equals(d.reason())) {
                    bytes.merge(person, -d.declaredSize(), Long::sum);
                }
            }
            writes++;
            documents.put(key(d.tenant(), d.userId(), d.documentId()), d);
            return true;
        }

        @Override
        public void recordRead(TenantId tenant, String applicantId, String documentId, String actor, Instant at) {
            writes++;
            audit.add(tenant + "/" + applicantId + "/" + documentId + " read by " + actor + " at " + at);
        }

        @Override
        public boolean startReview(TenantId tenant, String applicantId) {
            Profile p = profiles.byKey.get(tenant + "/" + applicantId);
            if (p == null || p.status() != RegistrationStatus.SUBMITTED) {
                return false;
            }
            profiles.byKey.put(tenant + "/" + applicantId, new Profile(p.tenant(), p.userId(), p.username(), RegistrationStatus.UNDER_REVIEW,
                    p.displayName(), p.preferredLanguage(), p.createdAt(), p.version() + 1));
            return true;
        }
    }

    /** A bucket: objects and their tags by key; presigned URLs are fake and only recorded. */
    static final class Storage implements DocumentStorage {
        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, Map<String, String>> tags = new HashMap<>();
        final List<String> presigned = new ArrayList<>();
        int ranged;

        void put(String key, byte[] content, Map<String, String> tagSet) {
            objects.put(key, content);
            tags.put(key, new LinkedHashMap<>(tagSet));
        }

        @Override
        public UploadUrl presignUpload(String key, DocumentContentType type, long size, Map<String, String> tagSet, Duration ttl) {
            presigned.add("PUT " + key + " " + type.mediaType() + " " + size + " " + tagSet + " " + ttl);
            return new UploadUrl(URI.create("https://bucket.example/" + key + "?signed"),
                    Map.of("content-type", type.mediaType(), "if-none-match", "*", "x-amz-tagging", "state=unsubmitted"),
                    Instant.parse("2026-03-01T00:10:00Z"));
        }

        @Override
        public ReadUrl presignRead(String key, String versionId, DocumentContentType type, String fileName, Duration ttl) {
            presigned.add("GET " + key + " " + fileName + " " + ttl);
            return new ReadUrl(URI.create("https://bucket.example/" + key + "?read"), Instant.parse("2026-03-01T00:05:00Z"));
        }

        @Override
        public Optional<StoredObject> head(String key) {
            byte[] content = objects.get(key);
            return content == null ? Optional.empty() : Optional.of(new StoredObject(content.length, null));
        }

        @Override
        public byte[] firstBytes(String key, String versionId, int count) {
            ranged++;
            byte[] content = objects.get(key);
            return Arrays.copyOf(content, Math.min(count, content.length));
        }

        @Override
        public void seal(String key, Map<String, String> tagSet) {
            put(key, new byte[0], tagSet);
        }

        /** What is stored under the key is nothing (absent, or the empty object a refusal leaves). */
        boolean holdsNothing(String key) {
            byte[] content = objects.get(key);
            return content == null || content.length == 0;
        }

        @Override
        public void delete(String key, String versionId) {
            objects.remove(key);
            tags.remove(key);
        }

        @Override
        public Map<String, String> tags(String key, String versionId) {
            return new LinkedHashMap<>(tags.getOrDefault(key, Map.of()));
        }

        @Override
        public void tag(String key, String versionId, String tagKey, String value) {
            tags.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(tagKey, value);
        }
    }
}
