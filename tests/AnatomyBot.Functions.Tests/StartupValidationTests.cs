using AnatomyBot.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Functions.Tests;

/// <summary>The composition root refuses to start with settings that cannot work: the host's start-up validation really fires.</summary>
public sealed class StartupValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Digest:Schedule"] = "0 0 7 * * Mon",
        ["Sweep:Schedule"] = "0 30 3 * * *",
    };

    [Fact]
    public async Task Start_WithValidSettings_Starts()
    {
        using var host = Build(Valid);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:queueServiceUri", "https://stab.queue.core.windows.net", "AzureWebJobsStorage:tableServiceUri", "https://stab.table.core.windows.net")]
    [InlineData("AzureWebJobsStorage:accountName", "stab", "AzureWebJobsStorage:credential", "managedidentity")]
    public async Task Start_WithIdentityBasedStorage_StartsAndBuildsTheQueueAndLedgerClients(string key1, string value1, string key2, string value2)
    {
        var settings = new Dictionary<string, string?>(Valid) { ["AzureWebJobsStorage"] = null, [key1] = value1, [key2] = value2 };

        using var host = Build(settings);

        await host.StartAsync();
        var queue = host.Services.GetRequiredService<AnatomyBot.Hosting.Queues.StorageQueueScheduler>();
        Assert.NotNull(queue);
        Assert.NotNull(host.Services.GetRequiredService<AnatomyBot.Core.Ledger.IDeliveryLedger>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_WithIdentityBasedStorageMissingTheTableEndpoint_FailsNamingAzureWebJobsStorage()
    {
        var settings = new Dictionary<string, string?>(Valid) { ["AzureWebJobsStorage"] = null, ["AzureWebJobsStorage:queueServiceUri"] = "https://stab.queue.core.windows.net" };

        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("AzureWebJobsStorage__tableServiceUri", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Digest:Schedule", "0 7 * * 1", "six-field CRON")]
    [InlineData("Sweep:Schedule", "", "six-field CRON")]
    [InlineData("AzureWebJobsStorage", null, "AzureWebJobsStorage")]
    [InlineData("Pipeline:MaxAttempts", "0", "MaxAttempts")]
    public async Task Start_WithUnusableSetting_FailsWithTheSettingNamed(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(Valid) { [key] = value };

        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAnatomyBotFunctions(builder.Configuration);
        return builder.Build();
    }
}
