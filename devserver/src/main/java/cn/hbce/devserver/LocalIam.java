package cn.hbce.devserver;

import cn.hbce.devserver.iam.DynamoDbRequests;
import cn.hbce.devserver.iam.IamGate;
import cn.hbce.devserver.iam.Identities;
import cn.hbce.devserver.iam.Policies;
import cn.hbce.devserver.iam.Statement;
import cn.hbce.devserver.template.Intrinsics;
import cn.hbce.devserver.template.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's IAM, enforced locally: every function's policies (read once, at start, so a
 * statement the check cannot evaluate stops the devserver at once) and an {@link IamGate} in front
 * of each local service. The functions' endpoints are the gates.
 */
final class LocalIam implements AutoCloseable {
    final IamGate dynamo;
    final IamGate s3;
    final IamGate sfn;
    final IamGate secrets;
    final Identities identities;

    private LocalIam(Identities identities, IamGate dynamo, IamGate s3, IamGate sfn, IamGate secrets) {
        this.identities = identities;
        this.dynamo = dynamo;
        this.s3 = s3;
        this.sfn = sfn;
        this.secrets = secrets;
    }

    static LocalIam start(SamTemplate template, Intrinsics intrinsics, LocalServices services, Map<String, String> secretArnsByName) {
        Identities identities = new Identities(principals(template, intrinsics));
        Map<String, String> partitionKeys = new LinkedHashMap<>();
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            for (Object k : (List<?>) template.properties(id).getOrDefault("KeySchema", List.of())) {
                Map<?, ?> key = (Map<?, ?>) k;
                if ("HASH".equals(key.get("KeyType"))) {
                    partitionKeys.put(Provisioner.tableName(id), String.valueOf(key.get("AttributeName")));
                }
            }
        }
        DynamoDbRequests dynamoRequests = new DynamoDbRequests(LocalServices.REGION, LocalServices.ACCOUNT, partitionKeys);
        List<IamGate> started = new ArrayList<>();
        try {
            // HBCE_DYNAMODB_UPSTREAM: benchmarks put a counting proxy between the gate and dynalite.
            java.net.URI dynamoUpstream = java.net.URI.create(DevServerConfig.setting("HBCE_DYNAMODB_UPSTREAM",
                    services.dynamoEndpoint().toString()));
            IamGate dynamo = started(started, IamGate.start(IamGate.Service.DYNAMODB, dynamoUpstream, identities,
                    dynamoRequests, name -> name));
            IamGate s3 = started(started, IamGate.start(IamGate.Service.S3, services.s3Endpoint(), identities, null, name -> name)
                    .verifyingPresignedUrls(key -> presignSecret(identities, key), java.time.Clock.systemUTC()));
            IamGate sfn = started(started, IamGate.start(IamGate.Service.STEP_FUNCTIONS, services.sfnEndpoint(), identities,
                    null, name -> name));
            IamGate secrets = started(started, IamGate.start(IamGate.Service.SECRETS_MANAGER, services.secretsManagerEndpoint(),
                    identities, null, name -> secretArnsByName.getOrDefault(name, name)));
            return new LocalIam(identities, dynamo, s3, sfn, secrets);
        } catch (RuntimeException e) {
            started.forEach(IamGate::close);
            throw e;
        }
    }

    /**
     * The secret a presigned URL of this access key was signed with: a function's local key, or the
     * devserver's own (its tests and tools presign too); any other key is unknown, as on AWS.
     */
    static java.util.Optional<String> presignSecret(Identities identities, String accessKeyId) {
        if (identities.isFunction(accessKeyId)) {
            return java.util.Optional.of(FunctionEnvironments.FUNCTION_SECRET_KEY);
        }
        return LocalServices.ACCESS_KEY.equals(accessKeyId) ? java.util.Optional.of(LocalServices.SECRET_KEY)
                : java.util.Optional.empty();
    }

    /** Each function's identity: its logical id as access key, SAM's role name, its policies. */
    static Map<String, Identities.Principal> principals(SamTemplate template, Intrinsics intrinsics) {
        Map<String, Identities.Principal> out = new LinkedHashMap<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            out.put(f.logicalId(), new Identities.Principal(f.logicalId(), f.logicalId() + "Role",
                    Policies.of(f.logicalId(), f.policies(), intrinsics)));
        }
        return out;
    }

    /** The statements of a state machine's role (for the Lambda functions it may invoke). */
    static List<Statement> stateMachinePolicies(SamTemplate.StateMachineDef def, Intrinsics intrinsics) {
        return Policies.of(def.logicalId(), def.policies(), intrinsics);
    }

    FunctionEnvironments.Endpoints endpoints() {
        return new FunctionEnvironments.Endpoints(dynamo.endpoint(), s3.endpoint(), sfn.endpoint(), secrets.endpoint());
    }

    private static IamGate started(List<IamGate> started, IamGate gate) {
        started.add(gate);
        return gate;
    }

    @Override
    public void close() {
        secrets.close();
        sfn.close();
        s3.close();
        dynamo.close();
    }
}
