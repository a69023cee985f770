package cn.hbce.devserver.gateway;

import cn.hbce.devserver.template.SamTemplate.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches requests to routes as API Gateway HTTP APIs do: literal segments win over {params}. */
public final class RouteTable {
    private final List<Compiled> routes = new ArrayList<>();

    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private record Compiled(Route route, Pattern pattern, List<String> names, int literalSegments) {
    }

    public RouteTable(List<Route> routes) {
        for (Route r : routes) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : r.path().split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("+}")) {
                    names.add(segment.substring(1, segment.length() - 2));
                    regex.append("(.+)");
                } else if (segment.startsWith("{")) {
                    names.add(segment.substring(1, segment.length() - 1));
                    regex.append("([^/]+)");
                } else {
                    literals++;
                    regex.append(Pattern.quote(segment));
                }
            }
            this.routes.add(new Compiled(r, Pattern.compile(regex.toString()), names, literals));
        }
        this.routes.sort(Comparator.comparingInt((Compiled c) -> -c.literalSegments()));
    }

    public Optional<Match> match(String method, String path) {
        for (Compiled c : routes) {
            if (!c.route().method().equals(method) && !c.route().method().equals("ANY")) {
                continue;
            }
            Matcher m = c.pattern().matcher(path);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < c.names().size(); i++) {
                    params.put(c.names().get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
                return Optional.of(new Match(c.route(), params));
            }
        }
        return Optional.empty();
    }

    public List<Route> all() {
        return routes.stream().map(Compiled::route).toList();
    }
}
