package kr.seoullearn.figures.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.catalog.port.DonatedSeats;
import kr.seoullearn.figures.domain.Pseudonyms;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.figures.port.ProgrammeFigures;
import kr.seoullearn.laptops.port.DistrictStock;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SecretsManagerSecret;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the figures context's DynamoDB adapters to its ports. */
@Factory
public class FiguresStorage {

    @Singleton
    public FigureWrites figureWrites(@Named("appTable") String table, Pseudonyms pseudonyms) {
        return writes(table, pseudonyms);
    }

    /**
     * The pseudonyms under the deployment's key, the Secrets Manager secret named by
     * PSEUDONYM_KEY_SECRET (docs/adr/0037), read on the first pseudonym: only the functions that
     * write extract rows or pseudonymise (template.yaml) have the variable and may read it.
     */
    @Singleton
    public Pseudonyms pseudonyms(FunctionEnvironment env) {
        return new Pseudonyms(new SecretsManagerSecret(env, "PSEUDONYM_KEY_SECRET")::bytes);
    }

    @Singleton
    public ProgrammeFigures programmeFigures(DynamoDbClient dynamo, @Named("appTable") String table, DonatedSeats seats,
                                             DistrictStock laptops) {
        return reads(dynamo, table, seats, laptops);
    }

    /**
     * For code that wires by hand (tests, the local cloud's seeders): pseudonyms under a key made
     * in this process ({@link Pseudonyms#ofThisProcess()}).
     */
    public static FigureWrites writes(String table) {
        return writes(table, Pseudonyms.ofThisProcess());
    }

    public static FigureWrites writes(String table, Pseudonyms pseudonyms) {
        return new DynamoFigureWrites(table, pseudonyms);
    }

    /**
     * What the dashboard and reports read: the figures, and the gauges the ledgers keep — seats
     * of the catalogue's providers, laptops of the laptop ledger's districts — through those
     * contexts' narrow gauge ports, so reports builds none of their other adapters.
     */
    public static ProgrammeFigures reads(DynamoDbClient dynamo, String table, DonatedSeats seats, DistrictStock laptops) {
        return new DynamoProgrammeFigures(dynamo, table, seats, laptops);
    }
}
