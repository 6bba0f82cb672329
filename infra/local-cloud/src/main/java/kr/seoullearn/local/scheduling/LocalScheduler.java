package kr.seoullearn.local.scheduling;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.template.Template;

/**
 * Fires the template's Schedule/ScheduleV2 events on their expressions (EventBridge Scheduler and
 * rules never fire in the emulator), and on demand: {@code POST /_local/schedules/<Function>.<Event>}.
 */
public final class LocalScheduler implements AutoCloseable {
    private final List<Entry> entries = new ArrayList<>();
    private final Invoker functions;
    private final Clock clock;
    private final String region;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-scheduler");
        t.setDaemon(true);
        return t;
    });

    private record Entry(Template.Schedule schedule, ScheduleExpression expression, ZonedDateTime started) {
        String name() {
            return schedule.functionId() + "." + schedule.eventId();
        }
    }

    /** Runs a function with a payload and returns its answer (the local cloud: its FunctionHost). */
    public interface Invoker {
        String invoke(String functionId, String payload) throws IOException, InterruptedException;
    }

    public LocalScheduler(List<Template.Schedule> schedules, Invoker functions, Clock clock, String region) {
        this.functions = functions;
        this.clock = clock;
        this.region = region;
        for (Template.Schedule s : schedules) {
            entries.add(new Entry(s, ScheduleExpression.parse(s.expression()),
                    ZonedDateTime.now(clock.withZone(ScheduleExpression.zone(s.timezone())))));
        }
    }

    /** Starts the timers of the enabled schedules. */
    public void start() {
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private final Map<String, ZonedDateTime> due = new LinkedHashMap<>();

    /** Fires what is due now (every second on the timer; called directly by tests). */
    void tick() {
        for (Entry e : entries) {
            if (!e.schedule().enabled()) {
                continue;
            }
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(ScheduleExpression.zone(e.schedule().timezone())));
            ZonedDateTime next = due.computeIfAbsent(e.name(), n -> e.expression().next(now, e.started()));
            if (!now.isBefore(next)) {
                due.put(e.name(), e.expression().next(now, e.started()));
                fire(e.name(), null);
            }
        }
    }

    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("expression", e.schedule().expression());
            m.put("timezone", e.schedule().timezone());
            m.put("enabled", e.schedule().enabled());
            ZonedDateTime next = due.get(e.name());
            if (next != null) {
                m.put("next", next.toString());
            }
            out.add(m);
        }
        return out;
    }

    /** Fires one schedule now; empty if there is no such schedule. */
    Optional<String> fire(String name) {
        return fire(name, null);
    }

    /**
     * Fires one schedule as if at {@code at} (the scheduled time the target sees; null: now), so
     * that tests drive scheduled functions with an injected clock.
     */
    public Optional<String> fire(String name, java.time.Instant at) {
        return fire(name, at, null);
    }

    /** As {@link #fire(String, java.time.Instant)}, the payload (a JSON object) also naming {@code tenant} when not null. */
    public Optional<String> fire(String name, java.time.Instant at, String tenant) {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                try {
                    String payload = payload(e, at == null ? clock.instant() : at);
                    if (tenant != null && payload.trim().endsWith("}")) {
                        String body = payload.trim();
                        String head = body.substring(0, body.length() - 1).trim();
                        payload = head + (head.endsWith("{") ? "" : ",") + "\"tenant\":\"" + tenant + "\"}";
                    }
                    return Optional.of(functions.invoke(e.schedule().functionId(), payload));
                } catch (IOException ex) {
                    System.err.println("[local-cloud] schedule " + name + " failed: " + ex.getMessage());
                    return Optional.of("{\"error\":\"invocation failed\"}");
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return Optional.of("{\"error\":\"interrupted\"}");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Scheduler passes the target's Input with its context attributes filled in (scheduled time,
     * execution id, attempt); otherwise the event an EventBridge rule sends.
     */
    private String payload(Entry e, java.time.Instant at) {
        if (e.schedule().input() != null) {
            return e.schedule().input()
                    .replace("<aws.scheduler.scheduled-time>", at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                    .replace("<aws.scheduler.attempt-number>", "1")
                    .replace("<aws.scheduler.schedule-arn>", "arn:aws:scheduler:" + region + ":" + LocalAws.ACCOUNT_ID
                            + ":schedule/default/" + e.name());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", LocalAws.ACCOUNT_ID);
        event.put("time", at.toString());
        event.put("region", region);
        event.put("resources", List.of("arn:aws:scheduler:" + region + ":" + LocalAws.ACCOUNT_ID + ":schedule/default/" + e.name()));
        event.put("detail", Map.of());
        return JsonText.write(event);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
