package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost-per-route table from what the local runtime recorded, and the Scan that fails it. */
class DynamoDbCostReportTest {

    @Test
    void oneRowPerRouteWithTheCostOfItsSuccessfulRequestsAndTheRoutesNoTestCalled(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MeFunction.jsonl"), """
                {"function":"s-MeFunction","route":"GET /api/me","status":"200","cost":{"calls":{"GetItem":1},"itemsRead":1,"itemsWritten":0}}
                {"function":"s-MeFunction","route":"GET /api/me","status":"200","cost":{"calls":{"GetItem":1},"itemsRead":0,"itemsWritten":0}}
                {"function":"s-MeFunction","route":"GET /api/me","status":"401","cost":{"calls":{},"itemsRead":0,"itemsWritten":0}}
                """);
        Files.writeString(dir.resolve("ReminderFunction.jsonl"), """
                {"function":"s-ReminderFunction","route":"schedule","status":"ok","cost":{"calls":{"GetItem":2,"Query":26,"TransactWriteItems":1},"itemsRead":5,"itemsWritten":2}}
                """);
        List<DynamoDbCostReport.Invocation> invocations = DynamoDbCostReport.read(dir);
        String table = DynamoDbCostReport.table(invocations, Template.load(TestStack.repositoryRoot().resolve("template.yaml")));

        assertThat(table).contains("| `GET /api/me` | MeFunction | 2 / 1 | 1 | 1 GetItem | 0 (1) | 0 |");
        assertThat(table).contains("| schedule | ReminderFunction | 1 / 0 | 29 | 2 GetItem + 26 Query + 1 TransactWriteItems | 5 | 2 |");
        assertThat(table).contains("Routes no end-to-end test called in this run:").contains("`GET /api/health`");
        assertThat(DynamoDbCostReport.scans(invocations)).isEmpty();
    }

    @Test
    void aRecordedScanIsReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("CatalogFunction.jsonl"), """
                {"function":"s-CatalogFunction","route":"GET /api/catalog/courses","status":"503","cost":{"calls":{"Scan":1},"itemsRead":0,"itemsWritten":0}}
                """);
        assertThat(DynamoDbCostReport.scans(DynamoDbCostReport.read(dir)))
                .extracting(DynamoDbCostReport.Invocation::route).containsExactly("GET /api/catalog/courses");
    }
}
