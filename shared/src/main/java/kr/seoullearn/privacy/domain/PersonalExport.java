package kr.seoullearn.privacy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/me/data}: everything we hold about the caller as one JSON document (docs/adr/0037,
 * docs/data-model.md "Personal data export"). Sections by what the items are; from each item the
 * keys, index keys and internal secrets (a feed's token hash, an idempotency key, the keyed
 * identity hash) are left out, and so is everything of other people: staff members' account ids
 * become {@code "staff"} (or {@code "you"}), a mentor sees no mentee's id, name, notes or reasons,
 * a mentee sees their mentor's name (the product shows it) but not the mentor's id. An item of
 * the person's partition that no section knows goes to {@code other}, so nothing held is left out.
 */
public final class PersonalExport {
    public static final String FORMAT = "seoul-learn-personal-data/1";
    /** Keys, index keys and what only the system uses; never personal to the caller. */
    private static final Set<String> INTERNAL = Set.of("PK", "SK", "GSI1PK", "GSI1SK", "type", "tokenHash", "idempotencyKey",
            "recordsIdentity", "requestFingerprint", "runId", "quotaPlace", "correlationId", "s3Key", "s3VersionId", "tenant",
            "userId", "writeToken");
    /** Account ids of staff members who acted on the person's records. */
    private static final Set<String> STAFF_IDS = Set.of("decidedBy", "docRequestBy", "scoredBy", "by", "actor", "actorId",
            "nominatedBy");

    /** Makes a short-lived link to read one stored file (the documents bucket): the function's S3 presigner. */
    @FunctionalInterface
    public interface DocumentLinks {
        Map<String, Object> link(String key, String versionId, String contentType, String fileName);
    }

    private PersonalExport() {}

    public static Map<String, Object> of(PersonalData data, String userId, String tenant, Instant at, DocumentLinks links) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("exportedAt", at.toString());
        out.put("userId", userId);
        out.put("tenant", tenant);
        out.put("account", data.account() == null ? null : clean(data.account(), userId, Set.of()));
        Sections s = new Sections(userId);
        for (Map<String, Object> item : sorted(data.own())) {
            s.add(item, links, data.waitlistPlaces());
        }
        out.put("profile", s.profile);
        out.put("applicationHistory", data.aboutThem().stream().map(e -> audit(e, userId)).toList());
        out.put("consents", s.consents);
        out.put("documents", s.documents);
        out.put("uploadAllowance", s.uploads);
        out.put("recordsChecks", data.recordsChecks().stream().map(i -> clean(i, userId, Set.of())).toList());
        out.put("enrolments", s.enrolments);
        out.put("waitlistPlaces", s.waitlist);
        out.put("providersChosen", s.picks);
        out.put("enrolmentNotices", s.notices);
        Map<String, Object> mentoring = new LinkedHashMap<>();
        mentoring.put("request", s.mentoringRequest);
        mentoring.put("mentorProfile", s.mentor);
        mentoring.put("mentorships", data.mentorships().stream().map(m -> MentorshipView.of(m, userId)).filter(m -> m != null).toList());
        mentoring.put("busyHalfHours", s.busy);
        out.put("mentoring", mentoring);
        out.put("mentorApplications", s.mentorApplications);
        out.put("mentorRenewals", s.mentorRenewals);
        out.put("laptopRequests", data.laptopRequests().stream().map(l -> laptop(l, userId)).toList());
        Map<String, Object> notifications = new LinkedHashMap<>();
        notifications.put("inbox", s.inbox);
        notifications.put("preferences", s.preferences);
        notifications.put("sentReminders", data.sentReminders().stream().map(i -> clean(i, userId, Set.of())).toList());
        notifications.put("sentNotices", data.sentNotices().stream().map(i -> clean(i, userId, Set.of())).toList());
        out.put("notifications", notifications);
        out.put("calendarFeed", s.calendarFeed == null ? Map.of("exists", false) : s.calendarFeed);
        out.put("officerDistricts", s.officer);
        out.put("other", s.other);
        return out;
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> items) {
        return items.stream().sorted(Comparator.comparing(i -> String.valueOf(i.get("SK")))).toList();
    }

    private static Map<String, Object> laptop(PersonalData.LaptopHistory l, String me) {
        Map<String, Object> request = clean(l.request(), me, Set.of());
        if (l.queuePosition() != null) {
            request.put("queuePosition", l.queuePosition());
        }
        request.put("trail", l.trail().stream().map(e -> clean(e, me, Set.of())).toList());
        return request;
    }

    /**
     * A university's nominations of the person (docs/adr/0042) as the export shows them: round,
     * name, address, university, subjects, language, when, until when it is kept, whether it was
     * taken up; not the invitation link's secret code nor the address's hash.
     */
    public static List<Map<String, Object>> nominations(List<Map<String, Object>> items, String me) {
        return items.stream().map(i -> clean(i, me, Set.of("code", "emailKey"))).toList();
    }

    private static Map<String, Object> audit(Map<String, Object> entry, String me) {
        return clean(entry, me, Set.of("subjectId", "entryId"));
    }

    /**
     * The item's attributes without the internal ones and {@code drop}; a staff member's account
     * id becomes "staff" (or "you" where it is the person's own), a TTL becomes an ISO instant.
     */
    static Map<String, Object> clean(Map<String, Object> item, String me, Set<String> drop) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (INTERNAL.contains(name) || drop.contains(name) || value == null) {
                return;
            }
            if (STAFF_IDS.contains(name)) {
                out.put(name, me.equals(value) ? "you" : "staff");
            } else if (name.equals("expiresAt") && value instanceof Number n) {
                out.put("deletedAfter", Instant.ofEpochSecond(n.longValue()).toString());
            } else {
                out.put(name, value);
            }
        });
        return out;
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/heic" -> ".heic";
            default -> "";
        };
    }

    private static final class Sections {
        final String me;
        Map<String, Object> profile;
        Map<String, Object> uploads;
        Object picks;
        Map<String, Object> mentoringRequest;
        Map<String, Object> mentor;
        Map<String, Object> preferences;
        Map<String, Object> calendarFeed;
        Object officer;
        final List<Map<String, Object>> consents = new ArrayList<>();
        final List<Map<String, Object>> documents = new ArrayList<>();
        final List<Map<String, Object>> enrolments = new ArrayList<>();
        final List<Map<String, Object>> waitlist = new ArrayList<>();
        final List<Map<String, Object>> notices = new ArrayList<>();
        final List<Map<String, Object>> busy = new ArrayList<>();
        final List<Map<String, Object>> mentorApplications = new ArrayList<>();
        final List<Map<String, Object>> mentorRenewals = new ArrayList<>();
        final List<Map<String, Object>> inbox = new ArrayList<>();
        final List<Map<String, Object>> other = new ArrayList<>();

        Sections(String me) {
            this.me = me;
        }

        void add(Map<String, Object> item, DocumentLinks links, Map<String, Integer> places) {
            String sk = String.valueOf(item.get("SK"));
            String kind = sk.contains("#") ? sk.substring(0, sk.indexOf('#') + 1) : sk;
            switch (kind) {
                case "PROFILE" -> profile = clean(item, me, Set.of());
                case "CONSENT#" -> consents.add(clean(item, me, Set.of()));
                case "DOC#" -> documents.add(document(item, links));
                case "UPLOADS" -> uploads = clean(item, me, Set.of());
                case "ENROLMENT#" -> {
                    Map<String, Object> e = clean(item, me, Set.of());
                    if ("WAITLISTED".equals(item.get("status"))) {
                        Integer position = places.get(String.valueOf(item.get("providerId")));
                        if (position != null) {
                            e.put("position", position);
                        }
                        waitlist.add(e);
                    } else {
                        enrolments.add(e);
                    }
                }
                case "PICKS" -> picks = item.get("picks");
                case "NOTICE#" -> notices.add(clean(item, me, Set.of()));
                case "LAPTOP", "LAPTOP_REQUEST#" -> { } // the marker and the references: their requests are in laptopRequests
                case "OFFICER" -> officer = item.get("districts");
                case "MENTOR" -> mentor = clean(item, me, Set.of("mentorId"));
                case "MENTORING" -> mentoringRequest = clean(item, me, Set.of("menteeId"));
                case "CALFEED" -> {
                    calendarFeed = clean(item, me, Set.of());
                    calendarFeed.put("exists", true);
                }
                case "BUSY#" -> busy.add(clean(item, me, Set.of()));
                case "MENTOR_APPLICATION#" -> mentorApplications.add(clean(item, me, Set.of()));
                case "MENTOR_RENEWAL#" -> mentorRenewals.add(clean(item, me, Set.of()));
                case "INBOX#" -> inbox.add(0, clean(item, me, Set.of("recipientId")));
                case "NOTIFY_PREFS" -> preferences = clean(item, me, Set.of());
                case "SMSCODE#" -> { } // a salted hash of a one-time code, gone in 10 minutes: nothing of the person's
                default -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("item", kind.endsWith("#") ? kind.substring(0, kind.length() - 1) : kind);
                    o.putAll(clean(item, me, Set.of()));
                    other.add(o);
                }
            }
        }

        /** A document's record and, for a file that passed the check, a short-lived link to the exact version checked. */
        private Map<String, Object> document(Map<String, Object> item, DocumentLinks links) {
            Map<String, Object> d = clean(item, me, Set.of());
            Object key = item.get("s3Key");
            if ("VERIFIED".equals(item.get("status")) && key instanceof String k && !k.isBlank()) {
                String contentType = String.valueOf(item.getOrDefault("contentType", "application/octet-stream"));
                String name = String.valueOf(item.get("kind")).toLowerCase(java.util.Locale.ROOT) + "-" + item.get("documentId")
                        + extension(contentType);
                d.put("download", links.link(k, item.get("s3VersionId") instanceof String v ? v : null, contentType, name));
            }
            return d;
        }
    }
}
