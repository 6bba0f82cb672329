package kr.seoullearn.privacy.dynamo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PersonalData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What the export reads (docs/data-model.md, "Personal data export"): the person's own
 * partitions, then the shared items their own ones lead to — every laptop request their references
 * and marker name, in whichever district (and its trail, and its place in the queue), the mentorships their request or the mentors' index
 * name, their places in waitlists, the audit entries whose subject they are. Found by key only,
 * never a Scan; consistent reads where the table allows them (not on GSI1).
 */
final class PersonalReads {
    private final DynamoDbClient dynamo;
    private final String table;

    PersonalReads(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    PersonalData read(TenantId tenant, String userId) {
        Map<String, Object> account = get(ItemKey.of("ACCOUNT#" + userId, "ACCOUNT"));
        if (tenant == null) {
            return PersonalData.accountOnly(account);
        }
        List<Map<String, Object>> own = partition(Keys.user(tenant, userId));
        List<PersonalData.LaptopHistory> laptops = new ArrayList<>();
        Set<String> mentorshipIds = new LinkedHashSet<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        Set<String> requestIds = new LinkedHashSet<>();
        for (Map<String, Object> item : own) {
            String sk = String.valueOf(item.get("SK"));
            if ((sk.equals("LAPTOP") || sk.startsWith("LAPTOP_REQUEST#")) && item.get("requestId") instanceof String requestId) {
                requestIds.add(requestId); // the marker's latest and every request's own reference, each read once
            } else if (sk.equals("MENTORING") && item.get("mentorshipId") instanceof String id) {
                mentorshipIds.add(id);
            } else if (sk.startsWith("ENROLMENT#") && "WAITLISTED".equals(item.get("status"))
                    && item.get("ticket") instanceof Number ticket && item.get("providerId") instanceof String provider) {
                places.put(provider, position(Keys.providerSeats(tenant, provider), ticket.longValue()));
            }
        }
        for (String requestId : requestIds) {
            laptop(tenant, userId, requestId).ifPresent(laptops::add);
        }
        // the mentor's desk: their mentorships, and the sessions they held — which still lead to a
        // mentorship that was reassigned to another mentor since (its MENTORSHIP entry left the desk)
        for (Map<String, Object> desk : index(Keys.tenant(tenant, "MENTOR", userId), null)) {
            if (desk.get("mentorshipId") instanceof String id) {
                mentorshipIds.add(id);
            }
        }
        List<List<Map<String, Object>>> mentorships = new ArrayList<>();
        for (String id : mentorshipIds) {
            List<Map<String, Object>> items = partition(Keys.tenant(tenant, "MENTORSHIP", id));
            if (!items.isEmpty()) {
                mentorships.add(items);
            }
        }
        return new PersonalData(account, own, partition(Keys.tenant(tenant, "SENT", userId)), partition(Keys.tenant(tenant, "NSENT", userId)),
                partition(Keys.tenant(tenant, "RECORDS_CHECKS", "U", userId)), partition(Keys.tenant(tenant, "AUDIT", "SUBJECT", userId)),
                laptops, mentorships, places);
    }

    /** A university's nominations of the person, by their verified address (docs/adr/0042). */
    List<Map<String, Object>> nominations(TenantId tenant, String verifiedEmail) {
        return index(nominee(tenant, verifiedEmail), null);
    }

    /** GSI1's key of one address's nominations in a tenant: {@code T#<t>#NOMINEE#<sha256(address)>}. */
    static String nominee(TenantId tenant, String verifiedEmail) {
        return Keys.tenant(tenant, "NOMINEE", EmailKey.of(verifiedEmail));
    }

    private java.util.Optional<PersonalData.LaptopHistory> laptop(TenantId tenant, String userId, String requestId) {
        Map<String, Object> request = get(ItemKey.of(Keys.tenant(tenant, "LAPTOP", requestId), "REQUEST"));
        if (request == null || !userId.equals(request.get("userId"))) {
            return java.util.Optional.empty();
        }
        List<Map<String, Object>> trail = index(Keys.tenant(tenant, "LAPTOP", requestId, "AUDIT"), null);
        Integer position = null;
        if ("REQUESTED".equals(request.get("status")) && request.get("ticket") instanceof Number ticket
                && request.get("district") instanceof String district) {
            position = position(Keys.tenant(tenant, "DISTRICT", district), ticket.longValue());
        }
        return java.util.Optional.of(new PersonalData.LaptopHistory(request, trail, position));
    }

    /** Entries of the queue up to and including the ticket (Select COUNT): 1 = next in line. */
    private int position(String pk, long ticket) {
        return Queries.count(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :mine")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":first", AttributeValue.fromS(TicketQueue.sortKey(0)),
                        ":mine", AttributeValue.fromS(TicketQueue.sortKey(ticket)))).build());
    }

    private Map<String, Object> get(ItemKey key) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key.attributes()).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : plain(item);
    }

    private List<Map<String, Object>> partition(String pk) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).build())
                .stream().map(PersonalReads::plain).toList();
    }

    private List<Map<String, Object>> index(String gsi1pk, String prefix) {
        var values = new LinkedHashMap<String, AttributeValue>();
        values.put(":pk", AttributeValue.fromS(gsi1pk));
        String condition = "GSI1PK = :pk";
        if (prefix != null) {
            values.put(":prefix", AttributeValue.fromS(prefix));
            condition += " AND begins_with(GSI1SK, :prefix)";
        }
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression(condition).expressionAttributeValues(values).build())
                .stream().map(PersonalReads::plain).toList();
    }

    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static Object value(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            BigDecimal n = new BigDecimal(v.n());
            try {
                return n.longValueExact();
            } catch (ArithmeticException fraction) {
                return n;
            }
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.hasM()) {
            return plain(v.m());
        }
        if (v.hasL()) {
            return v.l().stream().map(PersonalReads::value).toList();
        }
        if (v.hasSs()) {
            return List.copyOf(v.ss());
        }
        if (v.hasNs()) {
            return v.ns().stream().map(BigDecimal::new).toList();
        }
        if (v.b() != null) {
            return Base64.getEncoder().encodeToString(v.b().asByteArray());
        }
        return null;
    }
}
