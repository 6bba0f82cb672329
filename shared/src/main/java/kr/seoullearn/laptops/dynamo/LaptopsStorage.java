package kr.seoullearn.laptops.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.laptops.port.DistrictStock;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.laptops.port.OverdueNotices;
import kr.seoullearn.notifications.dynamo.NotificationsStorage;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the laptops context's DynamoDB adapters to its ports. */
@Factory
public class LaptopsStorage {

    @Singleton
    public LaptopLedger laptopLedger(DynamoDbClient dynamo, @Named("appTable") String table, FigureWrites figures,
                                     ReminderWrites reminders) {
        return new DynamoLaptopLedger(dynamo, table, figures, reminders);
    }

    @Singleton
    public OfficerDistricts officerDistricts(DynamoDbClient dynamo, @Named("appTable") String table) {
        return officers(dynamo, table);
    }

    @Singleton
    public DistrictStock stockGauges(DynamoDbClient dynamo, @Named("appTable") String table) {
        return districtStock(dynamo, table);
    }

    /** The laptop gauges alone (the dashboard): each district's stock item, nothing of the queue. */
    public static DistrictStock districtStock(DynamoDbClient dynamo, String table) {
        return new DynamoDistrictStock(new LaptopReads(dynamo, table));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static LaptopLedger ledger(DynamoDbClient dynamo, String table) {
        return new DynamoLaptopLedger(dynamo, table, FiguresStorage.writes(table), RemindersStorage.writes(table));
    }

    @Singleton
    public OverdueNotices overdueNotices(DynamoDbClient dynamo, @Named("appTable") String table, NoticeWrites notices) {
        return new OverdueSteps(dynamo, table, notices);
    }

    /** For code that wires by hand (tests). */
    public static OverdueNotices overdue(DynamoDbClient dynamo, String table) {
        return new OverdueSteps(dynamo, table, NotificationsStorage.writes(table));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static OfficerDistricts officers(DynamoDbClient dynamo, String table) {
        return new DynamoOfficerDistricts(dynamo, table);
    }
}
