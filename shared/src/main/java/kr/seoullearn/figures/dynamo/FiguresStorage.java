package kr.seoullearn.figures.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.figures.port.FigureWrites;

/** Wires the figures context's DynamoDB adapters to its ports. */
@Factory
public class FiguresStorage {

    @Singleton
    public FigureWrites figureWrites(@Named("appTable") String table) {
        return writes(table);
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static FigureWrites writes(String table) {
        return new DynamoFigureWrites(table);
    }
}
