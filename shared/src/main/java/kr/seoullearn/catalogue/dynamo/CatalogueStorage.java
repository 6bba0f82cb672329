package kr.seoullearn.catalogue.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.catalogue.domain.Course;
import kr.seoullearn.catalogue.port.Catalogue;
import kr.seoullearn.catalogue.port.CatalogueAdmin;
import kr.seoullearn.catalogue.port.CatalogueSeeding;
import kr.seoullearn.catalogue.port.DonatedSeats;
import kr.seoullearn.platform.dynamo.Backoff;
import kr.seoullearn.catalogue.port.ProviderWrites;
import kr.seoullearn.catalogue.domain.CatalogueRefusal;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the catalogue context's DynamoDB adapters to its ports. */
@Factory
public class CatalogueStorage {

    @Singleton
    public Catalogue catalogue(DynamoDbClient dynamo, @Named("appTable") String table) {
        return publicCatalogue(dynamo, table);
    }

    @Singleton
    public CatalogueAdmin catalogueAdmin(DynamoDbClient dynamo, @Named("appTable") String table) {
        return admin(dynamo, table);
    }

    @Singleton
    public DonatedSeats seatGauges(DynamoDbClient dynamo, @Named("appTable") String table) {
        return donatedSeats(dynamo, table);
    }

    /** The seat gauges alone (the dashboard): providers and their seats, nothing of the courses. */
    public static DonatedSeats donatedSeats(DynamoDbClient dynamo, String table) {
        return new DynamoDonatedSeats(new ProviderItems(dynamo, table, new BatchCalls(dynamo, table, Backoff.DEFAULT)));
    }

    @Singleton
    public ProviderWrites providerWrites(@Named("appTable") String table) {
        return writes(table);
    }

    /** A provider's replacement inside another context's transaction (for code that wires by hand). */
    public static ProviderWrites writes(String table) {
        return (tx, provider) -> tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(CatalogueItems.provider(provider))
                .conditionExpression("attribute_exists(PK)")).build(), CatalogueRefusal.PROVIDER_NOT_FOUND);
    }

    /** The public catalogue (for code that wires by hand: tests, benchmarks). */
    public static Catalogue publicCatalogue(DynamoDbClient dynamo, String table) {
        return adapter(dynamo, table);
    }

    /** The operator's changes to the catalogue. */
    public static CatalogueAdmin admin(DynamoDbClient dynamo, String table) {
        return adapter(dynamo, table);
    }

    /** Bulk writes of providers, seats and courses (the local cloud's seeders, fixtures, benchmarks). */
    public static CatalogueSeeding seeding(DynamoDbClient dynamo, String table) {
        return adapter(dynamo, table);
    }

    /**
     * The items a course is stored as in the listings and the word index, its record not
     * counted (docs/adr/0008 quotes this per catalogue size).
     */
    public static int indexItems(Course course) {
        return CatalogueItems.items(course).size();
    }

    private static DynamoCatalogue adapter(DynamoDbClient dynamo, String table) {
        TransactionRunner runner = new TransactionRunner(dynamo);
        BatchCalls batch = new BatchCalls(dynamo, table, runner.backoff());
        return new DynamoCatalogue(new ProviderItems(dynamo, table, batch), new CoursePages(dynamo, table, batch),
                new CourseChanges(dynamo, table, runner), batch);
    }
}
