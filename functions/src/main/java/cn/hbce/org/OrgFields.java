package cn.hbce.org;

import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.Phone;
import java.util.regex.Pattern;

/** Validation rules shared by registration and editing of org info. */
public final class OrgFields {
    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 200;
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private OrgFields() {
    }

    public static String name(Fields f, String value) {
        String name = f.text("name", value, NAME_MAX);
        f.require("name", name == null || name.length() >= 2);
        return name;
    }

    /** A mobile or a landline such as 027-87654321. */
    public static String contactPhone(Fields f, String value) {
        String phone = f.text("contactPhone", value, 20);
        f.require("contactPhone", phone == null || Phone.normalize(phone).isPresent() || LANDLINE.matcher(phone).matches());
        return phone;
    }

    public static String regionCode(Fields f, String value) {
        String region = f.optionalText("regionCode", value, 6);
        f.require("regionCode", region == null || REGION.matcher(region).matches());
        return region;
    }

    public static String address(Fields f, String value) {
        return f.optionalText("address", value, ADDRESS_MAX);
    }
}
