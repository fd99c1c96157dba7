namespace AnatomyBot.Cli.Tests.Doctor;

/// <summary>doctor's <c>Bot identity</c> line: <c>AzureDevOps:BotIdentityId</c> compared with the Authorized identity
/// (<c>authorId</c>) of the <c>anatomybot/linkage</c> status policy; no line when the setting is not set.</summary>
public sealed partial class AzureDevOpsDoctorCommandTests
{
    private const string BotIdentity = "6f168adb-59d4-4fc0-be3b-fb21b939b2a6";

    [Fact]
    public async Task Doctor_BotIdentityIdIsThePolicysAuthorizedIdentity_PassesItsLine()
    {
        await using var setup = await Setup.StartAsync(api => api.Policies.Single(p => p.Id == OurPolicy).Settings["authorId"] = BotIdentity.ToUpperInvariant());

        var result = await setup.RunAsync(settings: new Dictionary<string, string> { ["AzureDevOps__BotIdentityId"] = BotIdentity });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["✔ Status policy: anatomybot/linkage is required on refs/heads/main of Web", $"✔ Bot identity: AzureDevOps:BotIdentityId {BotIdentity} is the Authorized identity of the anatomybot/linkage status policy"],
            result.StdoutLines.Where(l => l.Contains("Status policy:", StringComparison.Ordinal) || l.Contains("Bot identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Doctor_BotIdentityIdIsAnotherIdentity_FailsWithTheFix()
    {
        const string Other = "0d5e55c1-0000-4000-8000-000000000001";
        await using var setup = await Setup.StartAsync(api => api.Policies.Single(p => p.Id == OurPolicy).Settings["authorId"] = Other);

        var result = await setup.RunAsync(settings: new Dictionary<string, string> { ["AzureDevOps__BotIdentityId"] = BotIdentity });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"✖ Bot identity: AzureDevOps:BotIdentityId {BotIdentity} is not the Authorized identity {Other} of an anatomybot/linkage status policy. Fix: set AzureDevOps:BotIdentityId and the status policy's Authorized identity to the identity the bot's credential acts as",
            result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_BotIdentityIdWithoutAnAuthorizedIdentity_SaysItCannotCompare_AndNoLineWithoutTheSetting()
    {
        await using var setup = await Setup.StartAsync(_ => { });

        var configured = await setup.RunAsync(settings: new Dictionary<string, string> { ["AzureDevOps__BotIdentityId"] = BotIdentity });
        var unset = await setup.RunAsync();

        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Contains(
            $"✔ Bot identity: AzureDevOps:BotIdentityId is {BotIdentity}; no anatomybot/linkage status policy names an Authorized identity to compare it with",
            configured.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot identity", unset.Stdout, StringComparison.Ordinal);
    }
}
