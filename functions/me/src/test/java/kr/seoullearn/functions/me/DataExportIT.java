package kr.seoullearn.functions.me;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.privacy.dynamo.PrivacyStorage;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /api/me/data through real API Gateway events against the template's table and bucket on the
 * emulator. The test walks docs/data-model.md: every item type there whose key names a person must
 * be listed in its "Personal data export" table; a person is given one item of each type that table
 * says is exported, and each is found at the place the table names — with nothing of anyone else
 * (another learner, a staff member, the mentor's account id, another tenant), no internal secret,
 * a working five-minute link to the checked file, and no Scan.
 */
class DataExportIT {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final CallCounter calls = new CallCounter();
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static MeHandler handler;
    private static String bucket;

    @BeforeAll
    static void provision() {
        stack = TestStack.withLocalS3("data-export");
        dynamo = stack.aws().dynamoDb();
        bucket = stack.bucket("DocumentsBucket");
        DynamoDbClient counted = stack.dynamoDb(calls);
        handler = new MeHandler(RegistrationStorage.profiles(counted, stack.table()), RegistrationStorage.accounts(counted, stack.table()),
                new DynamoTenantDirectory(counted, stack.table()), new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(
                        stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())),
                stack.stack().userPoolId(), Clock.fixed(NOW, ZoneOffset.UTC), null,
                () -> new DataExport(RegistrationStorage.accounts(counted, stack.table()), PrivacyStorage.records(counted, stack.table()),
                        kr.seoullearn.platform.aws.S3Objects.at(stack.s3Endpoint(), stack.aws().region(),
                                kr.seoullearn.local.aws.LocalAws.credentials(), bucket), Clock.systemUTC()), null, null);
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    // ------------------------------------------------------------------ docs/data-model.md

    private static final Pattern TOKEN = Pattern.compile("`([^`]+)`");

    /** A key pattern with its placeholders made alike: {@code DOC#<id>} and {@code DOC#<documentId>} are one type. */
    static String shape(String key) {
        return key.replaceAll("<[^>]*>", "<>").strip();
    }

    record ModelRow(String item, String pk, String sk, String export) {}

    private static List<String[]> tableRows(String markdown) {
        List<String[]> rows = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.substring(1).split("(?<!\\\\)\\|", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String firstToken(String cell) {
        if (!cell.startsWith("`")) {
            return null;
        }
        Matcher m = TOKEN.matcher(cell);
        return m.find() ? m.group(1).replace("\\|", "|") : null;
    }

    private static String[] exportSection(String model) {
        int start = model.indexOf("## Personal data export");
        int end = model.indexOf("\n## ", start + 1);
        assertThat(start).as("docs/data-model.md has a 'Personal data export' section").isPositive();
        return new String[] {model.substring(0, start) + model.substring(end), model.substring(start, end)};
    }

    static List<ModelRow> exportTable(String section) {
        List<ModelRow> rows = new ArrayList<>();
        for (String[] c : tableRows(section)) {
            if (c.length >= 4 && c[1].startsWith("`") && !c[0].equals("item") && firstToken(c[2]) != null) {
                rows.add(new ModelRow(c[0], firstToken(c[1]), firstToken(c[2]), c[3]));
            }
        }
        return rows;
    }

    /** Every item type of the data model whose key names a person: (PK, SK) shapes. */
    static Set<String> personalItemTypes(String rest) {
        Set<String> types = new LinkedHashSet<>();
        for (String[] c : tableRows(rest)) {
            if (c.length < 3) {
                continue;
            }
            String pk = firstToken(c[1]);
            String sk = firstToken(c[2]);
            if (pk == null || sk == null || !(pk.startsWith("T#") || pk.startsWith("ACCOUNT#"))) {
                continue;
            }
            if ((pk + sk).matches(".*<(sub|recipient sub|subjectId)>.*")) {
                types.add(shape(pk) + " / " + shape(sk));
            }
        }
        return types;
    }

    @Test
    void everyItemTypeThatNamesAPersonIsInTheExportTable() throws IOException {
        String[] parts = exportSection(Files.readString(TestStack.repositoryRoot().resolve("docs/data-model.md")));
        Set<String> listed = new LinkedHashSet<>();
        exportTable(parts[1]).forEach(r -> listed.add(shape(r.pk()) + " / " + shape(r.sk())));
        Set<String> personal = personalItemTypes(parts[0]);
        assertThat(personal).as("item types whose key names a person").hasSizeGreaterThan(20);
        assertThat(listed).as("the export table of docs/data-model.md lists every one").containsAll(personal);
    }

    // ------------------------------------------------------------------ one of each

    private final String me = "sub-" + UUID.randomUUID();
    private final String otherLearner = "sub-" + UUID.randomUUID();
    private final String mentor = "sub-" + UUID.randomUUID();
    private final String reviewer = "sub-" + UUID.randomUUID();
    private final String menteeOf = "ms-" + UUID.randomUUID();
    private final String mentorOf = "ms-" + UUID.randomUUID();
    private final String laptopRequest = UUID.randomUUID().toString();
    private final String pastRequest = UUID.randomUUID().toString();
    private static final String SECRET_HASH = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";
    private static final String NOMINATION_CODE = "c0dec0dec0dec0dec0dec0dec0dec0de";

    /** The address the person's ID token carries, as Cognito verified it (in another case than the nomination's). */
    private String myAddress() {
        return "Me-" + me + "@Univ.ac.kr";
    }

    private Map<String, String> claimsWithAddress(String... groups) {
        Map<String, String> claims = new LinkedHashMap<>(Events.claims(me, "seoul", groups));
        claims.put("email", myAddress().toLowerCase(java.util.Locale.ROOT));
        claims.put("email_verified", "true");
        return claims;
    }

    private void put(String pk, String sk, Map<String, Object> attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(pk));
        item.put("SK", AttributeValue.fromS(sk));
        attributes.forEach((k, v) -> item.put(k, av(v)));
        dynamo.putItem(r -> r.tableName(stack.table()).item(item));
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue av(Object v) {
        if (v instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (v instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (v instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (v instanceof Set<?> set) {
            return AttributeValue.fromSs(set.stream().map(String::valueOf).toList());
        }
        if (v instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(DataExportIT::av).toList());
        }
        Map<String, AttributeValue> m = new HashMap<>();
        ((Map<String, Object>) v).forEach((k, x) -> m.put(k, av(x)));
        return AttributeValue.fromM(m);
    }

    private String own() {
        return Keys.user(kr.seoullearn.platform.tenant.TenantId.SEOUL, me);
    }

    private static String t(String... parts) {
        return Keys.tenant(kr.seoullearn.platform.tenant.TenantId.SEOUL, parts);
    }

    private String fileVersion;

    /** The seeders, by (PK, SK) shape of the export table: what one item of each type looks like. */
    private Map<String, Consumer<Void>> seeders() {
        Map<String, Consumer<Void>> s = new LinkedHashMap<>();
        s.put("ACCOUNT#<> / ACCOUNT", v -> put("ACCOUNT#" + me, "ACCOUNT", Map.of("userId", me, "username", me + "@example.org",
                "language", "ko", "openedAt", "2026-09-01T00:00:00Z", "tenant", "seoul")));
        s.put("T#<>#U#<> / PROFILE", v -> put(own(), "PROFILE", Map.ofEntries(Map.entry("tenant", "seoul"), Map.entry("userId", me),
                Map.entry("status", "APPROVED"), Map.entry("version", 4), Map.entry("displayName", "김내보내"),
                Map.entry("birthDate", "2013-05-14"), Map.entry("guardianName", "김보호자"), Map.entry("guardianContact", "010-2222-3333"),
                Map.entry("decidedBy", reviewer), Map.entry("recordsIdentity", SECRET_HASH), Map.entry("decisionOutcome", "APPROVED"))));
        s.put("T#<>#U#<> / DOC#<>", v -> {
            String key = "tenant/seoul/applicant/" + me + "/" + UUID.randomUUID();
            fileVersion = stack.s3().putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf"),
                    RequestBody.fromString("%PDF-1.4 the certificate")).versionId();
            Map<String, Object> verified = new HashMap<>(Map.of("documentId", "d-verified", "kind", "INCOME_PROOF", "contentType",
                    "application/pdf", "s3Key", key, "status", "VERIFIED", "size", 24, "createdAt", "2026-11-01T00:00:00Z"));
            if (fileVersion != null) {
                verified.put("s3VersionId", fileVersion);
            }
            put(own(), "DOC#d-verified", verified);
            put(own(), "DOC#d-waiting", Map.of("documentId", "d-waiting", "kind", "SCHOOL_RECORD", "contentType", "image/jpeg",
                    "s3Key", "tenant/seoul/applicant/" + me + "/not-there", "status", "AWAITING_UPLOAD", "expiresAt", 1796000000));
        });
        s.put("T#<>#U#<> / CONSENT#PRIVACY#<>", v -> put(own(), "CONSENT#PRIVACY#2026-12-01", Map.of("type", "CONSENT", "notice", "PRIVACY",
                "version", "2026-12-01", "acceptedAt", "2026-11-02T00:00:00Z", "acceptedBy", "GUARDIAN", "guardianName", "김보호자")));
        s.put("T#<>#U#<> / UPLOADS", v -> put(own(), "UPLOADS", Map.of("type", "UPLOADS", "open", Map.of(), "bytes", 24)));
        s.put("T#<>#U#<> / ENROLMENT#<>", v -> {
            put(own(), "ENROLMENT#onedesk", Map.of("userId", me, "providerId", "onedesk", "status", "ENROLLED", "learnerRef", "ref-seated",
                    "enrolledAt", "2026-11-02T00:00:00Z"));
            put(own(), "ENROLMENT#roomy", Map.of("userId", me, "providerId", "roomy", "status", "WAITLISTED", "learnerRef", "ref-waiting",
                    "queuedAt", "2026-11-03T00:00:00Z", "ticket", 7));
        });
        s.put("T#<>#PROVIDER#<> / WAIT#<>", v -> {
            put(t("PROVIDER", "roomy"), "WAIT#000000000006", Map.of("userId", otherLearner, "ticket", 6));
            put(t("PROVIDER", "roomy"), "WAIT#000000000007", Map.of("userId", me, "ticket", 7));
            put(t("PROVIDER", "roomy"), "WAIT#000000000009", Map.of("userId", "sub-later", "ticket", 9));
        });
        s.put("T#<>#U#<> / PICKS", v -> put(own(), "PICKS", Map.of("picks", 2)));
        s.put("T#<>#U#<> / NOTICE#<>#<>", v -> put(own(), "NOTICE#2026-11-20T00:00:00Z#n-1", Map.of("kind", "INACTIVITY_REMINDER",
                "providerId", "onedesk", "date", "2026-11-27", "at", "2026-11-20T00:00:00Z")));
        s.put("T#<>#U#<> / LAPTOP", v -> put(own(), "LAPTOP", Map.of("requestId", laptopRequest, "active", true,
                "idempotencyKey", "idem-" + SECRET_HASH)));
        s.put("T#<>#LAPTOP#<> / REQUEST", v -> put(t("LAPTOP", laptopRequest), "REQUEST", Map.of("requestId", laptopRequest, "userId", me,
                "district", "mapo-gu", "status", "REQUESTED", "ticket", 3, "requestedAt", "2026-11-04T00:00:00Z", "version", 1)));
        s.put("T#<>#U#<> / LAPTOP_REQUEST#<>#<>", v -> {
            // the current request's reference (the marker names it too: read once) and a closed one in the district moved from
            put(own(), "LAPTOP_REQUEST#2026-11-04T00:00:00Z#" + laptopRequest, Map.of("requestId", laptopRequest,
                    "requestedAt", "2026-11-04T00:00:00Z"));
            put(own(), "LAPTOP_REQUEST#2026-03-04T00:00:00Z#" + pastRequest, Map.of("requestId", pastRequest,
                    "requestedAt", "2026-03-04T00:00:00Z"));
            put(t("LAPTOP", pastRequest), "REQUEST", Map.of("requestId", pastRequest, "userId", me, "district", "dongjak-gu",
                    "status", "RETURNED", "requestedAt", "2026-03-04T00:00:00Z", "version", 5));
        });
        s.put("T#<>#DISTRICT#<> / WAIT#<>", v -> {
            put(t("DISTRICT", "mapo-gu"), "WAIT#000000000002", Map.of("requestId", "someone-else", "ticket", 2));
            put(t("DISTRICT", "mapo-gu"), "WAIT#000000000003", Map.of("requestId", laptopRequest, "ticket", 3));
        });
        s.put("T#<>#DISTRICT#<> / AUDIT#<>#<>", v -> put(t("DISTRICT", "mapo-gu"), "AUDIT#2026-11-04T00:00:00.000000Z#a1", Map.of(
                "entryId", "a1", "at", "2026-11-04T00:00:00Z", "change", "STATUS", "to", "REQUESTED", "actorId", me, "actorKind", "LEARNER",
                "requestId", laptopRequest, "GSI1PK", t("LAPTOP", laptopRequest, "AUDIT"), "GSI1SK", "000001#a1")));
        s.put("T#<>#U#<> / OFFICER", v -> put(own(), "OFFICER", Map.of("districts", Set.of("mapo-gu"))));
        s.put("T#<>#U#<> / MENTOR", v -> put(own(), "MENTOR", Map.of("mentorId", me, "name", "김내보내", "profile", "{\"subjects\":[\"MATH\"]}",
                "mentees", 1)));
        s.put("T#<>#U#<> / MENTORING", v -> put(own(), "MENTORING", Map.of("menteeId", me, "menteeName", "김내보내",
                "goals", "분수를 잘하고 싶어요", "status", "MATCHED", "mentorshipId", menteeOf)));
        s.put("T#<>#MENTORSHIP#<> / MENTORSHIP", v -> {
            put(t("MENTORSHIP", menteeOf), "MENTORSHIP", Map.of("mentorshipId", menteeOf, "menteeId", me, "mentorId", mentor,
                    "menteeName", "김내보내", "mentorName", "박멘토", "status", "ACTIVE", "quota", 16, "used", 1,
                    "GSI1PK", t("MENTOR", mentor), "GSI1SK", "MENTORSHIP#" + menteeOf));
            put(t("MENTORSHIP", mentorOf), "MENTORSHIP", Map.of("mentorshipId", mentorOf, "menteeId", otherLearner, "mentorId", me,
                    "menteeName", "이다른학생", "mentorName", "김내보내", "status", "ACTIVE", "quota", 16, "used", 2,
                    "GSI1PK", t("MENTOR", me), "GSI1SK", "MENTORSHIP#" + mentorOf));
        });
        s.put("T#<>#MENTORSHIP#<> / SESSION#<>", v -> {
            put(t("MENTORSHIP", menteeOf), "SESSION#s-mine", Map.of("sessionId", "s-mine", "mentorshipId", menteeOf, "menteeId", me,
                    "mentorId", mentor, "start", "2026-12-01T01:00:00Z", "minutes", 30, "status", "HELD", "note", "분수 연습 잘함"));
            put(t("MENTORSHIP", mentorOf), "SESSION#s-theirs", Map.of("sessionId", "s-theirs", "mentorshipId", mentorOf,
                    "menteeId", otherLearner, "mentorId", me, "start", "2026-12-02T01:00:00Z", "minutes", 30, "status", "NO_SHOW",
                    "note", "이다른학생 결석 메모"));
        });
        s.put("T#<>#MENTORSHIP#<> / WEEK#<>", v -> put(t("MENTORSHIP", menteeOf), "WEEK#2026-W49", Map.of("week", "2026-W49", "booked", 1)));
        s.put("T#<>#MENTORSHIP#<> / EXTENSION", v -> put(t("MENTORSHIP", menteeOf), "EXTENSION", Map.of("mentorshipId", menteeOf,
                "menteeId", me, "status", "PENDING", "requestedAt", "2026-11-25T00:00:00Z")));
        s.put("T#<>#MENTORSHIP#<> / HISTORY#<>#<>", v -> {
            put(t("MENTORSHIP", menteeOf), "HISTORY#2026-11-10T00:00:00Z#h1", Map.of("change", "REASSIGNED", "at", "2026-11-10T00:00:00Z",
                    "by", reviewer, "reason", "시간이 맞지 않음", "fromMentorId", "sub-former-mentor", "toMentorId", mentor));
            put(t("MENTORSHIP", mentorOf), "HISTORY#2026-11-11T00:00:00Z#h2", Map.of("change", "REASSIGNED", "at", "2026-11-11T00:00:00Z",
                    "by", reviewer, "reason", "이다른학생 사정", "fromMentorId", "sub-former-mentor", "toMentorId", me));
        });
        s.put("T#<>#U#<> / CALFEED", v -> put(own(), "CALFEED", Map.of("userId", me, "kind", "MENTEE", "language", "ko",
                "tokenHash", SECRET_HASH, "createdAt", "2026-11-05T00:00:00Z")));
        s.put("T#<>#U#<> / BUSY#<>", v -> put(own(), "BUSY#2026-12-01T01:00:00Z", Map.of("unit", "2026-12-01T01:00:00Z",
                "mentorshipId", menteeOf, "sessionId", "s-mine", "expiresAt", 1765000000)));
        s.put("T#<>#U#<> / MENTOR_APPLICATION#<>", v -> put(own(), "MENTOR_APPLICATION#round-1", Map.of("answers", "{\"university\":\"서울대\"}",
                "status", "SELECTED", "scores", "{\"fit\":4}", "scoredBy", reviewer, "decidedBy", reviewer, "version", 3)));
        s.put("T#<>#U#<> / MENTOR_RENEWAL#<>", v -> put(own(), "MENTOR_RENEWAL#2027-02-28", Map.of("status", "PENDING",
                "requestedAt", "2026-11-26T00:00:00Z")));
        s.put("T#<>#ROUND#<> / NOMINATION#<>", v -> {
            // a university's nomination of the person, and of someone else in the same round (ADR 42)
            for (String[] n : List.of(new String[] {myAddress(), "김지명"}, new String[] {"another-" + me + "@univ.ac.kr", "이남의"})) {
                String key = EmailKey.of(n[0]);
                put(t("ROUND", "round-export"), "NOMINATION#" + key, Map.ofEntries(Map.entry("type", "NOMINATION"),
                        Map.entry("roundId", "round-export"), Map.entry("emailKey", key), Map.entry("name", n[1]),
                        Map.entry("email", EmailKey.normalise(n[0])), Map.entry("university", "서울대학교"), Map.entry("subjects", "MATH"),
                        Map.entry("language", "ko"), Map.entry("code", NOMINATION_CODE), Map.entry("nominatedBy", reviewer),
                        Map.entry("nominatedAt", "2026-11-03T00:00:00Z"), Map.entry("expiresAt", 1799000000),
                        Map.entry("GSI1PK", t("NOMINEE", key)), Map.entry("GSI1SK", "round-export")));
            }
        });
        s.put("T#<>#U#<> / INBOX#<>", v -> {
            put(own(), "INBOX#20261120T000000000Z-a", Map.of("noticeId", "20261120T000000000Z-a", "kind", "APPLICATION_APPROVED",
                    "recipientId", me, "params", Map.of(), "at", "2026-11-20T00:00:00Z"));
            put(own(), "INBOX#20261121T000000000Z-b", Map.of("noticeId", "20261121T000000000Z-b", "kind", "MENTOR_ASSIGNED",
                    "recipientId", me, "params", Map.of(), "at", "2026-11-21T00:00:00Z"));
        });
        s.put("T#<>#U#<> / NOTIFY_PREFS", v -> put(own(), "NOTIFY_PREFS", Map.of("version", 2, "smsNumber", "+821055556666",
                "channels", Map.of("MENTOR_ASSIGNED", List.of("SMS")))));
        s.put("T#<>#RECORDS_CHECKS#U#<> / RECORDS_CHECKS#<>", v -> put(t("RECORDS_CHECKS", "U", me), "RECORDS_CHECKS#2026-11-01",
                Map.of("attempts", 2, "expiresAt", 1762000000)));
        s.put("T#<>#SENT#<> / <>#<>", v -> put(t("SENT", me), "INACTIVITY#" + me + "@onedesk", Map.of("status", "SENT",
                "runId", "run-x", "sentAt", "2026-11-20T00:00:00Z")));
        s.put("T#<>#NSENT#<> / <>#<>#<>", v -> put(t("NSENT", me), "20261120T000000000Z-a#SELF#EMAIL", Map.of("status", "SENT",
                "messageId", "m-1")));
        s.put("T#<>#AUDIT#SUBJECT#<> / <>#<>", v -> put(t("AUDIT", "SUBJECT", me), "2026-11-19T00:00:00.000Z#e1", Map.of("type", "AUDIT",
                "entryId", "e1", "actor", reviewer, "action", "review.decide", "subjectType", "application", "subjectId", me,
                "at", "2026-11-19T00:00:00Z", "correlationId", "corr-1", "before", Map.of("status", "UNDER_REVIEW"),
                "after", Map.of("status", "APPROVED"))));
        return s;
    }

    /** Where the export table says each type is: the first `path` of its last column. */
    private static Object at(Map<String, Object> export, String path) {
        Object here = export;
        for (String part : path.split("\\.")) {
            boolean list = part.endsWith("[]");
            String name = list ? part.substring(0, part.length() - 2) : part;
            if (here instanceof List<?> l) {
                here = l.isEmpty() ? null : l.get(0);
            }
            if (!(here instanceof Map<?, ?> m)) {
                return null;
            }
            here = m.get(name);
        }
        return here;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonWithOneOfEachItemFindsEachInTheExportAndNothingOfAnyoneElse() throws Exception {
        String[] parts = exportSection(Files.readString(TestStack.repositoryRoot().resolve("docs/data-model.md")));
        Map<String, Consumer<Void>> seeders = seeders();
        List<ModelRow> exported = exportTable(parts[1]).stream().filter(r -> r.export().startsWith("`") || r.export().startsWith("leads")).toList();
        for (ModelRow row : exported) {
            String type = shape(row.pk()) + " / " + shape(row.sk());
            assertThat(seeders).as("this test gives the person a %s (%s)", row.item(), type).containsKey(type);
            seeders.get(type).accept(null);
        }
        // others' records beside the person's: another learner, the same account id in another tenant
        put(Keys.user(kr.seoullearn.platform.tenant.TenantId.SEOUL, otherLearner), "PROFILE", Map.of("displayName", "이다른학생",
                "status", "APPROVED"));
        put(Keys.user(new kr.seoullearn.platform.tenant.TenantId("chungbuk"), me), "PROFILE", Map.of("displayName", "충북에만있는이름",
                "status", "DRAFT"));
        // an item type no section knows yet still reaches the person
        put(own(), "SOMETHING_NEW#1", Map.of("what", "a kind of item added later"));

        calls.reset();
        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("GET /api/me/data", claimsWithAddress("learners", "mentors"),
                null, "ko"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("cache-control", "no-store");
        Map<String, Object> export = Json.readObject(r.getBody());

        for (ModelRow row : exported) {
            if (row.export().startsWith("leads")) {
                continue;
            }
            String path = firstToken(row.export());
            Object found = at(export, path);
            assertThat(found).as("%s at %s", row.item(), path).isNotNull();
            if (found instanceof List<?> l) {
                assertThat(l).as("%s at %s", row.item(), path).isNotEmpty();
            }
        }
        assertThat(export).containsEntry("format", "seoul-learn-personal-data/1").containsEntry("userId", me).containsEntry("tenant", "seoul");
        assertThat((Map<String, Object>) export.get("profile")).containsEntry("displayName", "김내보내").containsEntry("guardianName", "김보호자")
                .containsEntry("decidedBy", "staff");
        assertThat((List<Map<String, Object>>) export.get("waitlistPlaces")).singleElement().satisfies(w ->
                assertThat(((Number) w.get("position")).intValue()).isEqualTo(2));
        List<Map<String, Object>> laptops = (List<Map<String, Object>>) export.get("laptopRequests");
        assertThat(laptops).as("the current request and the closed one of the district moved from, each once").hasSize(2);
        assertThat(laptops).filteredOn(l -> laptopRequest.equals(l.get("requestId"))).singleElement().satisfies(l -> {
            assertThat(((Number) l.get("queuePosition")).intValue()).isEqualTo(2);
            assertThat((List<Map<String, Object>>) l.get("trail")).singleElement().satisfies(e -> assertThat(e).containsEntry("actorId", "you"));
        });
        assertThat(laptops).filteredOn(l -> pastRequest.equals(l.get("requestId"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("district", "dongjak-gu").containsEntry("status", "RETURNED"));
        List<Map<String, Object>> mentorships = (List<Map<String, Object>>) ((Map<String, Object>) export.get("mentoring")).get("mentorships");
        assertThat(mentorships).extracting(m -> m.get("role")).containsExactlyInAnyOrder("MENTEE", "MENTOR");
        assertThat(mentorships).filteredOn(m -> "MENTEE".equals(m.get("role"))).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("mentorName", "박멘토").doesNotContainKey("mentorId"));
        assertThat((Map<String, Object>) export.get("calendarFeed")).containsEntry("exists", true).doesNotContainKey("tokenHash");
        assertThat((List<Map<String, Object>>) export.get("consents")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("version", "2026-12-01").containsEntry("acceptedBy", "GUARDIAN").containsEntry("acceptedAt", "2026-11-02T00:00:00Z"));
        List<Map<String, Object>> inbox = (List<Map<String, Object>>) ((Map<String, Object>) export.get("notifications")).get("inbox");
        assertThat(inbox).extracting(n -> n.get("kind")).containsExactly("MENTOR_ASSIGNED", "APPLICATION_APPROVED");
        assertThat((List<Map<String, Object>>) export.get("other")).singleElement().satisfies(o ->
                assertThat(o).containsEntry("item", "SOMETHING_NEW").containsEntry("what", "a kind of item added later"));

        // the university's nomination, found by the verified address: never the link's secret or the address's hash
        assertThat((List<Map<String, Object>>) export.get("mentorNominations")).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("name", "김지명").containsEntry("university", "서울대학교").containsEntry("roundId", "round-export")
                .containsEntry("nominatedBy", "staff").containsKey("deletedAfter").doesNotContainKeys("code", "emailKey"));
        assertThat(r.getBody()).doesNotContain(NOMINATION_CODE).doesNotContain("이남의").doesNotContain(EmailKey.of(myAddress()));

        // nothing of anyone else, and no internal secret
        assertThat(r.getBody()).doesNotContain(otherLearner).doesNotContain("이다른학생").doesNotContain(mentor).doesNotContain(reviewer)
                .doesNotContain("sub-former-mentor").doesNotContain("충북에만있는이름").doesNotContain(SECRET_HASH)
                .doesNotContain("\"PK\"").doesNotContain("GSI1PK").doesNotContain("s3Key").doesNotContain("run-x");

        // the checked file, by its short-lived link
        Map<String, Object> verified = ((List<Map<String, Object>>) export.get("documents")).stream()
                .filter(d -> "d-verified".equals(d.get("documentId"))).findFirst().orElseThrow();
        Map<String, Object> download = (Map<String, Object>) verified.get("download");
        assertThat(Instant.parse((String) download.get("expiresAt"))).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create((String) download.get("url"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("%PDF-1.4 the certificate");
        assertThat(((List<Map<String, Object>>) export.get("documents")).stream().filter(d -> "d-waiting".equals(d.get("documentId")))
                .findFirst().orElseThrow()).doesNotContainKey("download").containsKey("deletedAfter");

        // found by key only
        assertThat(calls.count("Scan")).isZero();
        // 15 for one of everything, per further laptop request its GetItem and its trail's Query, and
        // one Query of GSI1 for the nominations of the verified address
        assertThat(calls.total()).isLessThanOrEqualTo(18);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMentorWhoseMentorshipWasReassignedStillFindsTheSessionsTheyHeldAndNothingOfTheMenteeOrTheNextMentor() throws Exception {
        String reassigned = "ms-" + UUID.randomUUID();
        String nextMentor = "sub-" + UUID.randomUUID();
        put(t("MENTORSHIP", reassigned), "MENTORSHIP", Map.of("mentorshipId", reassigned, "menteeId", otherLearner, "mentorId", nextMentor,
                "menteeName", "이다른학생", "mentorName", "최다음멘토", "status", "ACTIVE", "startedOn", "2026-09-01",
                "GSI1PK", t("MENTOR", nextMentor), "GSI1SK", "MENTORSHIP#" + reassigned));
        put(t("MENTORSHIP", reassigned), "SESSION#s-held", Map.of("sessionId", "s-held", "mentorshipId", reassigned, "menteeId", otherLearner,
                "mentorId", me, "start", "2026-10-05T09:00:00Z", "status", "HELD", "note", "이다른학생 note",
                "GSI1PK", t("MENTOR", me), "GSI1SK", "SESSION#2026-10-05T09:00:00Z#" + reassigned + "#s-held"));
        put(t("MENTORSHIP", reassigned), "SESSION#s-next", Map.of("sessionId", "s-next", "mentorshipId", reassigned, "menteeId", otherLearner,
                "mentorId", nextMentor, "start", "2026-11-05T09:00:00Z", "status", "BOOKED",
                "GSI1PK", t("MENTOR", nextMentor), "GSI1SK", "SESSION#2026-11-05T09:00:00Z#" + reassigned + "#s-next"));

        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("GET /api/me/data", Events.claims(me, "seoul", "mentors"),
                null, "ko"), null);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        List<Map<String, Object>> mentorships = (List<Map<String, Object>>) ((Map<String, Object>) Json.readObject(r.getBody())
                .get("mentoring")).get("mentorships");
        assertThat(mentorships).filteredOn(m -> reassigned.equals(m.get("mentorshipId"))).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("role", "FORMER_MENTOR").containsEntry("startedOn", "2026-09-01");
            assertThat((List<Map<String, Object>>) m.get("sessions")).singleElement()
                    .satisfies(x -> assertThat(x).containsEntry("sessionId", "s-held").containsEntry("status", "HELD"));
        });
        assertThat(r.getBody()).doesNotContain(otherLearner).doesNotContain("이다른학생").doesNotContain(nextMentor)
                .doesNotContain("최다음멘토").doesNotContain("s-next");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLaptopRequestThePersonMadeInAnyDistrictIsFoundByItsReferenceNotOnlyTheMarkersLatest() throws Exception {
        var ledger = kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(dynamo, stack.table());
        var seoul = kr.seoullearn.platform.tenant.TenantId.SEOUL;
        String first = "d-" + UUID.randomUUID();
        String second = "d-" + UUID.randomUUID();
        ledger.openDistrict(seoul, first, "model-x", 1, NOW);
        ledger.openDistrict(seoul, second, "model-x", 0, NOW);
        String cancelledId = UUID.randomUUID().toString();
        var placed = ledger.request(new kr.seoullearn.laptops.port.LaptopLedger.NewRequest(seoul, me, first, cancelledId, "111111", null,
                NOW.minusSeconds(86_400)));
        ledger.change(placed.request(), placed.request().version(), kr.seoullearn.laptops.domain.LaptopStatus.CANCELLED,
                new kr.seoullearn.laptops.domain.Actor(me, kr.seoullearn.laptops.domain.Actor.Kind.LEARNER), null, null,
                NOW.minusSeconds(3_600));
        // moved district, then asked again: the marker now names only the new request
        String waitingId = UUID.randomUUID().toString();
        ledger.request(new kr.seoullearn.laptops.port.LaptopLedger.NewRequest(seoul, me, second, waitingId, "222222", null, NOW));

        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("GET /api/me/data", Events.claims(me, "seoul", "learners"),
                null, "en"), null);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        List<Map<String, Object>> laptops = (List<Map<String, Object>>) Json.readObject(r.getBody()).get("laptopRequests");
        assertThat(laptops).extracting(l -> l.get("requestId")).containsExactlyInAnyOrder(cancelledId, waitingId);
        assertThat(laptops).filteredOn(l -> cancelledId.equals(l.get("requestId"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("district", first).containsEntry("status", "CANCELLED"));
        assertThat(laptops).filteredOn(l -> waitingId.equals(l.get("requestId"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("district", second).containsEntry("status", "REQUESTED"));
        assertThat(r.getBody()).doesNotContain("LAPTOP_REQUEST");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMentorsExportHoldsNothingOfTheirMentee() {
        seeders().get("T#<>#MENTORSHIP#<> / MENTORSHIP").accept(null);
        seeders().get("T#<>#MENTORSHIP#<> / SESSION#<>").accept(null);
        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("GET /api/me/data", Events.claims(me, "seoul", "mentors"), null, "en"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).doesNotContain(otherLearner).doesNotContain("이다른학생");
        Map<String, Object> export = Json.readObject(r.getBody());
        List<Map<String, Object>> mentorships = (List<Map<String, Object>>) ((Map<String, Object>) export.get("mentoring")).get("mentorships");
        assertThat(mentorships).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("role", "MENTOR").containsEntry("mentorshipId", mentorOf);
            assertThat((List<Map<String, Object>>) m.get("sessions")).singleElement().satisfies(s ->
                    assertThat(s).containsEntry("status", "NO_SHOW").doesNotContainKey("note").doesNotContainKey("menteeId"));
        });
    }

    @Test
    void anotherPersonsExportHasNoneOfTheirRecordsAndAnotherTenantsIsEmpty() {
        seeders().get("T#<>#U#<> / PROFILE").accept(null);
        APIGatewayV2HTTPResponse other = handler.handleRequest(Events.http("GET /api/me/data", Events.claims(otherLearner, "seoul", "learners"),
                null, "ko"), null);
        assertThat(other.getStatusCode()).isEqualTo(200);
        assertThat(other.getBody()).doesNotContain(me).doesNotContain("김내보내");
        APIGatewayV2HTTPResponse chungbuk = handler.handleRequest(Events.http("GET /api/me/data", Events.claims(me, "chungbuk", "learners"),
                null, "ko"), null);
        assertThat(chungbuk.getStatusCode()).isEqualTo(200);
        assertThat(chungbuk.getBody()).doesNotContain("김내보내").contains("\"tenant\":\"chungbuk\"");
    }

    @Test
    void withoutATokenTheRouteIsUnauthorisedAndWithoutATenantOnlyTheAccountIsRead() {
        APIGatewayV2HTTPResponse anonymous = handler.handleRequest(Events.http("GET /api/me/data", null, null, "en"), null);
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(anonymous.getHeaders().get("content-type")).contains("application/problem+json");

        String newcomer = "sub-" + UUID.randomUUID();
        put("ACCOUNT#" + newcomer, "ACCOUNT", Map.of("userId", newcomer, "username", newcomer, "language", "vi", "openedAt", "2026-11-28T00:00:00Z"));
        calls.reset();
        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("GET /api/me/data", Events.claims(newcomer, null, "applicants"), null, "vi"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        Map<String, Object> export = Json.readObject(r.getBody());
        assertThat(export.get("tenant")).isNull();
        assertThat(export.get("account")).isInstanceOf(Map.class);
        assertThat(calls.count("Query")).isZero();
    }
}
