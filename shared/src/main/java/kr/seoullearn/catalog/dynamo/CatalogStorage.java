package kr.seoullearn.catalog.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.catalog.port.CatalogSeeding;
import kr.seoullearn.catalog.port.DonatedSeats;
import kr.seoullearn.platform.dynamo.Backoff;
import kr.seoullearn.catalog.port.ProviderWrites;
import kr.seoullearn.catalog.domain.CatalogRefusal;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the catalogue context's DynamoDB adapters to its ports. */
@Factory
public class CatalogStorage {

    @Singleton
    public Catalog catalogue(DynamoDbClient dynamo, @Named("appTable") String table) {
        return publicCatalogue(dynamo, table);
    }

    @Singleton
    public CatalogAdmin catalogueAdmin(DynamoDbClient dynamo, @Named("appTable") String table) {
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
        return (tx, provider) -> tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(CatalogItems.provider(provider))
                .conditionExpression("attribute_exists(PK)")).build(), CatalogRefusal.PROVIDER_NOT_FOUND);
    }

    /** The public catalogue (for code that wires by hand: tests, benchmarks). */
    public static Catalog publicCatalogue(DynamoDbClient dynamo, String table) {
        return adapter(dynamo, table);
    }

    /** The operator's changes to the catalogue. */
    public static CatalogAdmin admin(DynamoDbClient dynamo, String table) {
        return adapter(dynamo, table);
    }

    /** Bulk writes of providers, seats and courses (the local cloud's seeders, fixtures, benchmarks). */
    public static CatalogSeeding seeding(DynamoDbClient dynamo, String table) {
        return adapter(dynamo, table);
    }

    /**
     * The items a course is stored as in the listings and the word index, its record not
     * counted (docs/adr/0008 quotes this per catalogue size).
     */
    public static int indexItems(Course course) {
        return CatalogItems.items(course).size();
    }

    private static DynamoCatalog adapter(DynamoDbClient dynamo, String table) {
        TransactionRunner runner = new TransactionRunner(dynamo);
        BatchCalls batch = new BatchCalls(dynamo, table, runner.backoff());
        return new DynamoCatalog(new ProviderItems(dynamo, table, batch), new CoursePages(dynamo, table, batch),
                new CourseChanges(dynamo, table, runner), batch);
    }
}
