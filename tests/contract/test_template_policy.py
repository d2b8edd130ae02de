"""Security and operations properties of template.yaml that must not regress."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from typing import Any

import cfnlint.api
import pytest

from infra import web_headers
from infra.local.template_model import TEMPLATE_PATH, Template
from infra.local.web_app import FILE_EXTENSIONS

RESTRICTED_KEY_USERS = {"ReportsFunction", "CasesFunction", "SurveysFunction"}
VIEWER_IP_HEADER = "x-workwell-viewer-ip"
ORIGIN_VERIFY_HEADER = "x-workwell-origin-verify"
ORIGIN_VERIFY_VALUE = {"Fn::Sub": "{{resolve:secretsmanager:${OriginVerifySecret}:SecretString}}"}


def test_cfn_lint_reports_nothing() -> None:
    assert [str(m) for m in cfnlint.api.lint_file(TEMPLATE_PATH)] == []


def test_lambda_runtime_and_powertools_capture_settings(template: Template) -> None:
    function_globals = template.document["Globals"]["Function"]
    variables = function_globals["Environment"]["Variables"]

    assert function_globals["Runtime"] == "python3.13"
    assert function_globals["Architectures"] == ["arm64"]
    assert variables["POWERTOOLS_TRACER_CAPTURE_RESPONSE"] == "false"
    assert variables["POWERTOOLS_TRACER_CAPTURE_ERROR"] == "false"


def test_the_api_stage_records_no_client_address_or_bodies(template: Template) -> None:
    api = template.resources["Api"]["Properties"]
    log_format = api["AccessLogSetting"]["Format"]

    assert api["TracingEnabled"] is False
    assert "sourceIp" not in log_format
    assert "userAgent" not in log_format
    assert all(s["DataTraceEnabled"] is False and s["LoggingLevel"] == "OFF" for s in api["MethodSettings"])
    assert api["Auth"]["DefaultAuthorizer"] == "CognitoAuthorizer"


@pytest.mark.parametrize(
    "response",
    ["UNAUTHORIZED", "ACCESS_DENIED", "REQUEST_TOO_LARGE", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX"],
)
def test_gateway_responses_use_the_api_error_shape(template: Template, response: str) -> None:
    body = template.resources["Api"]["Properties"]["GatewayResponses"][response]["ResponseTemplates"][
        "application/json"
    ]

    parsed = json.loads(body.replace("$context.requestId", "r"))
    assert set(parsed) == {"error", "requestId"}
    assert set(parsed["error"]) == {"code", "message", "details"}


def test_users_cannot_write_their_own_tenant_or_unit(template: Template) -> None:
    client = template.resources["UserPoolClient"]["Properties"]

    assert not [a for a in client["WriteAttributes"] if a.startswith("custom:")]
    assert {"custom:tenant", "custom:unit", "custom:group", "custom:lang"} <= set(client["ReadAttributes"])


@pytest.mark.parametrize("table", ["MainTable", "AuditTable", "IdempotencyTable", "SurveyTable"])
def test_tables_are_encrypted_with_the_table_key_and_recoverable(template: Template, table: str) -> None:
    properties = template.resources[table]["Properties"]

    assert properties["SSESpecification"]["KMSMasterKeyId"] == {"Ref": "TableKey"}
    assert properties["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    assert properties["TimeToLiveSpecification"]["Enabled"] is True
    assert properties["BillingMode"] == "PAY_PER_REQUEST"


def test_main_table_keys_and_stream(template: Template) -> None:
    properties = template.resources["MainTable"]["Properties"]

    assert properties["TimeToLiveSpecification"]["AttributeName"] == "expires_at"
    assert properties["StreamSpecification"]["StreamViewType"] == "NEW_IMAGE"
    assert [i["IndexName"] for i in properties["GlobalSecondaryIndexes"]] == ["GSI1", "GSI2"]


def test_only_the_surveys_function_reaches_the_survey_table_which_has_no_stream(template: Template) -> None:
    """Successive images of a survey counter differ by one response's scores: they must
    never pass through a stream another function reads."""
    assert "StreamSpecification" not in template.resources["SurveyTable"]["Properties"]
    for name, function in template.functions.items():
        touches = [
            s
            for s in _statements(dict(function))
            if "SurveyTable" in json.dumps(s.get("Resource"), default=str)
        ]
        assert bool(touches) == (name == "SurveysFunction"), name
    surveys = _statements(dict(template.functions["SurveysFunction"]))
    main_table_actions = {
        a
        for s in surveys
        if "MainTable" in json.dumps(s["Resource"], default=str) and "index" not in json.dumps(s["Resource"])
        for a in _as_list(s["Action"])
    }
    assert main_table_actions == {"dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"}


def _statements(function: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        s
        for policy in function["Properties"].get("Policies", [])
        if isinstance(policy, dict)
        for s in policy.get("Statement", [])
    ]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _restricted_key_statements(function: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [
        s
        for s in _statements(dict(function))
        if "RestrictedDataKey" in json.dumps(s.get("Resource"), default=str)
    ]


def test_only_restricted_data_functions_may_use_the_restricted_key(template: Template) -> None:
    for name, function in template.functions.items():
        if name == "NotifierFunction":
            continue  # below: contacts only
        assert bool(_restricted_key_statements(function)) == (name in RESTRICTED_KEY_USERS), name


def test_the_catalogue_holds_no_key_to_restricted_data_or_people(template: Template) -> None:
    """The tray holds no restricted data: no restricted-data key, no person blinding, and it
    never deletes from the main table (an order is cancelled, not removed)."""
    function = template.functions["CatalogueFunction"]
    variables = function["Properties"]["Environment"]["Variables"]
    statements = _statements(dict(function))
    resources = json.dumps([s.get("Resource") for s in statements], default=str)
    main_table_actions = {
        a
        for s in statements
        if "MainTable" in json.dumps(s["Resource"], default=str) and "index" not in json.dumps(s["Resource"])
        for a in _as_list(s["Action"])
    }

    assert not _restricted_key_statements(function)
    assert "RESTRICTED_DATA_KEY_ID" not in variables
    assert "BLINDING_KEY_ID" not in variables
    assert "PeopleBlindingKey" not in resources
    assert "RestrictedDataKey" not in resources
    assert main_table_actions == {
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:ConditionCheckItem",
    }


def test_the_catalogue_serves_the_service_tray_routes_signed_in(template: Template) -> None:
    routes = {(r.method, r.path) for r in template.routes if r.function == "CatalogueFunction"}

    assert routes == {
        ("GET", "/services"),
        ("GET", "/services/{serviceId}"),
        ("POST", "/services"),
        ("PATCH", "/services/{serviceId}"),
        ("POST", "/services/{serviceId}/decision"),
        ("POST", "/orders"),
        ("GET", "/orders/mine"),
        ("GET", "/orders/incoming"),
        ("GET", "/orders/{orderId}"),
        ("POST", "/orders/{orderId}/transitions"),
        ("POST", "/orders/{orderId}/feedback"),
    }
    assert all(r.authorized for r in template.routes if r.function == "CatalogueFunction")


def test_the_notifier_may_open_reporters_contacts_and_nothing_else(template: Template) -> None:
    statements = _restricted_key_statements(template.functions["NotifierFunction"])
    assert len(statements) == 1
    assert _as_list(statements[0]["Action"]) == ["kms:Decrypt"]
    assert statements[0]["Condition"] == {
        "StringEquals": {"kms:EncryptionContext:record_type": "reporter_contact"}
    }


def test_only_the_surveys_function_opens_peoples_survey_keys(template: Template) -> None:
    """Survey answers are readable by the person alone: their key opens only in the surveys
    function, which can open nothing else with the restricted-data key."""
    (surveys,) = _restricted_key_statements(template.functions["SurveysFunction"])
    assert surveys["Effect"] == "Allow"
    assert sorted(_as_list(surveys["Action"])) == ["kms:Decrypt", "kms:GenerateDataKey"]
    assert surveys["Condition"] == {
        "StringEquals": {"kms:EncryptionContext:record_type": "survey_person_key"}
    }
    for name in ("ReportsFunction", "CasesFunction"):
        denied = [s for s in _restricted_key_statements(template.functions[name]) if s["Effect"] == "Deny"]
        assert len(denied) == 1, name
        assert sorted(_as_list(denied[0]["Action"])) == ["kms:Decrypt", "kms:GenerateDataKey"]
        assert denied[0]["Condition"] == {
            "StringEquals": {"kms:EncryptionContext:record_type": "survey_person_key"}
        }


def test_the_surveys_function_serves_the_survey_routes_signed_in(template: Template) -> None:
    routes = {(r.method, r.path) for r in template.routes if r.function == "SurveysFunction"}

    assert routes == {
        ("GET", "/survey"),
        ("POST", "/survey/responses"),
        ("GET", "/survey/responses/mine"),
        ("GET", "/survey/responses/{responseId}"),
        ("GET", "/recommendations"),
        ("GET", "/wellbeing/aggregates"),
    }
    assert all(r.authorized for r in template.routes if r.function == "SurveysFunction")
    variables = template.functions["SurveysFunction"]["Properties"]["Environment"]["Variables"]
    assert "BLINDING_KEY_ID" not in variables


def test_the_notifier_takes_only_inserted_outbox_items_from_the_stream(template: Template) -> None:
    events = template.functions["NotifierFunction"]["Properties"]["Events"]
    stream = events["OutboxStream"]["Properties"]
    (only_filter,) = stream["FilterCriteria"]["Filters"]
    assert json.loads(only_filter["Pattern"]) == {
        "eventName": ["INSERT"],
        "dynamodb": {"NewImage": {"entity": {"S": ["outbox"]}}},
    }
    assert stream["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert 0 < stream["MaximumRetryAttempts"] <= 10
    assert stream["BisectBatchOnFunctionError"] is True
    assert stream["DestinationConfig"]["OnFailure"]["Type"] == "SQS"
    assert events["OutboxSweep"]["Type"] == "ScheduleV2"


def test_the_digest_runs_on_weekday_mornings_in_helsinki(template: Template) -> None:
    schedule = template.functions["DigestFunction"]["Properties"]["Events"]["WeekdayDigest"]
    assert schedule["Type"] == "ScheduleV2"
    assert schedule["Properties"]["ScheduleExpression"] == "cron(0 7 ? * MON-FRI *)"
    assert schedule["Properties"]["ScheduleExpressionTimezone"] == "Europe/Helsinki"


@pytest.mark.parametrize(
    ("function", "partition"), [("NotifierFunction", "OUTBOX"), ("DigestFunction", "DIGEST")]
)
def test_mailing_functions_write_only_their_own_bookkeeping(
    template: Template, function: str, partition: str
) -> None:
    writes = {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:TransactWriteItems"}
    for statement in _statements(dict(template.functions[function])):
        if not writes & set(_as_list(statement["Action"])):
            continue
        assert statement["Condition"] == {
            "ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"TENANT#*#{partition}#*"]}
        }


def test_no_function_may_change_or_delete_audit_events(template: Template) -> None:
    """Append and read only; the one exception is the retention expiry of a closed case's
    events, which the cases function may set and nothing else."""
    for name, function in template.functions.items():
        for statement in _statements(dict(function)):
            if "AuditTable" not in json.dumps(statement.get("Resource"), default=str):
                continue
            actions = set(_as_list(statement["Action"]))
            if actions == {"dynamodb:UpdateItem"}:
                assert name == "CasesFunction", name
                condition = statement["Condition"]
                assert condition["ForAllValues:StringEquals"]["dynamodb:Attributes"] == [
                    "PK",
                    "SK",
                    "expires_at",
                ]
                continue
            assert actions <= {"dynamodb:PutItem", "dynamodb:Query"}, name


def test_no_function_may_scan(template: Template) -> None:
    for name, function in template.functions.items():
        actions = {a for s in _statements(dict(function)) for a in _as_list(s["Action"])}
        assert "dynamodb:Scan" not in actions, name
        assert "dynamodb:*" not in actions, name


def test_every_function_has_a_log_group_with_retention(template: Template) -> None:
    groups = template.resources_of_type("AWS::Logs::LogGroup")
    named = {json.dumps(g["Properties"].get("LogGroupName"), default=str) for g in groups.values()}

    for name in template.functions:
        assert any(name in n for n in named), name
    assert all("RetentionInDays" in g["Properties"] for g in groups.values())


def test_the_layer_and_functions_build_for_arm64_with_makefiles(template: Template) -> None:
    layer = template.resources["WorkwellLayer"]

    assert layer["Metadata"] == {"BuildMethod": "makefile", "BuildArchitecture": "arm64"}
    assert layer["Properties"]["CompatibleRuntimes"] == ["python3.13"]
    assert all(f["Metadata"]["BuildMethod"] == "makefile" for f in template.functions.values())


def test_the_tenant_never_comes_from_a_federated_providers_assertion(template: Template) -> None:
    mapping = template.resources["SamlIdentityProvider"]["Properties"]["AttributeMapping"]
    trigger = template.resources["UserPool"]["Properties"]["LambdaConfig"]["PreTokenGeneration"]

    assert "custom:tenant" not in mapping
    assert trigger == {"Fn::GetAtt": ["IdentityFunction", "Arn"]}


# ------------------------------------------------------------------ anonymous routes


def test_only_the_public_routes_skip_the_authorizer(template: Template) -> None:
    anonymous = {(r.method, r.path) for r in template.routes if not r.authorized}

    assert anonymous == {
        ("GET", "/public/{tenant}/report-types"),
        ("GET", "/public/{tenant}/report-types/{type}/handlers"),
        ("POST", "/public/{tenant}/reports"),
        ("POST", "/public/{tenant}/follow-up"),
        ("POST", "/public/{tenant}/follow-up/messages"),
    }


def test_public_routes_have_their_own_throttling(template: Template) -> None:
    settings = template.resources["Api"]["Properties"]["MethodSettings"]
    throttled = {
        (s["HttpMethod"], s["ResourcePath"].replace("~1", "/")[1:])
        for s in settings
        if s["ThrottlingRateLimit"] == {"Ref": "PublicRouteThrottlingRateLimit"}
    }

    public = {(r.method, r.path) for r in template.routes if not r.authorized}
    assert throttled == public


def _waf_rules(template: Template) -> dict[str, Mapping[str, Any]]:
    return {r["Name"]: r for r in template.resources["PublicRoutesWebAcl"]["Properties"]["Rules"]}


def test_anonymous_routes_are_rate_limited_per_address_without_keeping_addresses(template: Template) -> None:
    acl = template.resources["PublicRoutesWebAcl"]["Properties"]
    rule = _waf_rules(template)["anonymous-routes-per-address"]
    statement = rule["Statement"]["RateBasedStatement"]
    association = template.resources["PublicRoutesWebAclAssociation"]["Properties"]

    assert statement["ScopeDownStatement"]["ByteMatchStatement"]["SearchString"] == "/public/"
    assert rule["Action"]["Block"]["CustomResponse"]["ResponseCode"] == 429
    # Sampled requests and WAF logs would both keep reporters' IP addresses.
    assert acl["VisibilityConfig"]["SampledRequestsEnabled"] is False
    assert all(r["VisibilityConfig"]["SampledRequestsEnabled"] is False for r in acl["Rules"])
    assert not template.resources_of_type("AWS::WAFv2::LoggingConfiguration")
    assert "Api" in json.dumps(association["ResourceArn"], default=str)


def test_the_rate_rule_counts_the_viewer_address_cloudfront_saw(template: Template) -> None:
    """Behind CloudFront the source address is an edge's, and X-Forwarded-For (what
    FORWARDED_IP reads first) is whatever the client wrote: the key is the header the
    CloudFront function sets from event.viewer.ip, and the rule only sees requests that
    passed the CloudFront-only rule."""
    rules = _waf_rules(template)
    statement = rules["anonymous-routes-per-address"]["Statement"]["RateBasedStatement"]

    assert statement["AggregateKeyType"] == "CUSTOM_KEYS"
    assert statement["CustomKeys"] == [
        {"Header": {"Name": VIEWER_IP_HEADER, "TextTransformations": [{"Priority": 0, "Type": "NONE"}]}}
    ]
    assert "ForwardedIPConfig" not in statement
    code = template.resources["ApiPrefixFunction"]["Properties"]["FunctionCode"]
    assert f"request.headers['{VIEWER_IP_HEADER}'] = {{ value: event.viewer.ip }}" in code
    assert rules["cloudfront-only"]["Priority"] < rules["anonymous-routes-per-address"]["Priority"]


def test_the_api_answers_only_requests_that_came_through_cloudfront(template: Template) -> None:
    acl = template.resources["PublicRoutesWebAcl"]["Properties"]
    rule = _waf_rules(template)["cloudfront-only"]
    match = rule["Statement"]["NotStatement"]["Statement"]["ByteMatchStatement"]
    block = rule["Action"]["Block"]["CustomResponse"]
    body = json.loads(acl["CustomResponseBodies"][block["CustomResponseBodyKey"]]["Content"])
    secret = template.resources["OriginVerifySecret"]
    distribution = _distribution(template)
    origins = {o["Id"]: o for o in distribution["Origins"]}

    assert rule["Priority"] == 0
    assert (match["FieldToMatch"], match["PositionalConstraint"]) == (
        {"SingleHeader": {"Name": ORIGIN_VERIFY_HEADER}},
        "EXACTLY",
    )
    assert match["SearchString"] == ORIGIN_VERIFY_VALUE
    assert match["TextTransformations"] == [{"Priority": 0, "Type": "NONE"}]
    assert block["ResponseCode"] == 403
    assert (set(body), set(body["error"]), body["error"]["code"]) == (
        {"error", "requestId"},
        {"code", "message", "details"},
        "forbidden",
    )
    assert rule["VisibilityConfig"]["SampledRequestsEnabled"] is False
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    generated = secret["Properties"]["GenerateSecretString"]
    assert generated["PasswordLength"] >= 32
    assert generated["ExcludePunctuation"] is True
    # The secret goes to the API origin only, never to the bucket (or anyone else).
    assert origins["api"]["OriginCustomHeaders"] == [
        {"HeaderName": ORIGIN_VERIFY_HEADER, "HeaderValue": ORIGIN_VERIFY_VALUE}
    ]
    assert "OriginCustomHeaders" not in origins["web-app"]
    assert "OriginVerifySecret" not in json.dumps(template.document.get("Outputs"), default=str)


def test_unusual_anonymous_volume_raises_an_alarm_instead_of_a_cap(template: Template) -> None:
    alarm = template.resources["AnonymousReportVolumeAlarm"]["Properties"]

    assert alarm["MetricName"] == "AnonymousReportSubmitted"
    assert (
        alarm["Namespace"]
        == template.document["Globals"]["Function"]["Environment"]["Variables"][
            "POWERTOOLS_METRICS_NAMESPACE"
        ]
    )


# ---------------------------------------------------------------- web app hosting (issue 13)


def _distribution(template: Template) -> Mapping[str, Any]:
    return template.resources["WebDistribution"]["Properties"]["DistributionConfig"]


def test_the_web_app_bucket_is_private_and_only_the_distribution_reads_it(template: Template) -> None:
    bucket = template.resources["WebAppBucket"]["Properties"]
    statements = template.resources["WebAppBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    (tls,) = [s for s in statements if s["Effect"] == "Deny"]
    (reader,) = [s for s in statements if s["Effect"] == "Allow"]
    access = template.resources["WebAppOriginAccessControl"]["Properties"]["OriginAccessControlConfig"]
    (origin,) = [o for o in _distribution(template)["Origins"] if o["Id"] == "web-app"]

    assert set(bucket["PublicAccessBlockConfiguration"].values()) == {True}
    assert len(bucket["PublicAccessBlockConfiguration"]) == 4
    assert bucket["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    assert "WebsiteConfiguration" not in bucket
    assert (tls["Action"], tls["Condition"]) == ("s3:*", {"Bool": {"aws:SecureTransport": "false"}})
    assert reader["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert reader["Action"] == "s3:GetObject"
    source = reader["Condition"]["StringEquals"]["AWS:SourceArn"]["Fn::Sub"]
    assert source.endswith(":distribution/${WebDistribution}")
    assert (access["OriginAccessControlOriginType"], access["SigningBehavior"]) == ("s3", "always")
    assert origin["OriginAccessControlId"] == {"Fn::GetAtt": ["WebAppOriginAccessControl", "Id"]}


def test_one_origin_serves_the_app_and_the_api_under_api(template: Template) -> None:
    distribution = _distribution(template)
    default = distribution["DefaultCacheBehavior"]
    (api,) = distribution["CacheBehaviors"]
    (api_origin,) = [o for o in distribution["Origins"] if o["Id"] == "api"]
    policy = {"Ref": "WebResponseHeadersPolicy"}

    assert distribution["DefaultRootObject"] == "index.html"
    assert distribution["HttpVersion"] == "http2and3"
    assert "CustomErrorResponses" not in distribution  # they would rewrite the API's 403/404 too
    assert distribution["ViewerCertificate"]["Fn::If"][1]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    assert default["ViewerProtocolPolicy"] == "redirect-to-https"
    assert default["ResponseHeadersPolicyId"] == api["ResponseHeadersPolicyId"] == policy
    assert default["FunctionAssociations"][0]["EventType"] == "viewer-request"
    assert (api["PathPattern"], api["TargetOriginId"], api["ViewerProtocolPolicy"]) == (
        "/api/*",
        "api",
        "https-only",
    )
    assert api["CachePolicyId"] == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"  # CachingDisabled
    assert api["OriginRequestPolicyId"] == {"Ref": "ApiOriginRequestPolicy"}
    assert {"GET", "POST", "PUT", "PATCH", "DELETE"} <= set(api["AllowedMethods"])
    assert api["FunctionAssociations"] == [
        {
            "EventType": "viewer-request",
            "FunctionARN": {"Fn::GetAtt": ["ApiPrefixFunction", "FunctionMetadata.FunctionARN"]},
        }
    ]
    assert api_origin["DomainName"] == {"Fn::Sub": "${Api}.execute-api.${AWS::Region}.amazonaws.com"}
    assert api_origin["OriginPath"] == {"Fn::Sub": "/${StageName}"}
    assert api_origin["CustomOriginConfig"]["OriginProtocolPolicy"] == "https-only"


def test_cloudfront_passes_the_api_every_viewer_header_but_host(template: Template) -> None:
    config = template.resources["ApiOriginRequestPolicy"]["Properties"]["OriginRequestPolicyConfig"]

    # API Gateway answers 403 to a request with the viewer's Host; Authorization, the
    # Idempotency-Key and x-workwell-viewer-ip (set by the function) must reach it.
    assert config["HeadersConfig"] == {"HeaderBehavior": "allExcept", "Headers": ["Host"]}
    assert config["CookiesConfig"] == {"CookieBehavior": "none"}
    assert config["QueryStringsConfig"] == {"QueryStringBehavior": "all"}


def _run_cloudfront_function(
    template: Template,
    name: str,
    uri: str,
    headers: Mapping[str, str] | None = None,
    viewer_ip: str = "198.51.100.7",
) -> dict[str, Any]:
    """The request a CloudFront Function returns for a viewer request."""
    code = template.resources[name]["Properties"]["FunctionCode"]
    event = {
        "viewer": {"ip": viewer_ip},
        "request": {"uri": uri, "headers": {k: {"value": v} for k, v in (headers or {}).items()}},
    }
    script = f"{code}\nprocess.stdout.write(JSON.stringify(handler({json.dumps(event)})));"
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    result = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)  # noqa: S603
    request: dict[str, Any] = json.loads(result.stdout)
    return request


@pytest.mark.parametrize(
    ("uri", "origin_sees"),
    [("/api/me", "/me"), ("/api/cases/abc/transitions", "/cases/abc/transitions"), ("/api/", "/")],
)
def test_the_api_prefix_function_strips_api(template: Template, uri: str, origin_sees: str) -> None:
    assert _run_cloudfront_function(template, "ApiPrefixFunction", uri)["uri"] == origin_sees


@pytest.mark.parametrize(
    "client_sent",
    [{}, {VIEWER_IP_HEADER: "203.0.113.9"}, {VIEWER_IP_HEADER: "198.51.100.7, 203.0.113.9"}],
)
def test_the_api_function_sets_the_viewer_address_whatever_the_client_sent(
    template: Template, client_sent: dict[str, str]
) -> None:
    headers = {"authorization": "Bearer t", **client_sent}

    request = _run_cloudfront_function(template, "ApiPrefixFunction", "/api/public/kokkola/reports", headers)

    assert request["headers"][VIEWER_IP_HEADER] == {"value": "198.51.100.7"}
    assert request["headers"]["authorization"] == {"value": "Bearer t"}


@pytest.mark.parametrize(
    ("uri", "bucket_key"),
    [
        ("/", "/index.html"),
        ("/cases/abc", "/index.html"),
        ("/kokkola/report", "/index.html"),
        ("/tray/orders/ii.0123456789abcdef", "/index.html"),
        ("/tray/services/oulunkaari.ab12", "/index.html"),
        ("/assets/index-abc123.js", "/assets/index-abc123.js"),
        ("/assets/Font.WOFF2", "/assets/Font.WOFF2"),
        ("/app-config.json", "/app-config.json"),
        ("/favicon.svg", "/favicon.svg"),
    ],
)
def test_pages_of_the_app_are_its_index_on_aws_too(template: Template, uri: str, bucket_key: str) -> None:
    """The same rule as the local stack's (infra/local/web_app.py)."""
    assert _run_cloudfront_function(template, "WebAppRoutingFunction", uri)["uri"] == bucket_key


def test_the_file_extensions_on_aws_are_the_local_stacks(template: Template) -> None:
    code = template.resources["WebAppRoutingFunction"]["Properties"]["FunctionCode"]
    listed = re.search(r"var FILE = /\\\.\((.*?)\)\$/i;", code)
    assert listed is not None, code
    assert set(listed.group(1).split("|")) == FILE_EXTENSIONS


def test_the_response_headers_policy_has_the_headers_the_local_stack_sends(template: Template) -> None:
    config = template.resources["WebResponseHeadersPolicy"]["Properties"]["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    custom = {h["Header"]: h["Value"] for h in config["CustomHeadersConfig"]["Items"]}
    local = web_headers.security_headers()

    assert security["ContentSecurityPolicy"]["ContentSecurityPolicy"] == {
        "Fn::Sub": web_headers.content_security_policy(*web_headers.COGNITO_CONNECT_SOURCES)
    }
    hsts = security["StrictTransportSecurity"]
    assert (hsts["AccessControlMaxAgeSec"], hsts["IncludeSubdomains"], hsts["Preload"]) == (
        web_headers.HSTS_MAX_AGE_SECONDS,
        True,
        True,
    )
    assert local["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == local["Referrer-Policy"] == "no-referrer"
    assert security["FrameOptions"]["FrameOption"] == local["X-Frame-Options"] == "DENY"
    assert security["ContentTypeOptions"]["Override"] is True
    assert custom == {"Permissions-Policy": local["Permissions-Policy"]}
    assert all(h["Override"] is True for h in security.values())
    assert "CorsConfig" not in config
    for directive in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "script-src 'self'",
    ):
        assert directive in local["Content-Security-Policy"]


def _keys_and_strings(node: Any) -> Iterator[tuple[str, str]]:
    """("key", name) for every key and ("text", value) for every string of a template part."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield "key", str(key)
            yield from _keys_and_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _keys_and_strings(value)
    elif isinstance(node, str):
        yield "text", node


def test_no_cors_anywhere_the_api_is_for_its_own_origin(template: Template) -> None:
    parts = list(_keys_and_strings(template.document))
    cors_keys = [name for kind, name in parts if kind == "key" and "cors" in name.lower()]
    cors_headers = [text for _, text in parts if "access-control-" in text.lower()]

    # Only the switch that keeps the authorizer off preflights SAM would otherwise add.
    assert cors_keys == ["AddDefaultAuthorizerToCorsPreflight"]
    assert template.resources["Api"]["Properties"]["Auth"]["AddDefaultAuthorizerToCorsPreflight"] is False
    assert cors_headers == []


def test_the_cognito_client_returns_to_the_app(template: Template) -> None:
    client = template.resources["UserPoolClient"]["Properties"]

    assert {"Fn::Sub": "${FrontEndUrl}/sign-in/callback"} in client["CallbackURLs"]
