using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Tests;

/// <summary>A small onboarding anatomy: outcome O-ACT, value stream VS-ONB with stage S-VERIFY, logic L-KYC and
/// component C-KYC (owning <c>src/kyc/**</c>).</summary>
internal static class TestAnatomy
{
    public static EnterpriseAnatomy Create() => new(
        [new Outcome { Id = "O-ACT", Name = "Faster activation", Metric = "days to activate", Target = "< 2" }],
        [new ValueStream
        {
            Id = "VS-ONB",
            Name = "Customer onboarding",
            Outcomes = ["O-ACT"],
            Stages = [new Stage { Id = "S-VERIFY", Name = "Verify identity", ValueStreamId = "VS-ONB", Order = 1, Outcomes = ["O-ACT"], Logic = ["L-KYC"] }],
        }],
        [new LogicElement { Id = "L-KYC", Name = "KYC rule", Kind = LogicKind.Rule, Components = ["C-KYC"] }],
        [new Component { Id = "C-KYC", Name = "KYC service", Kind = ComponentKind.Rule, Paths = ["src/kyc/**"] }]);
}
