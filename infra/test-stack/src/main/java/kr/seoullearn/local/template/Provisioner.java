package kr.seoullearn.local.template;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.storage.LocalS3;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the template's tables, buckets, user pool, app client and groups on the local AWS
 * endpoint, read from template.yaml. Idempotent: what exists (same name) is reused.
 */
public final class Provisioner {
    private final Template template;
    private final LocalAws aws;
    private final String stack;
    private final Consumer<String> progress;
    private URI s3Endpoint;

    public Provisioner(Template template, LocalAws aws, String stack, Consumer<String> progress) {
        this.template = template;
        this.aws = aws;
        this.stack = stack;
        this.progress = progress;
    }

    /**
     * Creates the template's buckets on this S3 endpoint (the local S3, {@link LocalS3}) instead
     * of on the AWS endpoint; functions then get it as {@code AWS_ENDPOINT_URL_S3}.
     */
    public Provisioner bucketsOn(URI s3Endpoint) {
        this.s3Endpoint = s3Endpoint;
        return this;
    }

    /** Provisions everything and returns the resolver that knows the physical ids. */
    public Stack provision(Map<String, String> parameterOverrides) {
        Map<String, String> parameters = new LinkedHashMap<>(template.parameterDefaults());
        parameters.putAll(parameterOverrides);
        Intrinsics intrinsics = new Intrinsics(aws.region(), LocalAws.ACCOUNT_ID, stack, parameters);
        Stack result = new Stack(stack, aws, intrinsics);
        nameFunctions(intrinsics);
        try (DynamoDbClient dynamo = aws.dynamoDb(); S3Client s3 = s3Endpoint == null ? aws.s3() : LocalS3.client(s3Endpoint, aws.region());
             CognitoIdentityProviderClient cognito = aws.cognito()) {
            template.resourcesOfType("AWS::DynamoDB::Table").keySet().forEach(id -> table(dynamo, id, intrinsics, result));
            template.resourcesOfType("AWS::S3::Bucket").keySet().forEach(id -> bucket(s3, id, intrinsics, result));
            template.resourcesOfType("AWS::Cognito::UserPool").keySet().forEach(id -> userPool(cognito, id, intrinsics, result));
            template.resourcesOfType("AWS::Cognito::UserPoolClient").keySet().forEach(id -> client(cognito, id, intrinsics, result));
            template.resourcesOfType("AWS::Cognito::UserPoolGroup").keySet().forEach(id -> group(cognito, id, intrinsics));
            // reminders: the sender's SES identity (verified at once by the emulator)
            template.resourcesOfType("AWS::SES::EmailIdentity").keySet().forEach(id -> emailIdentity(id, intrinsics));
            template.resourcesOfType("AWS::SecretsManager::Secret").keySet().forEach(id -> secret(id, intrinsics));
            for (String id : template.resourcesOfType("AWS::Serverless::HttpApi").keySet()) {
                intrinsics.ref(id, "local");
            }
        }
        return result;
    }

    private void nameFunctions(Intrinsics intrinsics) {
        for (Template.Function f : template.functions()) {
            String name = stack + "-" + f.logicalId();
            intrinsics.ref(f.logicalId(), name);
            intrinsics.attribute(f.logicalId(), "Arn",
                    "arn:aws:lambda:" + aws.region() + ":" + LocalAws.ACCOUNT_ID + ":function:" + name);
        }
    }

    private void emailIdentity(String id, Intrinsics intrinsics) {
        String identity = intrinsics.resolve(template.properties(id).get("EmailIdentity"));
        try (var ses = aws.sesV2()) {
            ses.createEmailIdentity(r -> r.emailIdentity(identity));
            progress.accept("created SES identity " + identity);
        } catch (software.amazon.awssdk.services.sesv2.model.AlreadyExistsException e) {
            progress.accept("SES identity " + identity + " exists; reusing it");
        }
        intrinsics.ref(id, identity);
    }

    /**
     * A generated secret (GenerateSecretString in the template), generated here as Secrets Manager
     * would: random, made on this machine when the stack is provisioned, never in the repository.
     * Its !Ref is its ARN, as in AWS.
     */
    private void secret(String id, Intrinsics intrinsics) {
        String name = stack + "-" + id;
        byte[] random = new byte[48];
        new java.security.SecureRandom().nextBytes(random);
        String value = java.util.Base64.getEncoder().encodeToString(random);
        try (var secrets = aws.secretsManager()) {
            String arn;
            try {
                arn = secrets.createSecret(r -> r.name(name).secretString(value)).arn();
                progress.accept("created secret " + name + " (generated value)");
            } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException e) {
                arn = secrets.describeSecret(r -> r.secretId(name)).arn();
                progress.accept("secret " + name + " exists; reusing it");
            }
            intrinsics.ref(id, arn);
        }
    }

    private void table(DynamoDbClient dynamo, String id, Intrinsics intrinsics, Stack result) {
        Map<String, Object> p = template.properties(id);
        String name = p.containsKey("TableName") ? intrinsics.resolve(p.get("TableName")) : stack + "-" + id;
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : (List<?>) p.get("AttributeDefinitions")) {
            Map<String, Object> m = Template.map(a);
            attributes.add(AttributeDefinition.builder().attributeName(String.valueOf(m.get("AttributeName")))
                    .attributeType(String.valueOf(m.get("AttributeType"))).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : p.get("GlobalSecondaryIndexes") instanceof List<?> l ? l : List.of()) {
            Map<String, Object> m = Template.map(g);
            Map<String, Object> projection = Template.map(m.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(String.valueOf(m.get("IndexName")))
                    .keySchema(keySchema(m.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")))
                            .nonKeyAttributes(strings(projection.get("NonKeyAttributes")))
                            .build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(p.get("KeySchema")));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            dynamo.createTable(request.build());
            Map<String, Object> ttl = Template.map(p.get("TimeToLiveSpecification"));
            if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
                dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(
                        t -> t.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
            }
            progress.accept("created table " + name + " (" + indexes.size() + " GSI)");
        } catch (ResourceInUseException e) {
            progress.accept("table " + name + " exists; reusing it");
        }
        intrinsics.ref(id, name);
        intrinsics.attribute(id, "Arn", "arn:aws:dynamodb:" + aws.region() + ":" + LocalAws.ACCOUNT_ID + ":table/" + name);
        result.tables.put(id, name);
    }

    private void bucket(S3Client s3, String id, Intrinsics intrinsics, Stack result) {
        Map<String, Object> p = template.properties(id);
        String name = p.containsKey("BucketName") ? intrinsics.resolve(p.get("BucketName"))
                : (stack + "-" + id).toLowerCase(Locale.ROOT);
        try {
            s3.createBucket(r -> r.bucket(name).createBucketConfiguration(c -> c.locationConstraint(aws.region())));
            progress.accept("created bucket " + name);
        } catch (BucketAlreadyOwnedByYouException e) {
            progress.accept("bucket " + name + " exists; reusing it");
        }
        intrinsics.ref(id, name);
        intrinsics.attribute(id, "Arn", "arn:aws:s3:::" + name);
        intrinsics.attribute(id, "RegionalDomainName", name + ".s3." + aws.region() + ".amazonaws.com");
        result.buckets.put(id, name);
    }

    private void userPool(CognitoIdentityProviderClient cognito, String id, Intrinsics intrinsics, Stack result) {
        Map<String, Object> p = template.properties(id);
        String name = p.containsKey("UserPoolName") ? intrinsics.resolve(p.get("UserPoolName")) : stack + "-" + id;
        String poolId = cognito.listUserPoolsPaginator(r -> r.maxResults(60)).userPools().stream()
                .filter(pool -> pool.name().equals(name)).map(pool -> pool.id()).findFirst().orElse(null);
        if (poolId == null) {
            List<SchemaAttributeType> schema = new ArrayList<>();
            for (Object a : p.get("Schema") instanceof List<?> l ? l : List.of()) {
                Map<String, Object> m = Template.map(a);
                Map<String, Object> constraints = Template.map(m.get("StringAttributeConstraints"));
                SchemaAttributeType.Builder attribute = SchemaAttributeType.builder()
                        .name(String.valueOf(m.get("Name")))
                        .attributeDataType(AttributeDataType.fromValue(String.valueOf(m.getOrDefault("AttributeDataType", "String"))))
                        .mutable(!Boolean.FALSE.equals(m.get("Mutable")))
                        .required(Boolean.TRUE.equals(m.get("Required")));
                if (!constraints.isEmpty()) {
                    attribute.stringAttributeConstraints(StringAttributeConstraintsType.builder()
                            .minLength(String.valueOf(constraints.get("MinLength")))
                            .maxLength(String.valueOf(constraints.get("MaxLength"))).build());
                }
                schema.add(attribute.build());
            }
            Map<String, Object> password = Template.map(Template.map(p.get("Policies")).get("PasswordPolicy"));
            CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder()
                    .poolName(name)
                    .usernameAttributesWithStrings(strings(p.get("UsernameAttributes")))
                    .autoVerifiedAttributesWithStrings(strings(p.get("AutoVerifiedAttributes")))
                    .schema(schema);
            if (!password.isEmpty()) {
                request.policies(pol -> pol.passwordPolicy(pp -> pp
                        .minimumLength(((Number) password.getOrDefault("MinimumLength", 8)).intValue())
                        .requireLowercase(Boolean.TRUE.equals(password.get("RequireLowercase")))
                        .requireUppercase(Boolean.TRUE.equals(password.get("RequireUppercase")))
                        .requireNumbers(Boolean.TRUE.equals(password.get("RequireNumbers")))
                        .requireSymbols(Boolean.TRUE.equals(password.get("RequireSymbols")))));
            }
            poolId = cognito.createUserPool(request.build()).userPool().id();
            progress.accept("created user pool " + name + " (" + poolId + ")");
        } else {
            progress.accept("user pool " + name + " exists; reusing " + poolId);
        }
        intrinsics.ref(id, poolId);
        intrinsics.attribute(id, "Arn", "arn:aws:cognito-idp:" + aws.region() + ":" + LocalAws.ACCOUNT_ID + ":userpool/" + poolId);
        intrinsics.attribute(id, "ProviderName", "cognito-idp." + aws.region() + ".amazonaws.com/" + poolId);
        result.userPools.put(id, poolId);
        Map<String, Object> lambdaConfig = Template.map(p.get("LambdaConfig"));
        lambdaConfig.forEach((trigger, target) -> result.triggers.put(trigger, functionOf(target)));
    }

    /**
     * "!Ref SignupFunction.Alias" (the published alias, so SnapStart applies: docs/adr/0018) or
     * "!GetAtt SignupFunction.Arn" → "SignupFunction". Locally every function runs as is.
     */
    private static String functionOf(Object target) {
        Object ref = Template.map(target).get("Ref");
        if (ref instanceof String name && name.endsWith(".Alias")) {
            return name.substring(0, name.length() - ".Alias".length());
        }
        Object getAtt = Template.map(target).get("Fn::GetAtt");
        if (getAtt instanceof List<?> parts) {
            return String.valueOf(parts.get(0));
        }
        throw new IllegalArgumentException("trigger target must be !Ref <Function>.Alias or !GetAtt <Function>.Arn, not " + target);
    }

    private void client(CognitoIdentityProviderClient cognito, String id, Intrinsics intrinsics, Stack result) {
        Map<String, Object> p = template.properties(id);
        String poolId = intrinsics.resolve(p.get("UserPoolId"));
        String name = p.containsKey("ClientName") ? intrinsics.resolve(p.get("ClientName")) : id;
        String clientId = cognito.listUserPoolClientsPaginator(r -> r.userPoolId(poolId).maxResults(60))
                .userPoolClients().stream().filter(c -> c.clientName().equals(name))
                .map(c -> c.clientId()).findFirst().orElse(null);
        List<String> callbacks = resolveAll(p.get("CallbackURLs"), intrinsics);
        if (clientId == null) {
            clientId = cognito.createUserPoolClient(CreateUserPoolClientRequest.builder()
                    .userPoolId(poolId)
                    .clientName(name)
                    .generateSecret(Boolean.TRUE.equals(p.get("GenerateSecret")))
                    .explicitAuthFlowsWithStrings(strings(p.get("ExplicitAuthFlows")))
                    .allowedOAuthFlowsWithStrings(strings(p.get("AllowedOAuthFlows")))
                    .allowedOAuthScopes(strings(p.get("AllowedOAuthScopes")))
                    .allowedOAuthFlowsUserPoolClient(Boolean.TRUE.equals(p.get("AllowedOAuthFlowsUserPoolClient")))
                    .callbackURLs(callbacks)
                    .logoutURLs(resolveAll(p.get("LogoutURLs"), intrinsics))
                    .build()).userPoolClient().clientId();
            progress.accept("created app client " + name + " (" + clientId + ")");
        } else {
            progress.accept("app client " + name + " exists; reusing " + clientId);
        }
        intrinsics.ref(id, clientId);
        result.clients.put(id, new Stack.Client(clientId, poolId, callbacks, resolveAll(p.get("LogoutURLs"), intrinsics)));
    }

    private void group(CognitoIdentityProviderClient cognito, String id, Intrinsics intrinsics) {
        Map<String, Object> p = template.properties(id);
        String poolId = intrinsics.resolve(p.get("UserPoolId"));
        String name = intrinsics.resolve(p.get("GroupName"));
        try {
            cognito.createGroup(r -> r.userPoolId(poolId).groupName(name)
                    .description(p.get("Description") == null ? null : String.valueOf(p.get("Description")))
                    .precedence(p.get("Precedence") instanceof Number n ? n.intValue() : null));
            progress.accept("created group " + name);
        } catch (GroupExistsException e) {
            progress.accept("group " + name + " exists");
        }
        intrinsics.ref(id, name);
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : (List<?>) value) {
            Map<String, Object> m = Template.map(k);
            keys.add(KeySchemaElement.builder().attributeName(String.valueOf(m.get("AttributeName")))
                    .keyType(String.valueOf(m.get("KeyType"))).build());
        }
        return keys;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static List<String> resolveAll(Object value, Intrinsics intrinsics) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(intrinsics.resolve(v)));
        }
        return out;
    }
}
