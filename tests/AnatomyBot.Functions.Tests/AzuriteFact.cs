namespace AnatomyBot.Functions.Tests;

/// <summary>A test that needs Azurite: skipped locally when <c>ANATOMYBOT_TEST_AZURE_STORAGE</c> is unset, but never under
/// <c>CI=true</c> (there the test runs and fails without it).</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        if (string.IsNullOrEmpty(ConnectionString) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "ANATOMYBOT_TEST_AZURE_STORAGE is not set (bash .ci/run starts Azurite and sets it).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable("ANATOMYBOT_TEST_AZURE_STORAGE");

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException("ANATOMYBOT_TEST_AZURE_STORAGE is not set but CI=true: Azurite must be running.");
}
