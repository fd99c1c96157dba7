using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>For <c>lint --backlog</c>: evaluates the backlogs as <c>check</c> does, without waivers, and reports the
/// anatomy's waivers that match none of their gaps.</summary>
internal static class UnusedWaivers
{
    public static IReadOnlyList<AnatomyDiagnostic> Find(EnterpriseAnatomy anatomy, IReadOnlyList<string> backlogPaths)
    {
        if (backlogPaths.Count == 0 || anatomy.Waivers.Count == 0)
        {
            return [];
        }

        var files = new List<(string Name, Stream Content)>();
        try
        {
            foreach (var path in backlogPaths)
            {
                files.Add((path, CheckInvocation.OpenBacklog(path)));
            }

            var report = CheckPipeline.Run(anatomy, files, FailOn.Never);
            return [.. WaiverLinter.Unused(anatomy, report.Items.Select(i => (i.Id, i.Gaps)))];
        }
        finally
        {
            files.ForEach(f => f.Content.Dispose());
        }
    }
}
