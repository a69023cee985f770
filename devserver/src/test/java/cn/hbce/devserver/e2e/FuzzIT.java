package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.RegistrationStatus;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bad input never answers 5xx. Over every route of template.yaml, requests generated from
 * docs/openapi.yaml ({@link FuzzCases}) are sent by anonymous callers, callers with broken tokens, the
 * super admin and a role-holding admin of a real department, a professional and the admin of an org
 * still under review. Every answer must be below 500, every error must carry the contract's
 * {@code {code, message, requestId}}, and a refused request must store nothing: the refused writes
 * are sent again between two snapshots of the table, which must be equal (audit records, sessions
 * and failed-login counters aside) and answered alike. Deterministic: a fixed seed.
 * <p>
 * Every request carries {@code X-Forwarded-For: 192.0.2.n} (a documentation address, a header value
 * only) so that failed logins here count against addresses of their own, not 127.0.0.1.
 */
class FuzzIT {
    private static final long SEED = 0x5EED_2026_1130L;
    private static final String LOGOUT = "POST /v1/auth/logout";
    private static final String PASSWORD = "PUT /v1/me/password";
    private static final String LOGIN = "POST /v1/auth/login";
    /** Routes whose success ends the caller's session or password: sent by throwaway accounts only. */
    private static final Set<String> SELF_ENDING = Set.of(LOGOUT, PASSWORD);
    /** How many cases of a route each caller other than the route's main caller sends. */
    private static final int SAMPLE = 7;

    /** Someone sending requests: a fixed Authorization header, or a throwaway account remade when spent. */
    private static final class Caller {
        final String name;
        final Supplier<String> login;
        String authorization;

        Caller(String name, Supplier<String> login) {
            this.name = name;
            this.login = login;
            this.authorization = login == null ? null : "Bearer " + login.get();
        }

        static Caller fixed(String name, String authorization) {
            Caller c = new Caller(name, null);
            c.authorization = authorization;
            return c;
        }

        void renew() {
            if (login != null) {
                authorization = "Bearer " + login.get();
            }
        }
    }

    private record Sent(Caller caller, FuzzCases.Case c, int status, String text) {
        String compact() {
            return caller.name + " " + c.method() + " " + FuzzCases.shorten(c.target()) + " [" + c.label() + "] body="
                    + (c.body() == null ? "none" : FuzzCases.shorten(new String(c.body(), java.nio.charset.StandardCharsets.UTF_8)))
                    + " ct=" + c.contentType() + " -> " + status + " " + FuzzCases.shorten(text == null ? "" : text);
        }
    }

    @Test
    void noRouteAnswers5xxToBadInputAndRefusedRequestsStoreNothing() {
        long started = System.nanoTime();
        Path root = DevServerConfig.ephemeral().projectRoot();
        List<SamTemplate.Route> routes = SamTemplate.load(root.resolve("template.yaml")).routes().stream()
                .sorted(java.util.Comparator.comparing(SamTemplate.Route::routeKey)).toList();
        FuzzCases gen = new FuzzCases(root.resolve("docs/openapi.yaml"), SEED, overrides());
        Random random = new Random(SEED);

        // the callers
        OrgAdmin.Org dept = OrgAdmin.department("模糊");
        E2E.Resp made = E2E.post("/v1/org/departments", E2E.obj("name", "模糊测试名称"), dept.token());
        assertEquals(201, made.status(), made::toString);
        Caller anonymous = Caller.fixed("anonymous", null);
        Caller superAdmin = Caller.fixed("dept-super-admin", "Bearer " + dept.token());
        String roleId = Fixtures.role(dept.orgId(), "org.departments", "subordinates.manage", "review.registration");
        Caller admin = new Caller("dept-admin", () -> Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(dept.org(), roleId),
                TestData.PASSWORD));
        Caller person = new Caller("professional", () -> Fixtures.token("PERSON",
                professional(), TestData.PASSWORD));
        Fixtures.Dept pending = Fixtures.registerDepartment();
        Caller pendingAdmin = Caller.fixed("pending-org-admin", "Bearer " + Fixtures.token(pending));
        List<String> broken = List.of("Bearer ", "Bearer a.b.c", "Basic YTpi", "Bearer " + "A".repeat(20_000),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJwX3gifQ.", "bearer " + dept.token() + "x", "Bearer ../../");
        Caller brokenToken = Caller.fixed("broken-token", broken.get(0));
        Caller throwawayAdmin = new Caller("throwaway-admin", () -> Fixtures.token("DEPARTMENT",
                Fixtures.extraAdmin(dept.org(), roleId), TestData.PASSWORD));
        Caller throwawayPerson = new Caller("throwaway-professional", () -> Fixtures.token("PERSON", professional(),
                TestData.PASSWORD));

        // the requests: every route, its main caller sends every case, the others a sample
        List<Map.Entry<Caller, FuzzCases.Case>> plan = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (SamTemplate.Route route : routes) {
            Map<String, Object> op = gen.operation(route.method(), route.path());
            if (op == null) {
                undocumented.add(route.routeKey());
                continue;
            }
            List<FuzzCases.Case> cases = gen.cases(route.method(), route.path(), op);
            Caller main;
            List<Caller> others;
            if (SELF_ENDING.contains(route.routeKey())) {
                main = throwawayAdmin;
                others = List.of(throwawayPerson, anonymous, brokenToken);
            } else if (!route.authorized()) {
                main = anonymous;
                others = List.of(superAdmin, person, brokenToken);
            } else {
                main = superAdmin;
                others = List.of(anonymous, brokenToken, admin, person, pendingAdmin);
            }
            cases.forEach(c -> plan.add(Map.entry(main, c)));
            for (Caller other : others) {
                plan.add(Map.entry(other, cases.get(0)));
                for (int i = 0; i < SAMPLE; i++) {
                    plan.add(Map.entry(other, cases.get(1 + random.nextInt(cases.size() - 1))));
                }
            }
        }
        assertEquals(List.of(), undocumented, "routes of template.yaml missing from docs/openapi.yaml");

        // pass 1: everything
        List<String> failures = new ArrayList<>();
        List<Sent> refusedWrites = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Long> timeByRoute = new TreeMap<>();
        int n = 0;
        for (var entry : plan) {
            Caller caller = entry.getKey();
            if (caller == brokenToken) {
                caller.authorization = broken.get(n % broken.size());
            }
            long sentAt = System.nanoTime();
            Sent sent = send(caller, entry.getValue(), "192.0.2." + (n++ % 250 + 1));
            statuses.merge(sent.status(), 1, Integer::sum);
            check(sent, failures);
            String routeKey = entry.getValue().method() + " " + entry.getValue().route();
            timeByRoute.merge(routeKey, System.nanoTime() - sentAt, Long::sum);
            if (sent.status() >= 400 && !entry.getValue().method().equals("GET")
                    && !SELF_ENDING.contains(routeKey) && caller != brokenToken) {
                refusedWrites.add(sent);
            }
            if (caller.login != null && (sent.status() == 401 || sent.status() == 423
                    || (SELF_ENDING.contains(routeKey) && sent.status() < 300))) {
                caller.renew();
            }
        }
        long pass1 = (System.nanoTime() - started) / 1_000_000;

        // pass 2: the refused writes again, between two snapshots
        Map<String, String> before = TableSnapshot.settled();
        int m = 0;
        List<String> changed = new ArrayList<>();
        for (Sent first : refusedWrites) {
            Sent again = send(first.caller(), first.c(), "198.51.100." + (m++ % 250 + 1));
            check(again, failures);
            if (again.status() != first.status() && !(first.c().method() + " " + first.c().route()).equals(LOGIN)) {
                changed.add("first " + first.status() + ", again " + again.compact());
            }
        }
        Map<String, String> after = TableSnapshot.settled();
        long total = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("FuzzIT: %d requests over %d routes (pass 1: %d in %d ms; %d refused writes replayed), "
                + "statuses %s, %d ms in all%n", plan.size() + refusedWrites.size(), routes.size(), plan.size(), pass1,
                refusedWrites.size(), statuses, total);
        timeByRoute.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> System.out.printf("FuzzIT:   %s %d ms%n", e.getKey(), e.getValue() / 1_000_000));

        assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers, e.g.:\n" + String.join("\n",
                failures.subList(0, Math.min(80, failures.size()))));
        assertTrue(plan.size() >= 2000, "at least 2,000 generated requests: " + plan.size());
        assertEquals("", TableSnapshot.diff(before, after), "refused requests stored something");
        assertTrue(changed.isEmpty(), () -> "a refused request answered otherwise the second time (did it leave "
                + "something behind?):\n" + String.join("\n", changed.subList(0, Math.min(15, changed.size()))));
        int ok = statuses.entrySet().stream().filter(e -> e.getKey() < 300).mapToInt(Map.Entry::getValue).sum();
        assertTrue(ok > 0 && ok < plan.size(), "some requests pass, most are refused: " + statuses);
    }

    @Test
    void malformedPercentEscapesAreRefusedWithAnAnswer() throws Exception {
        String token = OrgAdmin.department("转义").token();
        for (String target : List.of("/v1/reviews?q=%zz", "/v1/reviews?q=%E9%9", "/v1/reviews/%zz", "/v1/orgs/lookup?q=%",
                "/v1/org/roles/%G0")) {
            String statusLine = rawGet(target, token);
            assertTrue(statusLine.matches("HTTP/1\\.1 4\\d\\d .*"), () -> target + ": " + statusLine);
        }
    }

    /** java.net.http refuses to send a malformed URI; a socket does, as any client may. */
    private static String rawGet(String target, String token) throws java.io.IOException {
        java.net.URI base = E2E.base();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nX-Forwarded-For: 192.0.2.251\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? "no answer" : line;
        }
    }

    private static Sent send(Caller caller, FuzzCases.Case c, String forwardedFor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", forwardedFor);
        if (caller.authorization != null) {
            headers.put("Authorization", caller.authorization);
        }
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        try {
            E2E.Resp r = E2E.sendRaw(c.method(), c.target(), c.body(), headers);
            return new Sent(caller, c, r.status(), r.text());
        } catch (RuntimeException noAnswer) {
            // The connection closed without an answer: as bad as a 5xx (status 599 here).
            return new Sent(caller, c, 599, "no answer: " + noAnswer.getMessage());
        }
    }

    /** No 5xx; an error carries code, message and requestId. */
    private static void check(Sent sent, List<String> failures) {
        if (sent.status() >= 500) {
            failures.add(sent.compact());
            return;
        }
        if (sent.status() >= 400) {
            JsonNode body = parse(sent.text());
            boolean shaped = body != null && body.path("code").asText("").matches("[A-Z][A-Z_]+")
                    && !body.path("message").asText("").isBlank() && !body.path("requestId").asText("").isBlank();
            if (!shaped) {
                failures.add("no {code,message,requestId}: " + sent.compact());
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isEmpty() ? null : E2E.JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String professional() {
        String idCard = TestData.idCard();
        Fixtures.professional(RegistrationStatus.APPROVED, idCard);
        return idCard;
    }

    /**
     * Field values of the valid-looking requests: well-formed but bound to fail late (ids that name
     * nothing, a stale version, a weak new password, a permission that does not exist), so that each
     * mutation runs as deep as it can while the unmutated request still changes nothing.
     */
    private static Map<String, Function<String, JsonNode>> overrides() {
        Map<String, Function<String, JsonNode>> o = new LinkedHashMap<>();
        Function<String, JsonNode> missing = k -> FuzzCases.F.textNode(FuzzCases.MISSING_ID);
        for (String id : List.of("parentOrgId", "supervisorOrgId", "unitOrgId", "newParentOrgId", "personId", "roleId",
                "reviewId", "orgId")) {
            o.put(id, missing);
        }
        o.put("idCard", k -> FuzzCases.F.textNode(TestData.idCard()));
        o.put("creditCode", k -> FuzzCases.F.textNode(TestData.creditCode()));
        o.put("phone", k -> FuzzCases.F.textNode(TestData.phone()));
        o.put("contactPhone", k -> FuzzCases.F.textNode("027-86000000"));
        o.put("regionCode", k -> FuzzCases.F.textNode("420106"));
        o.put("password", k -> FuzzCases.F.textNode("Fuzz#Passw0rd1"));
        o.put("oldPassword", k -> FuzzCases.F.textNode(TestData.PASSWORD));
        o.put("newPassword", k -> FuzzCases.F.textNode("weak"));
        o.put("version", k -> FuzzCases.F.numberNode(999_999));
        o.put("titleSeries", k -> FuzzCases.F.textNode("卫生技术人员"));
        o.put("titleLevel", k -> FuzzCases.F.textNode("中级"));
        o.put("permissions", k -> FuzzCases.F.arrayNode().add("no.such.permission"));
        o.put("name", k -> FuzzCases.F.textNode("模糊测试名称"));
        return o;
    }
}
