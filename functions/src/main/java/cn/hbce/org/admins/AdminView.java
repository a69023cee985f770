package cn.hbce.org.admins;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;

/** One admin of the org as lists show it: ID number and phone masked. */
public record AdminView(String adminId, String personId, String name, String idCardMasked, String phone,
                        String roleId, boolean superAdmin, String status) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    static AdminView of(AdminMembership seat, Person person) {
        boolean disabled = seat.disabled() || (person != null && person.disabled());
        return new AdminView(seat.adminId(), seat.personId(),
                person == null ? null : person.name(),
                person == null ? null : IdCard.mask(person.idCard()),
                person == null ? null : Phone.mask(person.phone()),
                seat.roleId(), seat.superAdmin(), disabled ? DISABLED : ACTIVE);
    }
}
