package kr.seoullearn.local.runtime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The cost of one invocation in DynamoDB, measured inside the function's JVM (docs/quality.md, "Cost per
 * request"): calls by operation, items read and items written, for the invocation the local
 * runtime is handling.
 *
 * <p>Registered as an SDK <em>global</em> interceptor: the local cloud puts a directory holding
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} (naming this class) on
 * the function's class path, so every SDK client the function builds carries it without the
 * function knowing. The cold-start benchmark (once mode) does not, so it measures the function
 * alone. The runtime handles one event at a time, hence the plain static state.
 *
 * <p>A Scan fails the call: no request path may scan a table (docs/adr, docs/quality.md), and the
 * failed call turns into a failed request that the end-to-end tests see.
 */
public final class DynamoDbCostProbe implements ExecutionInterceptor {
    private static final Map<String, Integer> CALLS = new TreeMap<>();
    private static int itemsRead;
    private static int itemsWritten;

    /** Forgets what the previous invocation cost. */
    static synchronized void begin() {
        CALLS.clear();
        itemsRead = 0;
        itemsWritten = 0;
    }

    /** What the invocation since {@link #begin()} cost, as a JSON object, or null when it made no DynamoDB call. */
    static synchronized String end() {
        if (CALLS.isEmpty()) {
            return "{\"calls\":{},\"itemsRead\":0,\"itemsWritten\":0}";
        }
        StringBuilder json = new StringBuilder("{\"calls\":{");
        String sep = "";
        for (var e : CALLS.entrySet()) {
            json.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        return json.append("},\"itemsRead\":").append(itemsRead).append(",\"itemsWritten\":").append(itemsWritten)
                .append('}').toString();
    }

    private static boolean isDynamoDb(ExecutionAttributes attributes) {
        // the SDK names the service "DynamoDb"
        return "DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!isDynamoDb(attributes)) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if ("Scan".equals(operation)) {
            synchronized (DynamoDbCostProbe.class) {
                CALLS.merge("Scan", 1, Integer::sum);
            }
            throw new IllegalStateException("Scan on a request path: no function may scan a table");
        }
        SdkRequest request = context.request();
        int written = switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem" -> 1;
            case "TransactWriteItems" -> size(request.getValueForField("TransactItems", Object.class).orElse(null));
            case "BatchWriteItem" -> sizeOfValues(request.getValueForField("RequestItems", Object.class).orElse(null));
            default -> 0;
        };
        synchronized (DynamoDbCostProbe.class) {
            CALLS.merge(operation, 1, Integer::sum);
            itemsWritten += written;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!isDynamoDb(attributes)) {
            return;
        }
        SdkResponse response = context.response();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        int read = switch (operation) {
            case "GetItem" -> response.getValueForField("Item", Map.class).map(m -> m.isEmpty() ? 0 : 1).orElse(0);
            // the items DynamoDB read for the page (before any filter), which is what a Query costs
            case "Query" -> response.getValueForField("ScannedCount", Integer.class)
                    .or(() -> response.getValueForField("Count", Integer.class)).orElse(0);
            case "BatchGetItem" -> sizeOfValues(response.getValueForField("Responses", Object.class).orElse(null));
            case "TransactGetItems" -> size(response.getValueForField("Responses", Object.class).orElse(null));
            default -> 0;
        };
        synchronized (DynamoDbCostProbe.class) {
            itemsRead += read;
        }
    }

    private static int size(Object value) {
        return value instanceof List<?> l ? l.size() : value instanceof Map<?, ?> m ? m.size() : 0;
    }

    private static int sizeOfValues(Object value) {
        int n = 0;
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                n += size(v);
            }
        }
        return n;
    }
}
