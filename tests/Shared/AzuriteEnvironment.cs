namespace AnatomyBot.Testing;

/// <summary>The Azurite connection string for tests against Azure Storage. <c>.ci/run</c> starts Azurite and exports
/// <c>ANATOMYBOT_TEST_AZURE_STORAGE</c>. Unset: the test is skipped locally but fails under <c>CI=true</c>.
/// Use from any <c>[Fact]</c> or <c>[Theory]</c> (it calls xunit v3's <c>Assert.Skip</c>); link this file into a test project with
/// <c>&lt;Compile Include="../Shared/AzuriteEnvironment.cs" Link="Shared/AzuriteEnvironment.cs" /&gt;</c>.</summary>
internal static class AzuriteEnvironment
{
    public const string VariableName = "ANATOMYBOT_TEST_AZURE_STORAGE";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the connection string, skips the test when it is missing locally, throws under CI.</summary>
    public static string RequireConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(VariableName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"{VariableName} is not set and CI=true: Azurite must run in CI (see .ci/run).");
        }

        Assert.Skip($"{VariableName} is not set; start Azurite and export it to run the Azure Storage tests.");
        return "";
    }
}
