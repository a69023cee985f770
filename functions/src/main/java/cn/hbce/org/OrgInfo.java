package cn.hbce.org;

/** The editable information of an org. */
public record OrgInfo(String name, String contactPhone, String regionCode, String address) {

    public static OrgInfo of(Org org) {
        return new OrgInfo(org.name(), org.contactPhone(), org.regionCode(), org.address());
    }
}
