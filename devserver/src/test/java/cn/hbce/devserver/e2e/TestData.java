package cn.hbce.devserver.e2e;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid and unique test identities. Written independently of the product's validators, from the
 * standards: GB 11643 for ID numbers, GB 32100 for unified social credit codes.
 */
public final class TestData {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** The password every generated account gets unless a test says otherwise. */
    public static final String PASSWORD = "E2e#Passw0rd";

    private static final AtomicInteger ID_SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final AtomicInteger CC_SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));
    private static final AtomicInteger PHONE_SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));
    private static final AtomicInteger NAME_SEQ = new AtomicInteger();
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1960, 1, 1);

    private TestData() {
    }

    /**
     * A valid ID number of area 420106 nobody else in this JVM got: each call gets its own birth date
     * (1960-01-01 + n days, always in the past), sequence 7xx-9xx (the seeded accounts use 0xx).
     */
    public static String idCard() {
        int n = ID_SEQ.incrementAndGet();
        String birth = FIRST_BIRTH_DATE.plusDays(n).toString().replace("-", "");
        String seq = String.valueOf(700 + ThreadLocalRandom.current().nextInt(300));
        String body = "420106" + birth + seq;
        return body + idCheck(body);
    }

    /** A valid, unique ID number whose check character is X. */
    public static String idCardEndingInX() {
        while (true) {
            String id = idCard();
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    /** A valid, unique ID number whose check character is a digit (for tests of changed digits). */
    public static String idCardEndingInDigit() {
        while (true) {
            String id = idCard();
            if (!id.endsWith("X")) {
                return id;
            }
        }
    }

    public static char idCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String withWrongIdCheck(String id) {
        char right = id.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return id.substring(0, 17) + wrong;
    }

    /** A valid, unique unified social credit code: 1 1 (government organ), area 420106, a 9-character org code. */
    public static String creditCode() {
        String body = "11420106" + String.format("%09d", CC_SEQ.incrementAndGet());
        return body + creditCheck(body);
    }

    public static char creditCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CC_ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("Not in the code alphabet: " + first17.charAt(i));
            }
            sum += v * CC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CC_ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public static String withWrongCreditCheck(String code) {
        char right = code.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return code.substring(0, 17) + wrong;
    }

    /** A unique mainland mobile number (158 + 8 digits). */
    public static String phone() {
        return "158" + String.format("%08d", PHONE_SEQ.incrementAndGet());
    }

    /** A unique department name with a tag for finding it again, e.g. 测试主管部门甲12. */
    public static String departmentName(String tag) {
        return "端到端测试" + tag + "部门" + NAME_SEQ.incrementAndGet() + "号";
    }

    /** A complete, valid department registration under {@code parentOrgId}. */
    public static Map<String, Object> departmentRegistration(String parentOrgId) {
        return departmentRegistration(parentOrgId, creditCode(), idCard(), PASSWORD);
    }

    public static Map<String, Object> departmentRegistration(String parentOrgId, String creditCode, String idCard,
                                                             String password) {
        return E2E.obj(
                "creditCode", creditCode,
                "name", departmentName("登记"),
                "parentOrgId", parentOrgId,
                "regionCode", "420106",
                "contactPhone", "027-87" + String.format("%06d", NAME_SEQ.incrementAndGet() % 1_000_000),
                "admin", E2E.obj(
                        "idCard", idCard,
                        "name", "测试管理员",
                        "phone", phone(),
                        "password", password));
    }

    // ------------------------------------------------------------------ reviews

    /** A unique person name carrying {@code tag} (to find it again with ?q=), e.g. 审核人员甲7号. */
    public static String personName(String tag) {
        return "审核人员" + tag + NAME_SEQ.incrementAndGet() + "号";
    }

    /** A unique org name carrying {@code tag}, avoiding the words the lookup tests count (武汉, 卫生, 人力资源, 管理局). */
    public static String orgName(String kind, String tag) {
        return "端到端审核" + tag + kind + NAME_SEQ.incrementAndGet() + "号";
    }

    /** A complete, valid professional registration at {@code unitOrgId} (卫生技术人员 · 中级). */
    public static Map<String, Object> personRegistration(String unitOrgId) {
        return personRegistration(unitOrgId, idCard(), personName("登记"));
    }

    public static Map<String, Object> personRegistration(String unitOrgId, String idCard, String name) {
        return E2E.obj(
                "idCard", idCard,
                "name", name,
                "phone", phone(),
                "password", PASSWORD,
                "unitOrgId", unitOrgId,
                "titleSeries", "卫生技术人员",
                "titleLevel", "中级");
    }

    /** A complete, valid unit or base registration under the department {@code supervisorOrgId}. */
    public static Map<String, Object> supervisedOrgRegistration(String supervisorOrgId, String kind) {
        return E2E.obj(
                "creditCode", creditCode(),
                "name", orgName(kind, "登记"),
                "supervisorOrgId", supervisorOrgId,
                "regionCode", "420106",
                "contactPhone", "027-88" + String.format("%06d", NAME_SEQ.incrementAndGet() % 1_000_000),
                "admin", E2E.obj(
                        "idCard", idCard(),
                        "name", "测试管理员",
                        "phone", phone(),
                        "password", PASSWORD));
    }
}
