package kr.seoullearn.registration.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.registration.local.LocalTestHouseholdsRegistry;
import kr.seoullearn.registration.port.Accounts;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.DocumentRecords;
import kr.seoullearn.registration.port.EligibilityRegistry;
import kr.seoullearn.registration.port.ProfileCorrections;
import kr.seoullearn.registration.port.RetentionDue;
import kr.seoullearn.registration.port.SchoolYearRollover;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.QuotaPlaces;
import kr.seoullearn.registration.port.RecordsCheckLimits;
import kr.seoullearn.notifications.dynamo.NotificationsStorage;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the registration context's adapters to its ports. */
@Factory
public class RegistrationStorage {
    /** The one records adapter there is: made-up test households (docs/product.md). */
    static final String LOCAL_TEST_HOUSEHOLDS = "local-test-households";

    @Singleton
    public ApplicationStore applicationStore(DynamoDbClient dynamo, @Named("appTable") String table, FigureWrites figures,
                                             ReminderWrites reminders, AuditWrites audit, NoticeWrites notices) {
        return new DynamoApplicationStore(dynamo, table, new TransactionRunner(dynamo), figures, reminders, audit, notices);
    }

    @Singleton
    public ProfileRepository profileRepository(DynamoDbClient dynamo, @Named("appTable") String table, ReminderWrites reminders) {
        return new DynamoProfileRepository(dynamo, table, new TransactionRunner(dynamo), reminders);
    }

    @Singleton
    public ProfileCorrections profileCorrectionsBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return corrections(dynamo, table);
    }

    @Singleton
    public RetentionDue retentionDueBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return retentionDue(dynamo, table);
    }

    @Singleton
    public SchoolYearRollover schoolYearRolloverBean(DynamoDbClient dynamo, @Named("appTable") String table, NoticeWrites notices,
                                                     FigureWrites figures) {
        return schoolYearRollover(dynamo, table, notices, figures);
    }

    /** The school-year rollover (docs/adr/0041), for tests and the run. */
    public static SchoolYearRollover schoolYearRollover(DynamoDbClient dynamo, String table, NoticeWrites notices,
                                                        FigureWrites figures) {
        return new DynamoSchoolYearRollover(dynamo, table, notices, figures, DynamoSchoolYearRollover.PAGE);
    }

    @Singleton
    public Accounts accountsBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return accounts(dynamo, table);
    }

    @Singleton
    public ProgrammeCatalogue programmeCatalogue(DynamoDbClient dynamo, @Named("appTable") String table) {
        return programmes(dynamo, table);
    }

    @Singleton
    public DocumentRecords documentRecords(DynamoDbClient dynamo, @Named("appTable") String table, AuditWrites audit) {
        return new DynamoDocumentRecords(dynamo, table, audit);
    }

    @Singleton
    public QuotaPlaces quotaPlacesBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return quotaPlaces(dynamo, table);
    }

    @Singleton
    public RecordsCheckLimits recordsCheckLimits(DynamoDbClient dynamo, @Named("appTable") String table) {
        return recordsCheckLimits(dynamo, table, java.time.Clock.systemUTC());
    }

    /** The records check's adapter named by ELIGIBILITY_REGISTRY; a value without an adapter stops the function. */
    @Singleton
    public EligibilityRegistry eligibilityRegistry(FunctionEnvironment env) {
        return eligibilityRegistry(env.optional("ELIGIBILITY_REGISTRY", ""));
    }

    // ---- for code that wires by hand (tests, the local cloud's seeders)

    public static ApplicationStore applications(DynamoDbClient dynamo, String table) {
        return new RegistrationStorage().applicationStore(dynamo, table, FiguresStorage.writes(table), RemindersStorage.writes(table),
                AuditStorage.writes(table), NotificationsStorage.writes(table));
    }

    public static ProfileCorrections corrections(DynamoDbClient dynamo, String table) {
        return new DynamoProfileCorrections(table, new TransactionRunner(dynamo), new ApplicationReads(dynamo, table));
    }

    public static RetentionDue retentionDue(DynamoDbClient dynamo, String table) {
        return new DynamoRetentionDue(dynamo, table);
    }

    public static Accounts accounts(DynamoDbClient dynamo, String table) {
        return new DynamoAccounts(dynamo, table);
    }

    public static QuotaPlaces quotaPlaces(DynamoDbClient dynamo, String table) {
        return new ApplicationQuotaPlaces(table, new TransactionRunner(dynamo), new ApplicationReads(dynamo, table));
    }

    public static ProfileRepository profiles(DynamoDbClient dynamo, String table) {
        return new RegistrationStorage().profileRepository(dynamo, table, RemindersStorage.writes(table));
    }

    public static ProgrammeCatalogue programmes(DynamoDbClient dynamo, String table) {
        return new DynamoProgrammeCatalogue(dynamo, table);
    }

    public static DocumentRecords documents(DynamoDbClient dynamo, String table) {
        return new DynamoDocumentRecords(dynamo, table, AuditStorage.writes(table));
    }

    public static RecordsCheckLimits recordsCheckLimits(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        return new RecordsCheckAttempts(table, new TransactionRunner(dynamo), clock);
    }

    public static EligibilityRegistry eligibilityRegistry(String choice) {
        if (!LOCAL_TEST_HOUSEHOLDS.equals(choice)) {
            throw new IllegalStateException("ELIGIBILITY_REGISTRY=" + choice + " has no adapter; only local-test-households exists");
        }
        return new LocalTestHouseholdsRegistry();
    }
}
