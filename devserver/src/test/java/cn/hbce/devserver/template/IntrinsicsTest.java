package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
    private final Map<String, String> refs = Map.of("Table", "hbce-table", "Bucket.Arn", "arn:aws:s3:::b",
            "AWS::Region", "us-east-1", "Stage", "prod");
    private final Intrinsics intrinsics = new Intrinsics(refs::get,
            Map.of("IsProd", Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod"))));

    @Test
    void resolvesRefGetAttSubJoinAndIf() {
        assertEquals("hbce-table", intrinsics.string(Map.of("Ref", "Table")));
        assertEquals("arn:aws:s3:::b", intrinsics.string(Map.of("Fn::GetAtt", List.of("Bucket", "Arn"))));
        assertEquals("t=hbce-table r=us-east-1 ${literal}",
                intrinsics.string(Map.of("Fn::Sub", "t=${Table} r=${AWS::Region} ${!literal}")));
        assertEquals("x-y", intrinsics.string(Map.of("Fn::Sub", List.of("${A}-${B}", Map.of("A", "x", "B", "y")))));
        assertEquals("a,hbce-table", intrinsics.string(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "Table"))))));
        assertEquals("yes", intrinsics.string(Map.of("Fn::If", List.of("IsProd", "yes", "no"))));
    }

    @Test
    void unknownReferencesFailLoudly() {
        assertThrows(IllegalArgumentException.class, () -> intrinsics.string(Map.of("Ref", "Missing")));
    }
}
