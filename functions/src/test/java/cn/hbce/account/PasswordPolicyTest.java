package cn.hbce.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final String ID = "420106198001010015";
    private static final String PHONE = "13912345678";

    @Test
    void needsEightCharactersFromThreeClasses() {
        assertTrue(PasswordPolicy.acceptable("Abcdef12", ID, PHONE));
        assertTrue(PasswordPolicy.acceptable("abcdef1!", ID, PHONE));
        assertFalse(PasswordPolicy.acceptable("Abcde12", ID, PHONE), "7 characters");
        assertFalse(PasswordPolicy.acceptable("abcdefgh1", ID, PHONE), "two classes");
        assertFalse(PasswordPolicy.acceptable("ABCDEFGH", ID, PHONE), "one class");
    }

    @Test
    void refusesPasswordsContainingTheIdNumberOrPhone() {
        assertFalse(PasswordPolicy.acceptable("Aa!" + ID, ID, PHONE));
        assertFalse(PasswordPolicy.acceptable("Aa!" + PHONE, ID, PHONE));
    }

    @Test
    void refusesWhitespaceAndOverlongPasswords() {
        assertFalse(PasswordPolicy.acceptable("Abc def12", ID, PHONE));
        assertFalse(PasswordPolicy.acceptable("Aa1!" + "x".repeat(61), ID, PHONE));
    }

    @Test
    void refusesCommonPasswordsThatMeetTheClassRuleAnyway() {
        assertFalse(PasswordPolicy.acceptable("P@ssw0rd", ID, PHONE));
        assertFalse(PasswordPolicy.acceptable("Admin@123", ID, PHONE));
        assertFalse(PasswordPolicy.acceptable("ADMIN@123", ID, PHONE), "case does not matter");
        assertFalse(PasswordPolicy.acceptable("1qaz@WSX", ID, PHONE));
        assertTrue(PasswordPolicy.acceptable("Admin@123x7", ID, PHONE), "a longer, rarer variant is fine");
    }
}
