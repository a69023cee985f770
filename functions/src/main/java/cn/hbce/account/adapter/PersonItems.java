package cn.hbce.account.adapter;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;

import cn.hbce.common.aws.Item;
import java.time.Instant;

/** Item mapping for people and admin seats, shared by the repositories that read them. */
public final class PersonItems {
    private PersonItems() {
    }

    static Item toItem(Person p) {
        Item item = Item.create("PERSON#" + p.personId(), "PROFILE")
                .put("entity", "PERSON")
                .put("personId", p.personId())
                .put("idCard", p.idCard())
                .put("name", p.name())
                .put("phone", p.phone())
                .put("passwordHash", p.passwordHash())
                .put("disabled", p.disabled())
                .put("mustChangePassword", p.mustChangePassword())
                .put("failures", p.guard().failures())
                .put("windowStart", p.guard().windowStartEpoch())
                .put("lockedUntil", p.guard().lockedUntilEpoch())
                .put("version", p.version())
                .put("createdAt", p.createdAt().toString());
        PersonRegistration reg = p.registration();
        if (reg != null) {
            item.put("regOrgId", reg.orgId()).put("regStatus", reg.status().name())
                    .put("titleSeries", reg.titleSeries()).put("titleLevel", reg.titleLevel())
                    .put("gender", reg.gender()).put("education", reg.education()).put("major", reg.major())
                    .put("titleObtainedOn", reg.titleObtainedOn())
                    .put("GSI1PK", membersKey(reg.orgId())).put("GSI1SK", memberSortKey(p.personId()));
        }
        return item;
    }

    /**
     * The member index of an org (GSI1): every professional registered with it, whatever the
     * registration's state. A transfer moves the key with {@code regOrgId}.
     */
    public static String membersKey(String orgId) {
        return "MEMBERS#" + orgId;
    }

    public static String memberSortKey(String personId) {
        return "PERSON#" + personId;
    }

    public static Person fromItem(Item i) {
        PersonRegistration reg = i.str("regStatus") == null ? null
                : new PersonRegistration(i.str("regOrgId"), RegistrationStatus.valueOf(i.str("regStatus")),
                        i.str("titleSeries"), i.str("titleLevel"), i.str("gender"), i.str("education"), i.str("major"),
                        i.str("titleObtainedOn"));
        return new Person(i.str("personId"), i.str("idCard"), i.str("name"), i.str("phone"), i.str("passwordHash"),
                reg, i.bool("disabled"), i.bool("mustChangePassword"), guardOf(i), i.num("version", 1),
                Instant.parse(i.str("createdAt")));
    }

    static LoginGuard guardOf(Item i) {
        return new LoginGuard((int) i.num("failures", 0), i.num("windowStart", 0), i.num("lockedUntil", 0));
    }

    public static Item membershipItem(AdminMembership m) {
        return Item.create("ORG#" + m.orgId(), "ADMIN#" + m.adminId())
                .put("entity", "ADMIN")
                .put("adminId", m.adminId())
                .put("orgId", m.orgId())
                .put("orgType", m.orgType())
                .put("personId", m.personId())
                .put("roleId", m.roleId())
                .put("superAdmin", m.superAdmin())
                .put("disabled", m.disabled());
    }

    public static AdminMembership membershipOf(Item i) {
        return new AdminMembership(i.str("adminId"), i.str("orgId"), i.str("orgType"), i.str("personId"),
                i.str("roleId"), i.bool("superAdmin"), i.bool("disabled"));
    }
}
