package kr.seoullearn.mentoring.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.jitsi.JitsiMeetingRooms;
import kr.seoullearn.mentoring.jitsi.JitsiTokenMeetingRooms;
import kr.seoullearn.mentoring.local.LocalMeetingRooms;
import kr.seoullearn.mentoring.port.CalendarFeeds;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.notifications.dynamo.NotificationsStorage;
import kr.seoullearn.mentoring.port.TermEndNotices;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Wires the mentoring context's DynamoDB adapters to its ports. */
@Factory
public class MentoringStorage {

    @Singleton
    public MentoringLedger mentoringLedger(DynamoDbClient dynamo, @Named("appTable") String table, FigureWrites figures,
                                           ReminderWrites reminders, NoticeWrites notices) {
        return new DynamoMentoringLedger(new MentoringTable(dynamo, table, new TransactionRunner(dynamo), figures, reminders, notices));
    }

    @Singleton
    public kr.seoullearn.mentoring.port.MentorProfiles mentorProfilesBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return mentorProfiles(dynamo, table);
    }

    /** For code that wires by hand (tests). */
    public static kr.seoullearn.mentoring.port.MentorProfiles mentorProfiles(DynamoDbClient dynamo, String table) {
        return new DynamoMentorProfiles(dynamo, table);
    }

    @Singleton
    public CalendarFeeds calendarFeeds(DynamoDbClient dynamo, @Named("appTable") String table) {
        return feeds(dynamo, table);
    }

    /** For code that wires by hand (tests). */
    public static CalendarFeeds feeds(DynamoDbClient dynamo, String table) {
        return new DynamoCalendarFeeds(dynamo, table, new TransactionRunner(dynamo));
    }

    @Singleton
    public MentoringRulesCatalogue mentoringRules(DynamoDbClient dynamo, @Named("appTable") String table) {
        return rules(dynamo, table);
    }

    @Singleton
    public TermEndNotices termEndNotices(DynamoDbClient dynamo, @Named("appTable") String table, NoticeWrites notices) {
        return new TermEndings(dynamo, table, notices);
    }

    /** For code that wires by hand (tests). */
    public static TermEndNotices termEnds(DynamoDbClient dynamo, String table) {
        return new TermEndings(dynamo, table, NotificationsStorage.writes(table));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static MentoringLedger ledger(DynamoDbClient dynamo, String table) {
        return new DynamoMentoringLedger(new MentoringTable(dynamo, table, new TransactionRunner(dynamo),
                FiguresStorage.writes(table), RemindersStorage.writes(table), NotificationsStorage.writes(table)));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static MentoringRulesCatalogue rules(DynamoDbClient dynamo, String table) {
        return new DynamoMentoringRulesCatalogue(dynamo, table);
    }

    /**
     * The meeting provider a deployment names (MEETING_PROVIDER): {@code jitsi} (rooms on the Jitsi
     * Meet deployment at MEETING_SERVICE_URL) or {@code local-rooms} (the local cloud's stand-in).
     * Any other choice stops the function from starting rather than sending learners to rooms that
     * do not exist.
     */
    public static MeetingRooms meetingRooms(String provider, String serviceUrl) {
        return meetingRooms(provider, serviceUrl, null, null);
    }

    /**
     * As above, and {@code jitsi-jwt}: rooms on the city's Jitsi deployment at MEETING_SERVICE_URL
     * whose links carry a token signed with its app secret (appId: MEETING_APP_ID; secret: read
     * from Secrets Manager when the first link is made).
     */
    public static MeetingRooms meetingRooms(String provider, String serviceUrl, String appId, java.util.function.Supplier<byte[]> secret) {
        return switch (provider) {
            case "jitsi" -> new JitsiMeetingRooms(serviceUrl);
            case "jitsi-jwt" -> new JitsiTokenMeetingRooms(serviceUrl, appId, secret);
            case "local-rooms" -> new LocalMeetingRooms();
            default -> throw new IllegalStateException("MEETING_PROVIDER=" + provider
                    + " has no adapter; use jitsi or jitsi-jwt (or local-rooms in the local cloud)");
        };
    }

    // Items for code that must reach them directly: tests and seed data that need a state the
    // routes do not make, and recruitment's selection, which writes the mentor's item in its own
    // transaction until it onboards mentors through a mentoring port.

    /** The key of a mentor's item (profile, availability, mentee counter, term). */
    public static ItemKey mentorKey(TenantId tenant, String userId) {
        return MentorItems.key(tenant, userId);
    }

    /** The GSI1 partition matching reads a tenant's mentors from. */
    public static String mentorsIndex(TenantId tenant) {
        return MentoringKeys.mentors(tenant);
    }

    /** The key of a mentorship's item (quota, used, weekly cap, window, status). */
    public static ItemKey mentorshipKey(TenantId tenant, String mentorshipId) {
        return MentoringKeys.mentorship(tenant, mentorshipId);
    }

    /** A mentorship's item as stored. */
    public static Map<String, AttributeValue> mentorshipItem(Mentorship m) {
        return MentoringItems.item(m);
    }
}
