using System.Text.Json.Nodes;
using Xunit;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>
/// infra/main.bicep (with its modules) builds and lints without any finding, and the compiled ARM JSON has the
/// properties the deployment relies on. Nothing is deployed; everything here runs offline.
/// </summary>
public sealed class BicepTemplateTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    private ArmTemplate Template => compiled.Template;

    [Fact]
    public void Main_template_builds_without_errors_or_warnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Describe());
        // bicep build writes every diagnostic (warning, linter finding, error) to stderr.
        Assert.True(compiled.Build.StandardError.Trim().Length == 0, compiled.Build.Describe());
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("main.bicepparam")]
    public async Task Linter_reports_nothing(string file)
    {
        var lint = await BicepCli.RunAsync("lint", file);
        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.True(lint.StandardError.Trim().Length == 0 && lint.StandardOutput.Trim().Length == 0, lint.Describe());
    }

    [Fact]
    public async Task Sample_environment_goettingen_test_builds()
    {
        var build = await BicepCli.RunAsync("build-params", "main.bicepparam", "--stdout");
        Assert.True(build.ExitCode == 0 && build.StandardError.Trim().Length == 0, build.Describe());

        var output = JsonNode.Parse(build.StandardOutput)!;
        var parameters = JsonNode.Parse((string)output["parametersJson"]!)!["parameters"]!;
        // Without azd's environment variables the file falls back to the sample environment.
        Assert.Equal("goettingen-test", (string?)parameters["environmentName"]!["value"]);
        Assert.Equal("germanywestcentral", (string?)parameters["location"]!["value"]);
        Assert.Equal("0.00:30:00", (string?)parameters["beiratDeadline"]!["value"]);
        foreach (var secret in new[] { "sendGridApiKey", "clerkApiToken", "entraClientSecret" })
        {
            Assert.Equal("", (string?)parameters[secret]!["value"]); // never a secret in the repository
        }
    }

    [Fact]
    public void Plan_is_flex_consumption()
    {
        var plan = Template.One("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool?)plan["properties"]!["reserved"]); // Linux
    }

    [Fact]
    public void Function_app_has_a_system_assigned_identity_and_deploys_from_blob_storage_with_it()
    {
        var site = Template.One("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);

        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["instanceMemoryMB"]);
    }

    [Fact]
    public void Function_app_runs_the_dotnet_isolated_stack_of_the_apps_target_framework()
    {
        // The platform brings .NET and the Functions host; the package is the framework-dependent FunctionApp.
        var runtime = Template.One("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("[parameters('dotnetVersion')]", (string?)runtime["version"]);
        Assert.Equal("10.0", (string?)Template.Root["parameters"]!["dotnetVersion"]!["defaultValue"]);
        var project = File.ReadAllText(Path.Combine(Ratsworkflow.Testing.RepositoryPaths.Root, "Directory.Build.props"));
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Durable_group_has_an_always_ready_instance_by_default()
    {
        var alwaysReady = Template.One("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["alwaysReady"]!.AsArray();
        var durable = Assert.Single(alwaysReady, g => (string?)g!["name"] == "durable")!;
        Assert.Equal("[parameters('durableAlwaysReady')]", (string?)durable["instanceCount"]);
        Assert.Equal(1, (int?)Template.Root["parameters"]!["durableAlwaysReady"]!["defaultValue"]);
    }

    [Fact]
    public void Nothing_of_the_custom_handler_is_left()
    {
        Assert.DoesNotContain("'java'", Template.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("customHandler", Template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Path.Combine(BicepCli.InfraDirectory, "functions")), "infra/functions (function.json) is back");
    }

    [Fact]
    public void Storage_account_has_no_shared_keys_and_no_public_blobs()
    {
        var account = Template.One("Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.False((bool?)properties["allowSharedKeyAccess"]);
        Assert.False((bool?)properties["allowBlobPublicAccess"]);
        Assert.True((bool?)properties["defaultToOAuthAuthentication"]);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.Equal("Standard_LRS", (string?)account["sku"]!["name"]);
    }

    [Fact]
    public void Nothing_in_the_template_reads_or_builds_an_account_key()
    {
        foreach (var forbidden in new[] { "listKeys", "AccountKey=", "SharedAccessSignature", "listAccountSas" })
        {
            Assert.DoesNotContain(forbidden, Template.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void App_settings_use_identity_based_storage_connections()
    {
        var settings = AppSettings();
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.NotNull(settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", (string?)settings["Storage__credential"]);
        Assert.NotNull(settings["Storage__queueServiceUri"]);
        Assert.NotNull(settings["Storage__tableServiceUri"]);
        Assert.NotNull(settings["Storage__blobServiceUri"]);

        // No connection strings: neither the host's nor the app's.
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"));
        Assert.False(settings.ContainsKey("Storage__ConnectionString"));
        Assert.DoesNotContain(settings, s => s.Key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
            && s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void Secrets_are_key_vault_references()
    {
        var settings = AppSettings();
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", (string?)settings["Email__SendGrid__ApiKey"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", (string?)settings["Clerks__ApiToken"]);
        // The Entra client secret for Easy Auth, added only when sign-in is configured, is a reference as well.
        Assert.Matches(@"'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET', format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)'", Template.Text);
    }

    [Fact]
    public void App_settings_cover_the_configuration_table_of_the_design()
    {
        var settings = AppSettings();
        foreach (var key in new[]
        {
            "App__PublicBaseUrl", "Email__Provider", "Email__SendGrid__ApiKey", "Clerks__ApiToken",
            "Workflow__BeiratDeadline", "Workflow__BeiratReminderBefore", "Workflow__OverdueGrace", "Workflow__ConfirmationExpiry",
        })
        {
            Assert.True(settings.ContainsKey(key), $"app setting {key} is missing");
        }
        Assert.Equal("SendGrid", (string?)settings["Email__Provider"]);
        // The worker's ASP.NET Core server listens where the Functions host tells it; a fixed URL would clash.
        Assert.False(settings.ContainsKey("ASPNETCORE_URLS"));
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_TIME_ZONE")]
    [InlineData("TZ")]
    [InlineData("SCM_DO_BUILD_DURING_DEPLOYMENT")]
    [InlineData("WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT")]
    public void No_setting_that_flex_consumption_deprecates(string name)
    {
        Assert.False(AppSettings().ContainsKey(name));
        Assert.DoesNotContain($"'{name}'", Template.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6")] // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher
    public void App_identity_is_assigned_the_role(string roleDefinitionId)
    {
        // roles.bicep names the role ids in a variable "roles"; the storage roles are assigned in a copy loop over
        // the variable "storageRoles". Resolve both and find an assignment of this role to the app identity.
        var rolesModule = Template.OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "roles");
        var moduleTemplate = rolesModule["properties"]!["template"]!;
        var roleKey = moduleTemplate["variables"]!["roles"]!.AsObject()
            .Single(r => (string?)r.Value == roleDefinitionId).Key;
        var viaVariable = $"variables('roles').{roleKey}";
        var storageRoles = string.Join('\n', moduleTemplate["variables"]!["storageRoles"]!.AsArray().Select(n => (string?)n));

        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => (string?)a["properties"]!["principalId"] == "[parameters('appPrincipalId')]"
                && (string?)a["properties"]!["principalType"] == "ServicePrincipal")
            .Select(a => (string)a["properties"]!["roleDefinitionId"]!)
            .ToList();
        Assert.Contains(assignments, id => id.Contains(viaVariable, StringComparison.Ordinal)
            || id.Contains("variables('storageRoles')[copyIndex()]", StringComparison.Ordinal)
               && storageRoles.Contains(viaVariable, StringComparison.Ordinal));
    }

    [Fact]
    public void Key_vault_uses_rbac()
    {
        var vault = Template.One("Microsoft.KeyVault/vaults");
        Assert.True((bool?)vault["properties"]!["enableRbacAuthorization"]);
        Assert.True((bool?)vault["properties"]!["enableSoftDelete"]);
    }

    [Fact]
    public void Clerk_sign_in_uses_entra_id_and_lets_everyone_else_in()
    {
        var auth = Template.OfType("Microsoft.Web/sites/config")
            .Single(c => ((string?)c["name"])!.Contains("authsettingsV2", StringComparison.Ordinal));
        var properties = auth["properties"]!;
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.False((bool?)properties["globalValidation"]!["requireAuthentication"]);
        Assert.True((bool?)properties["identityProviders"]!["azureActiveDirectory"]!["enabled"]);
        Assert.Equal("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET",
            (string?)properties["identityProviders"]!["azureActiveDirectory"]!["registration"]!["clientSecretSettingName"]);
        Assert.True((bool?)properties["httpSettings"]!["requireHttps"]);
    }

    [Fact]
    public void Application_insights_accepts_only_entra_authenticated_telemetry()
    {
        var insights = Template.One("Microsoft.Insights/components");
        Assert.True((bool?)insights["properties"]!["DisableLocalAuth"]);
        Assert.Equal("Authorization=AAD", (string?)AppSettings()["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Single(Template.OfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Theory]
    [InlineData("APP_URL")]
    [InlineData("STORAGE_ACCOUNT_NAME")]
    [InlineData("KEY_VAULT_NAME")]
    [InlineData("FUNCTION_APP_NAME")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    public void Deployment_outputs(string name)
    {
        var output = Template.Root["outputs"]![name];
        Assert.NotNull(output);
        Assert.Equal("string", (string?)output["type"]);
    }

    private JsonObject AppSettings()
    {
        // The app settings object lives in the appsettings module (as a variable merged with the sign-in settings).
        var candidates = Template.ObjectsWithProperty("AzureWebJobsStorage__accountName").ToList();
        return Assert.Single(candidates);
    }
}
