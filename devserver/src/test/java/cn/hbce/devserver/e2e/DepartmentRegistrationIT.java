package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.REMOVE;
import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.E2E.with;
import static cn.hbce.devserver.e2e.Fixtures.ROOT_ORG_ID;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static cn.hbce.devserver.e2e.Fixtures.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.seed.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** POST /v1/registrations/departments: validation, uniqueness, and nothing stored when refused. */
class DepartmentRegistrationIT {
    private static final String REGISTER = "/v1/registrations/departments";

    private static E2E.Resp register(Map<String, Object> body) {
        return E2E.post(REGISTER, body);
    }

    private static Map<String, Object> fresh() {
        return TestData.departmentRegistration(ROOT_ORG_ID);
    }

    @Test
    void validRegistrationIs201WithPendingStatusAndTheAdminCanSeeTheOrg() {
        Map<String, Object> body = fresh();
        E2E.Resp r = register(body);
        assertEquals(201, r.status(), r::toString);
        String orgId = r.json().path("orgId").asText("");
        assertFalse(orgId.isBlank(), r::toString);
        assertEquals("PENDING", r.json().path("status").asText());
        assertFalse(r.text().contains((String) ((Map<?, ?>) body.get("admin")).get("idCard")), "answer echoes the ID number");

        String token = Fixtures.token("DEPARTMENT", idCard(body), TestData.PASSWORD);
        JsonNode org = E2E.get("/v1/org", token).json();
        assertEquals(orgId, org.path("orgId").asText());
        assertEquals("DEPARTMENT", org.path("type").asText());
        assertEquals(body.get("name"), org.path("name").asText());
        assertEquals(body.get("creditCode"), org.path("creditCode").asText());
        assertEquals(ROOT_ORG_ID, org.path("parentOrgId").asText());
        assertEquals(Fixtures.ROOT_ORG_NAME, org.path("parentName").asText());
        assertEquals("PENDING", org.path("status").asText());
        assertEquals(body.get("contactPhone"), org.path("contactPhone").asText());
        assertEquals(1, org.path("version").asLong());
    }

    @Test
    void anApprovedDepartmentCanBeTheParent() {
        Map<String, Object> body = TestData.departmentRegistration(DemoData.HEALTH_COMMISSION);
        body.remove("regionCode");
        Fixtures.Dept d = Fixtures.registerDepartment(body);
        JsonNode org = E2E.get("/v1/org", Fixtures.token(d)).json();
        assertEquals(DemoData.HEALTH_COMMISSION, org.path("parentOrgId").asText());
        assertEquals("湖北省卫生健康委员会", org.path("parentName").asText());
    }

    @Test
    void parentMustBeAnApprovedDepartmentOrHrss() {
        Fixtures.Dept pending = Fixtures.registerDepartment();
        for (String parent : new String[]{"o_does_not_exist", DemoData.HOSPITAL, DemoData.BASE, pending.orgId()}) {
            assertValidation(register(TestData.departmentRegistration(parent)), "parentOrgId");
        }
    }

    @Test
    void badIdChecksumIs400IdCardInvalidAndStoresNothing() {
        Map<String, Object> body = fresh();
        Map<String, Object> bad = with(body, "admin.idCard", TestData.withWrongIdCheck(idCard(body)));
        JsonNode err = assertError(register(bad), 400, "ID_CARD_INVALID");
        assertTrue(fields(err).contains("admin.idCard"), err::toString);
        // The credit code was not taken by the refused registration.
        assertEquals(201, register(body).status());
    }

    @Test
    void idNumbersWithValidChecksumButImpossibleBirthDateOrShapeAreInvalid() {
        String tomorrow = LocalDate.now().plusDays(2).toString().replace("-", "");
        for (String first17 : new String[]{"42010619900230123", "42010619901301123", "420106" + tomorrow + "123",
                "42010618991231123"}) {
            String id = first17 + TestData.idCheck(first17);
            assertError(register(with(fresh(), "admin.idCard", id)), 400, "ID_CARD_INVALID");
        }
        String valid = TestData.idCard();
        for (String id : new String[]{valid.substring(0, 17), valid + "1", "42010A" + valid.substring(6),
                "４２０１０６" + valid.substring(6)}) {
            assertError(register(with(fresh(), "admin.idCard", id)), 400, "ID_CARD_INVALID");
        }
    }

    @Test
    void badCreditCodeChecksumIs400CreditCodeInvalidAndStoresNothing() {
        Map<String, Object> body = fresh();
        String code = (String) body.get("creditCode");
        JsonNode err = assertError(register(with(body, "creditCode", TestData.withWrongCreditCheck(code))), 400,
                "CREDIT_CODE_INVALID");
        assertTrue(fields(err).contains("creditCode"), err::toString);
        // Letters outside the GB 32100 alphabet (I, O, S, V, Z) are never valid.
        for (char c : new char[]{'I', 'O', 'S', 'V', 'Z'}) {
            String first17 = "11420106" + c + "0000000" + "1";
            String withoutCheck = first17.substring(0, 17);
            assertError(register(with(fresh(), "creditCode", withoutCheck + "0")), 400, "CREDIT_CODE_INVALID");
        }
        assertError(register(with(fresh(), "creditCode", code.substring(0, 17))), 400, "CREDIT_CODE_INVALID");
        // The ID number was not taken by the refused registration.
        assertEquals(201, register(body).status());
    }

    @Test
    void weakPasswordsAre400WeakPasswordAndStoreNothing() {
        Map<String, Object> body = fresh();
        String id = idCard(body);
        String phone = (String) ((Map<?, ?>) body.get("admin")).get("phone");
        List<String> weak = List.of(
                "Ab1#xyz",                 // 7 characters
                "alllowercase123",         // 2 classes
                "ALLUPPER!!!!",            // 2 classes
                "Passwordonly",            // 2 classes
                "12345678!@#$",            // 2 classes
                "Ab#" + id,                // contains the ID number
                "Ab#" + phone,             // contains the phone
                "Aa1#" + "x".repeat(61));  // 65 characters
        for (String password : weak) {
            JsonNode err = assertError(register(with(body, "admin.password", password)), 400, "WEAK_PASSWORD");
            assertTrue(fields(err).contains("admin.password"), err::toString);
            assertFalse(err.toString().contains(password), "error echoes the password");
        }
        // Three classes of at least 8 characters are enough; the refused attempts took neither the
        // credit code nor the ID number.
        assertEquals(201, register(with(body, "admin.password", "abc12345!")).status());
        Fixtures.token("DEPARTMENT", id, "abc12345!");
    }

    @Test
    void passwordContainingTheIdNumberWithLowerCaseXIsWeak() {
        Map<String, Object> body = with(fresh(), "admin.idCard", TestData.idCardEndingInX());
        String lower = idCard(body).toLowerCase();
        assertError(register(with(body, "admin.password", "Pw#" + lower)), 400, "WEAK_PASSWORD");
        assertError(register(with(with(body, "admin.idCard", lower), "admin.password", "Pw#" + idCard(body))), 400,
                "WEAK_PASSWORD");
    }

    @Test
    void invalidAdminPhoneIs400() {
        for (String phone : new String[]{"1234567890", "12812345678", "1581234567a", "027-87654321", "+8615812345678"}) {
            E2E.Resp r = register(with(fresh(), "admin.phone", phone));
            JsonNode err = assertError(r, 400, r.code());
            assertTrue(List.of("PHONE_INVALID", "VALIDATION_FAILED").contains(r.code()), r::toString);
            assertTrue(fields(err).contains("admin.phone"), r::toString);
        }
    }

    @Test
    void invalidOrgFieldsAre400NamingTheFields() {
        assertValidation(register(with(fresh(), "contactPhone", "12345")), "contactPhone");
        // A name that displays as something else (right-to-left override, zero-width space) is refused.
        assertValidation(register(with(fresh(), "name", "湖北省\u202e局生卫")), "name");
        assertValidation(register(with(fresh(), "admin.name", "张\u200b三")), "admin.name");
        assertValidation(register(with(fresh(), "regionCode", "42A106")), "regionCode");
        assertValidation(register(with(fresh(), "name", "部")), "name");
        assertValidation(register(with(fresh(), "name", "部".repeat(101))), "name");
        assertValidation(register(with(fresh(), "admin.name", " ")), "admin.name");
        JsonNode err = assertError(register(obj()), 400, "VALIDATION_FAILED");
        for (String f : new String[]{"name", "contactPhone", "parentOrgId", "admin", "creditCode"}) {
            assertTrue(fields(err).contains(f), () -> f + " not named in " + err);
        }
        JsonNode adminErr = assertError(register(with(fresh(), "admin", obj())), 400, "VALIDATION_FAILED");
        for (String f : new String[]{"admin.name", "admin.idCard", "admin.phone", "admin.password"}) {
            assertTrue(fields(adminErr).contains(f), () -> f + " not named in " + adminErr);
        }
        assertValidation(register(with(fresh(), "creditCode", REMOVE)), "creditCode");
    }

    @Test
    void sameCreditCodeIs409AlreadyRegisteredAndLeavesTheIdNumberFree() {
        Fixtures.Dept first = Fixtures.registerDepartment();
        Map<String, Object> second = with(fresh(), "creditCode", first.creditCode());
        JsonNode err = assertError(register(second), 409, "ALREADY_REGISTERED");
        assertTrue(fields(err).contains("creditCode"), err::toString);
        // Case does not make it another code.
        assertError(register(with(fresh(), "creditCode", first.creditCode().toLowerCase())), 409, "ALREADY_REGISTERED");
        // The second applicant's ID number is still free.
        assertEquals(201, register(with(second, "creditCode", TestData.creditCode())).status());
    }

    @Test
    void sameAdminIdNumberIs409AlreadyRegisteredAndLeavesTheCreditCodeFree() {
        Fixtures.Dept first = Fixtures.registerDepartment();
        Map<String, Object> second = with(with(fresh(), "admin.idCard", first.idCard()), "admin.password", "0ther#Secret");
        JsonNode err = assertError(register(second), 409, "ALREADY_REGISTERED");
        assertTrue(fields(err).contains("admin.idCard"), err::toString);
        // The credit code of the refused registration was given back.
        assertEquals(201, register(with(second, "admin.idCard", TestData.idCard())).status());
        // The first admin's account was not touched by the second applicant.
        Fixtures.token(first);
        assertError(Fixtures.login("DEPARTMENT", first.idCard(), "0ther#Secret"), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void idNumberEndingInXIsTheSameNumberInEitherCase() {
        String id = TestData.idCardEndingInX();
        Fixtures.Dept d = Fixtures.registerDepartment(with(fresh(), "admin.idCard", id.toLowerCase()));
        assertError(register(with(fresh(), "admin.idCard", id)), 409, "ALREADY_REGISTERED");
        Fixtures.token("DEPARTMENT", id, d.password());
    }

    @Test
    void idNumberOfAnExistingAccountIs409() {
        assertError(register(with(fresh(), "admin.idCard", Fixtures.ROOT_ADMIN_ID_CARD)), 409, "ALREADY_REGISTERED");
        assertError(register(with(fresh(), "admin.idCard", Fixtures.PERSON_ID_CARD)), 409, "ALREADY_REGISTERED");
    }

    @Test
    void doubleSubmitCreatesExactlyOneRegistration() {
        Map<String, Object> body = fresh();
        List<Callable<E2E.Resp>> twice = List.of(() -> register(body), () -> register(body));
        List<E2E.Resp> answers = E2E.concurrently(twice);
        List<Integer> statuses = answers.stream().map(E2E.Resp::status).sorted().toList();
        assertEquals(List.of(201, 409), statuses, answers::toString);
        E2E.Resp created = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
        E2E.Resp refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertError(refused, 409, "ALREADY_REGISTERED");
        // The account that exists belongs to the one registration that was created.
        E2E.Resp login = Fixtures.login("DEPARTMENT", idCard(body), TestData.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals(created.json().path("orgId").asText(), login.json().at("/user/orgId").asText());
        // And a third submit is still refused.
        assertError(register(body), 409, "ALREADY_REGISTERED");
    }

    @Test
    void concurrentRegistrationsWithOneIdNumberCreateOneAndFreeTheOtherCreditCode() {
        String id = TestData.idCard();
        Map<String, Object> a = with(fresh(), "admin.idCard", id);
        Map<String, Object> b = with(fresh(), "admin.idCard", id);
        List<E2E.Resp> answers = E2E.concurrently(List.of(() -> register(a), () -> register(b)));
        assertEquals(List.of(201, 409), answers.stream().map(E2E.Resp::status).sorted().toList(), answers::toString);
        Map<String, Object> loser = answers.get(0).status() == 409 ? a : b;
        assertEquals(201, register(with(loser, "admin.idCard", TestData.idCard())).status());
    }

    @SuppressWarnings("unchecked")
    private static String idCard(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("admin")).get("idCard");
    }
}
