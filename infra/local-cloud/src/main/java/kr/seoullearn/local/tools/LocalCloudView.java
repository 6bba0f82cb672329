package kr.seoullearn.local.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.template.Template;

/**
 * Prints, as JSON, what the local cloud reads from a template and runs: the routes (route key,
 * function, whether the JWT authorizer guards it), the default authorizer and the schedules.
 * infra/deploy.d/crosscheck.py compares it with what the SAM translator makes of the same
 * template, i.e. with what AWS would deploy.
 *
 * <pre>java -cp local-cloud-all.jar kr.seoullearn.local.tools.LocalCloudView template.yaml</pre>
 */
public final class LocalCloudView {
    private LocalCloudView() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(JsonText.write(view(Template.load(Path.of(args.length > 0 ? args[0] : "template.yaml")))));
    }

    static Map<String, Object> view(Template template) {
        List<Object> routes = new ArrayList<>();
        List<Object> schedules = new ArrayList<>();
        for (Template.Function f : template.functions()) {
            for (Template.Route r : f.routes()) {
                routes.add(Map.of("route", r.routeKey(), "function", f.logicalId(), "authorized", r.authorized()));
            }
            for (Template.Schedule s : f.schedules()) {
                Map<String, Object> schedule = new LinkedHashMap<>();
                schedule.put("function", f.logicalId());
                schedule.put("expression", s.expression());
                schedule.put("timezone", s.timezone());
                schedule.put("enabled", s.enabled());
                schedule.put("input", s.input());
                schedules.add(schedule);
            }
        }
        Template.Authorizer a = template.authorizer();
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("name", a.name());
        authorizer.put("issuer", a.issuer());
        authorizer.put("audience", a.audience());
        authorizer.put("identitySource", a.identitySource());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("routes", routes);
        view.put("authorizer", authorizer);
        view.put("schedules", schedules);
        return view;
    }
}
