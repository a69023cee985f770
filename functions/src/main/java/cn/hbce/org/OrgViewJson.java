package cn.hbce.org;

import cn.hbce.common.json.JsonWritable;
import cn.hbce.common.json.JsonWriter;

/**
 * The JSON of an {@link OrgView} (GET /v1/org), written field by field in the record's order: the
 * same text the mapper writes (OrgViewJsonTest compares them over every field), without loading
 * jackson-databind, which would cost the route's cold start about 100 ms.
 */
public record OrgViewJson(OrgView org) implements JsonWritable {
    @Override
    public void writeFields(JsonWriter json) {
        json.field("orgId", org.orgId())
                .field("type", org.type())
                .field("name", org.name())
                .field("creditCode", org.creditCode())
                .field("parentOrgId", org.parentOrgId())
                .field("parentName", org.parentName())
                .field("status", org.status())
                .field("contactPhone", org.contactPhone())
                .field("regionCode", org.regionCode())
                .field("address", org.address())
                .field("version", org.version())
                .field("createdAt", org.createdAt())
                .field("updatedAt", org.updatedAt());
    }
}
