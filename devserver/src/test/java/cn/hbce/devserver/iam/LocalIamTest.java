package cn.hbce.devserver.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.template.Intrinsics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local IAM check's evaluation and request mapping, statement by statement, as AWS evaluates them. */
class LocalIamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/hbce-table";
    private static final Intrinsics INTRINSICS = new Intrinsics(Map.of(
            "AWS::Partition", "aws", "AWS::Region", "us-east-1", "AWS::AccountId", "000000000000",
            "Table.Arn", TABLE, "Worker", "Worker", "Machine.Name", "hbce-local-approval")::get, Map.of());
    private static final DynamoDbRequests DYNAMO = new DynamoDbRequests("us-east-1", "000000000000", Map.of("hbce-table", "PK"));

    private static List<Statement> policies(String yamlLikeJson) throws Exception {
        return Policies.of("Fn", JSON.readValue(yamlLikeJson, List.class), INTRINSICS);
    }

    private static boolean allowed(List<Statement> statements, AccessRequest request) {
        return Decision.of(statements, request, "FnRole", "Fn").allowed();
    }

    private static AccessRequest dynamo(String operation, String body) throws Exception {
        return DYNAMO.of("DynamoDB_20120810." + operation, JSON.readTree(body)).get(0);
    }

    @Test
    void leadingKeysConditionsHoldOnlyForTheNamedPartitions() throws Exception {
        List<Statement> sessionsOnly = policies("[{\"Statement\":[{\"Sid\":\"SessionsOnly\",\"Effect\":\"Allow\","
                + "\"Action\":[\"dynamodb:DeleteItem\"],\"Resource\":{\"Fn::GetAtt\":[\"Table\",\"Arn\"]},"
                + "\"Condition\":{\"ForAllValues:StringLike\":{\"dynamodb:LeadingKeys\":[\"SESSION#*\"]}}}]}]");
        assertTrue(allowed(sessionsOnly, dynamo("DeleteItem",
                "{\"TableName\":\"hbce-table\",\"Key\":{\"PK\":{\"S\":\"SESSION#1\"},\"SK\":{\"S\":\"S\"}}}")));
        assertFalse(allowed(sessionsOnly, dynamo("DeleteItem",
                "{\"TableName\":\"hbce-table\",\"Key\":{\"PK\":{\"S\":\"PERSON#1\"},\"SK\":{\"S\":\"S\"}}}")));
        assertFalse(allowed(sessionsOnly, dynamo("PutItem",
                "{\"TableName\":\"hbce-table\",\"Item\":{\"PK\":{\"S\":\"SESSION#1\"},\"SK\":{\"S\":\"S\"}}}")));
    }

    @Test
    void anExplicitDenyWinsAndActionsMatchWildcardsWithoutCase() throws Exception {
        List<Statement> statements = policies("[{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*Item\","
                + "\"Resource\":[{\"Fn::GetAtt\":[\"Table\",\"Arn\"]},{\"Fn::Sub\":\"${Table.Arn}/index/*\"}]},"
                + "{\"Effect\":\"Deny\",\"Action\":\"dynamodb:DeleteItem\",\"Resource\":\"*\"}]}]");
        AccessRequest get = new AccessRequest("DynamoDB:getitem", TABLE);
        assertTrue(allowed(statements, get));
        Decision delete = Decision.of(statements, new AccessRequest("dynamodb:DeleteItem", TABLE), "FnRole", "Fn");
        assertFalse(delete.allowed());
        assertEquals("User: arn:aws:sts::000000000000:assumed-role/FnRole/Fn is not authorized to perform: dynamodb:DeleteItem "
                + "on resource: " + TABLE + " with an explicit deny in an identity-based policy", delete.message());
        assertFalse(allowed(statements, new AccessRequest("dynamodb:Query", TABLE)), "Query is not an *Item action");
    }

    @Test
    void samPolicyTemplatesExpandAsSamDoesAndUnknownOnesFailLoudly() throws Exception {
        List<Statement> statements = policies("[{\"StepFunctionsExecutionPolicy\":{\"StateMachineName\":"
                + "{\"Fn::GetAtt\":[\"Machine\",\"Name\"]}}},{\"LambdaInvokePolicy\":{\"FunctionName\":{\"Ref\":\"Worker\"}}}]");
        assertTrue(allowed(statements, new AccessRequest("states:StartExecution",
                "arn:aws:states:us-east-1:000000000000:stateMachine:hbce-local-approval")));
        assertTrue(allowed(statements, new AccessRequest("lambda:InvokeFunction",
                "arn:aws:lambda:us-east-1:000000000000:function:Worker:live")));
        assertFalse(allowed(statements, new AccessRequest("states:DescribeExecution",
                "arn:aws:states:us-east-1:000000000000:execution:hbce-local-approval:x")));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> policies("[{\"DynamoDBCrudPolicy\":{\"TableName\":\"t\"}}]"));
        assertTrue(unknown.getMessage().contains("DynamoDBCrudPolicy"));
        assertThrows(IllegalStateException.class, () -> policies("[\"AWSLambdaBasicExecutionRole\"]"));
    }

    @Test
    void conditionsTheCheckCannotEvaluateFailLoudly() {
        IllegalStateException operator = assertThrows(IllegalStateException.class, () -> policies(
                "[{\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}]"));
        assertTrue(operator.getMessage().contains("IpAddress"), operator.getMessage());
        IllegalStateException key = assertThrows(IllegalStateException.class, () -> policies(
                "[{\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"a/\"}}}]}]"));
        assertTrue(key.getMessage().contains("s3:prefix"), key.getMessage());
    }

    @Test
    void batchAndTransactionRequestsNeedTheItemActionOnEveryTable() throws Exception {
        List<AccessRequest> batch = DYNAMO.of("DynamoDB_20120810.BatchGetItem", JSON.readTree(
                "{\"RequestItems\":{\"hbce-table\":{\"Keys\":[{\"PK\":{\"S\":\"SESSION#1\"},\"SK\":{\"S\":\"a\"}}]},"
                        + "\"hbce-audittable\":{\"Keys\":[{\"PK\":{\"S\":\"A\"},\"SK\":{\"S\":\"b\"}}]}}}"));
        assertEquals(2, batch.size());
        assertEquals("dynamodb:BatchGetItem", batch.get(1).action());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/hbce-audittable", batch.get(1).resource());
        assertEquals(List.of("SESSION#1"), batch.get(0).context().get("dynamodb:LeadingKeys"));
        List<AccessRequest> transaction = DYNAMO.of("DynamoDB_20120810.TransactWriteItems", JSON.readTree(
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"hbce-table\",\"Item\":{\"PK\":{\"S\":\"X\"}}}},"
                        + "{\"Update\":{\"TableName\":\"hbce-table\",\"Key\":{\"PK\":{\"S\":\"Y\"}}}}]}"));
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:UpdateItem"), transaction.stream().map(AccessRequest::action).toList());
        AccessRequest query = dynamo("Query", "{\"TableName\":\"hbce-table\",\"KeyConditionExpression\":\"#p = :pk AND begins_with(SK, :s)\","
                + "\"ExpressionAttributeNames\":{\"#p\":\"PK\"},\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"ORG#1\"},\":s\":{\"S\":\"A\"}}}");
        assertEquals(List.of("ORG#1"), query.context().get("dynamodb:LeadingKeys"));
    }

    @Test
    void s3RequestsMapToTheActionsS3Authorizes() {
        assertEquals(List.of(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/k/x.pdf")),
                S3Requests.of("HEAD", "/b/k/x.pdf", null, null, null));
        assertEquals(List.of(new AccessRequest("s3:GetObject", "arn:aws:s3:::b/src"), new AccessRequest("s3:PutObject", "arn:aws:s3:::b/dst")),
                S3Requests.of("PUT", "/b/dst", null, "/b/src", null));
        assertEquals(List.of(new AccessRequest("s3:ListBucket", "arn:aws:s3:::b")), S3Requests.of("GET", "/b", "list-type=2&prefix=a", null, null));
        assertEquals(List.of(new AccessRequest("s3:PutObject", "arn:aws:s3:::b/big")), S3Requests.of("PUT", "/b/big", "partNumber=2&uploadId=u", null, null));
        assertEquals(List.of(new AccessRequest("s3:DeleteObject", "arn:aws:s3:::b/a"), new AccessRequest("s3:DeleteObject", "arn:aws:s3:::b/c")),
                S3Requests.of("POST", "/b", "delete", null, "<Delete><Object><Key>a</Key></Object><Object><Key>c</Key></Object></Delete>".getBytes()));
    }

    @Test
    void theCallerIsTheSignersAccessKeyFromTheHeaderOrAPresignedUrl() {
        Identities identities = new Identities(Map.of("GetOrgFunction", new Identities.Principal("GetOrgFunction", "GetOrgFunctionRole", List.of())));
        assertEquals(Optional.of("GetOrgFunction"), identities.caller("AWS4-HMAC-SHA256 Credential=GetOrgFunction/20260101/us-east-1/"
                + "dynamodb/aws4_request, SignedHeaders=host, Signature=abc", null).map(Identities.Principal::functionId));
        assertEquals(Optional.of("GetOrgFunction"), identities.caller(null, "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + "GetOrgFunction%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc").map(Identities.Principal::functionId));
        assertEquals(Optional.empty(), identities.caller("AWS4-HMAC-SHA256 Credential=hbce-local/20260101/us-east-1/dynamodb/aws4_request", null));
    }
}
