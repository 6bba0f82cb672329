package kr.seoullearn.enrolment.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.catalog.port.ProviderWrites;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.port.ProviderDepartures;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the enrolment context's DynamoDB adapters to its ports. */
@Factory
public class EnrolmentStorage {

    @Singleton
    public EnrolmentLedger enrolmentLedger(DynamoDbClient dynamo, @Named("appTable") String table, FigureWrites figures) {
        return new DynamoEnrolmentLedger(dynamo, table, figures);
    }

    @Singleton
    public SeatActivity seatActivity(DynamoDbClient dynamo, @Named("appTable") String table, ReminderWrites reminders) {
        return new DynamoSeatActivity(dynamo, table, reminders);
    }

    @Singleton
    public ProviderDepartures providerDepartures(DynamoDbClient dynamo, @Named("appTable") String table, ProviderWrites providers) {
        return new DynamoProviderDepartures(dynamo, table, providers);
    }

    /** For code that wires by hand (tests). */
    public static ProviderDepartures departures(DynamoDbClient dynamo, String table) {
        return new DynamoProviderDepartures(dynamo, table, CatalogStorage.writes(table));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static EnrolmentLedger ledger(DynamoDbClient dynamo, String table) {
        return new DynamoEnrolmentLedger(dynamo, table, FiguresStorage.writes(table));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static SeatActivity activity(DynamoDbClient dynamo, String table) {
        return new DynamoSeatActivity(dynamo, table, RemindersStorage.writes(table));
    }
}
