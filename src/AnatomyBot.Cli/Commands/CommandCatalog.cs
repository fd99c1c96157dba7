using System.CommandLine;
using AnatomyBot.Cli.Input;

namespace AnatomyBot.Cli.Commands;

/// <summary>Every <c>anatomybot</c> subcommand, one line each.</summary>
internal static class CommandCatalog
{
    /// <summary>The commands; <c>check</c> takes its anatomy from <paramref name="anatomy"/> when that read it already.</summary>
    public static IEnumerable<Command> Create(AnatomyPrefetch? anatomy = null)
    {
        // Subcommands are registered here: lint, schema, check, digest, serve, replay, demo.
        yield return LintCommand.Create();
        yield return SchemaCommand.Create();
        yield return CheckCommand.Create(anatomy);
        yield return DigestCommand.Create();
        yield return ServeCommand.Create();
        yield return ReplayCommand.Create();
        yield return DemoCommand.Create();
        yield return FormsCommand.Create();
        yield return DoctorCommand.Create();
        yield return AuditCommand.Create();
    }
}
