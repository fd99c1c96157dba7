using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>What <see cref="PipelineTemplate"/> ran: each bash step's result, and the files uploaded as summaries.</summary>
internal sealed class AgentRun
{
    public List<CliResult> Steps { get; } = [];

    public List<string> Summaries { get; } = [];
}
